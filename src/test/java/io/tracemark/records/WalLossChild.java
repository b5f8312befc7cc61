package io.tracemark.records;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link WalLossTest}: a ledger sending and verifying units through group commit
 * until it is killed, printing {@code sent N} after each unit's SENT is durable. A reader holds one
 * read transaction open from the start (as a long panel query might), so the checkpointer cannot
 * copy the later commits into the database file: they live only in {@code station.db-wal}.
 */
public final class WalLossChild {

    private WalLossChild() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        GroupCommit group = new GroupCommit(db);
        CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
        LedgerFixture.importCodes(ledger, 1, 2_000);
        ledger.createJob("J1", TraceLevel.ITEM, 2_000, "test");
        db.checkpoint();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> db.read(conn -> {
            try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM codes")) {
                rs.next();
                reading.countDown();
                try {
                    new CountDownLatch(1).await(); // until killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }));
        reader.setDaemon(true);
        reader.start();
        reading.await();
        int sent = 0;
        while (true) {
            for (AllocatedCode code : ledger.allocate("J1", 10, "line")) {
                Unit unit = ledger.markSent("J1", code.code(), "line");
                System.out.println("sent " + ++sent);
                System.out.flush();
                ledger.verify(unit.id(), "A", "camera");
            }
        }
    }
}
