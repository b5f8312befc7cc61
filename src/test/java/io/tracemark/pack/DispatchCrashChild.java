package io.tracemark.pack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The child JVM of {@link DispatchCrashTest}: fills and closes shipments of two cases each until it is killed. */
public final class DispatchCrashChild {

    private DispatchCrashChild() {
    }

    public static void main(String[] args) {
        PackFixture f = new PackFixture(Path.of(args[0]));
        List<String> codes = f.job("J1", "P1", 400, 0);
        List<Parent> cases = new ArrayList<>();
        for (int i = 0; i + 4 <= codes.size(); i += 4) {
            cases.add(f.packs.close(f.caseOf(4, codes.subList(i, i + 4)).sscc(), "packer", null));
        }
        Shipping shipping = new Shipping(f.db, f.db, Clock.systemUTC(), false);
        Buyer buyer = new Buyer("Buyer Ltd", "1 Road", "555-0100");
        System.out.println("ready");
        System.out.flush();
        for (int s = 0; 2 * s + 1 < cases.size(); s++) {
            String order = "SO-" + s;
            shipping.create(order, buyer, Instant.now(), "sam");
            shipping.dispatch(order, cases.get(2 * s).sscc().digits(), "sam");
            shipping.dispatch(order, cases.get(2 * s + 1).sscc().digits(), "sam");
            shipping.close(order, "sam");
            System.out.println("shipped " + (s + 1));
            System.out.flush();
        }
        System.out.println("finished");
    }
}
