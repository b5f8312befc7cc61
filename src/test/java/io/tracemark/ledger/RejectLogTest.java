package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reject log on a real SQLite ledger: pages in a stable order, totals, counts per reason, periods. */
class RejectLogTest {

    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private CodeLedger ledger;
    private Instant now = T0;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        ledger = new CodeLedger(db, db, clock);
        Ledgers.importCodes(ledger, 1, 100);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeatWhileRejectsArrive() {
        ledger.createJob("J1", TraceLevel.ITEM, 40, Ledgers.ACTOR);
        List<AllocatedCode> codes = ledger.allocate("J1", 40, Ledgers.ACTOR);
        List<Long> rejected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            now = T0.plusSeconds(i / 2); // two verdicts share each second: the unit id breaks the tie
            rejected.add(reject("J1", codes.get(i), i % 3 == 0 ? "no-read" : "low-grade"));
        }
        List<Long> seen = new ArrayList<>();
        RejectCursor after = null;
        List<RejectedUnit> page = ledger.rejected(RejectQuery.all(), after, 10);
        assertEquals(rejected.get(24), page.get(0).unitId(), "newest first");
        int pages = 0;
        while (!page.isEmpty()) {
            page.forEach(r -> seen.add(r.unitId()));
            after = RejectCursor.after(page.get(page.size() - 1));
            if (pages++ == 0) {
                now = T0.plusSeconds(60);
                rejected.add(reject("J1", codes.get(30), "duplicate")); // arrives while the operator reads page 1
            }
            page = ledger.rejected(RejectQuery.all(), after, 10);
        }
        List<Long> expected = new ArrayList<>(rejected.subList(0, 25));
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen, "every reject once, in order, the new one not pushed into later pages");
        assertEquals(3, pages);
        assertEquals(26, ledger.rejectedCount(RejectQuery.all()));
    }

    @Test
    void countsPerReasonAreForTheJobAndPeriod() {
        ledger.createJob("J1", TraceLevel.ITEM, 10, Ledgers.ACTOR);
        List<AllocatedCode> one = ledger.allocate("J1", 10, Ledgers.ACTOR);
        reject("J1", one.get(0), "no-read");
        now = T0.plusSeconds(3600);
        reject("J1", one.get(1), "no-read");
        reject("J1", one.get(2), "low-grade");
        reject("J1", one.get(3), "no-read");
        ledger.createJob("J2", TraceLevel.ITEM, 10, Ledgers.ACTOR);
        List<AllocatedCode> two = ledger.allocate("J2", 10, Ledgers.ACTOR);
        reject("J2", two.get(0), "wrong-code");

        Map<String, Long> job1 = new LinkedHashMap<>(Map.of("no-read", 3L, "low-grade", 1L));
        assertEquals(job1, ledger.rejectedByReason(new RejectQuery("J1", null, null, null, null)));
        assertEquals(List.of("no-read", "low-grade"),
                List.copyOf(ledger.rejectedByReason(new RejectQuery("J1", null, null, null, null)).keySet()), "most first");
        RejectQuery shift = new RejectQuery(null, null, null, T0.plusSeconds(1800), T0.plusSeconds(7200));
        assertEquals(Map.of("no-read", 2L, "low-grade", 1L, "wrong-code", 1L), ledger.rejectedByReason(shift));
        assertEquals(4, ledger.rejectedCount(shift));
        RejectQuery lowInJob1 = new RejectQuery("J1", "low-grade", null, null, null);
        assertEquals(1, ledger.rejectedCount(lowInJob1));
        assertEquals(Map.of("no-read", 3L, "low-grade", 1L), ledger.rejectedByReason(lowInJob1.anyReasonOrCode()));
        List<RejectedUnit> rows = ledger.rejected(lowInJob1, null, 10);
        assertEquals(1, rows.size());
        assertEquals("J1", rows.get(0).jobId());
        assertEquals(one.get(2).code(), rows.get(0).code());
        assertTrue(ledger.rejected(new RejectQuery("J1", null, one.get(3).code().substring(3), null, null), null, 10)
                .stream().allMatch(r -> r.code().contains(one.get(3).code().substring(3))));
    }

    private long reject(String job, AllocatedCode code, String reason) {
        Unit unit = ledger.markSent(job, code.code(), Ledgers.ACTOR);
        ledger.reject(unit.id(), reason, "D", Ledgers.ACTOR);
        return unit.id();
    }
}
