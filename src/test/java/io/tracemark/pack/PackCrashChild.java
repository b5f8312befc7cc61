package io.tracemark.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link PackCrashTest}: two packers race for the same verified units (each into its own
 * cases, cases onto pallets, now and then a rework or a move) until the JVM is killed.
 */
public final class PackCrashChild {

    private PackCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PackFixture f = new PackFixture(Path.of(args[0]));
        List<String> codes = f.job("J1", "P1", 800, 0);
        System.out.println("ready");
        System.out.flush();
        AtomicLong packed = new AtomicLong();
        List<Thread> packers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String user = "packer-" + t;
            Thread thread = new Thread(() -> packAll(f.packs, codes, user, packed));
            thread.start();
            packers.add(thread);
        }
        long reported = 0;
        while (packers.stream().anyMatch(Thread::isAlive)) {
            long now = packed.get();
            if (now >= reported + 20) {
                System.out.println("packed " + now);
                System.out.flush();
                reported = now;
            }
            Thread.onSpinWait();
        }
        System.out.println("finished");
    }

    private static void packAll(Aggregation packs, List<String> codes, String user, AtomicLong packed) {
        Parent pallet = packs.openPallet(50, user);
        Parent box = packs.openCase(10, null, null, false, user);
        int n = 0;
        for (String code : codes) {
            try {
                box = packs.pack(box.sscc(), code, user);
                packed.incrementAndGet();
            } catch (PackRefusedException taken) {
                continue; // the other packer had it
            }
            if (++n % 37 == 0) {
                box = packs.rework(code, user, "rework " + n);
            }
            if (box.full()) {
                packs.close(box.sscc(), user, null);
                if (pallet.full()) {
                    pallet = packs.openPallet(50, user);
                }
                pallet = packs.putOnPallet(pallet.sscc(), box.sscc(), user);
                box = packs.openCase(10, null, null, false, user);
            }
        }
    }
}
