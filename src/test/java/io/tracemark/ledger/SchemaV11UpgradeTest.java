package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import io.tracemark.store.Migrations;
import io.tracemark.store.Outbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station database written before V11 (with codes in every state, a job half done, outbox messages
 * sent and unsent) upgrades in place: the old indexes are replaced, nothing stored changes, and the
 * ledger carries on with the job on the new indexes.
 */
class SchemaV11UpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aV10DatabaseUpgradesKeepingEveryRowAndTheJobCarriesOn() {
        String job = "job-upgrade";
        String before;
        try (Database db = Database.open(dir, Migrations.shipped().subList(0, 10))) {
            assertEquals(10, db.schemaVersion());
            assertEquals(1, index(db, "codes_by_state"));
            CodeLedger ledger = new CodeLedger(db);
            Ledgers.importCodes(ledger, 1, 40);
            ledger.createJob(job, TraceLevel.ITEM, 20, Ledgers.ACTOR);
            List<AllocatedCode> codes = ledger.allocate(job, 10, "tm", Ledgers.ACTOR);
            for (int i = 0; i < 6; i++) {
                Unit unit = ledger.markSent(job, codes.get(i).code(), Ledgers.ACTOR);
                if (i < 4) {
                    ledger.verify(unit.id(), "A", Ledgers.ACTOR);
                } else if (i == 4) {
                    ledger.reject(unit.id(), "grade", "D", Ledgers.ACTOR);
                }
            }
            Outbox.OutboxMessage first = ledger.outbox().pending(10).get(0);
            ledger.outbox().markSent(first.id());
            before = Ledgers.snapshot(db);
        }

        try (Database db = Database.open(dir)) {
            assertEquals(Migrations.shipped().size(), db.schemaVersion());
            assertEquals(0, index(db, "codes_by_state"));
            assertEquals(0, index(db, "transitions_by_code"));
            assertEquals(0, index(db, "outbox_pending"));
            assertEquals(1, index(db, "codes_available"));
            assertEquals(1, index(db, "outbox_unsent"));
            assertEquals(1, index(db, "units_by_code"));
            assertEquals(before, Ledgers.snapshot(db), "the upgrade changes no row");
            assertEquals("ok", db.read(conn -> {
                try (var st = conn.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));

            CodeLedger ledger = new CodeLedger(db);
            assertEquals(30, ledger.countCodes(CodeState.AVAILABLE));
            assertEquals(30, ledger.countAvailable("tm", null));
            assertEquals(4, ledger.countCodesByState().get(CodeState.VERIFIED));
            assertEquals(1, ledger.countCodesByState().get(CodeState.SENT));
            assertEquals(4, ledger.countCodesByState().get(CodeState.ALLOCATED));
            assertEquals(4, ledger.outbox().pending(10).size(), "verdicts not sent yet stay due");
            Unit inFlight = ledger.unitByCode(ledger.inFlight(job).get(0).code()).orElseThrow();
            assertEquals(CodeState.SENT, inFlight.state());
            ledger.verify(inFlight.id(), "B", Ledgers.ACTOR);
            List<AllocatedCode> more = ledger.allocate(job, 10, "tm", Ledgers.ACTOR);
            assertEquals(20, ledger.countCodes(CodeState.AVAILABLE));
            for (AllocatedCode code : more) {
                ledger.verify(ledger.markSent(job, code.code(), Ledgers.ACTOR).id(), "A", Ledgers.ACTOR);
            }
            ledger.releaseUnused(job, Ledgers.ACTOR);
            Reconciliation r = ledger.reconcile(job);
            assertTrue(r.balanced(), r.toString());
            assertEquals(15, r.verified());
            assertEquals(24, ledger.countCodes(CodeState.AVAILABLE), "the 4 never sent went back");
            assertEquals(0, Ledgers.codesDisagreeingWithHistory(db));
        }
    }

    private static long index(Database db, String name) {
        return db.count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", name);
    }
}
