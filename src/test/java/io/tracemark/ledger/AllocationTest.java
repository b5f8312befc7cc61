package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationTest {

    @TempDir
    Path dir;

    @Test
    void twoThreadsAllocatingAtOnceNeverGetTheSameCode() throws Exception {
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            Ledgers.importCodes(ledger, 1, 1000);
            ledger.createJob("A", TraceLevel.ITEM, 500, Ledgers.ACTOR);
            ledger.createJob("B", TraceLevel.ITEM, 500, Ledgers.ACTOR);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<String>>> results = new ArrayList<>();
            for (String job : List.of("A", "B")) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        ledger.allocate(job, 10, Ledgers.ACTOR).forEach(c -> got.add(c.code()));
                    }
                    return got;
                }));
            }
            start.countDown();
            List<String> a = results.get(0).get();
            List<String> b = results.get(1).get();
            pool.shutdown();
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            assertEquals(500, a.size());
            assertEquals(500, b.size());
            assertEquals(1000, all.size(), "no code allocated twice");
            assertEquals(500, db.count("SELECT count(*) FROM codes WHERE job_id = 'A' AND state = 'ALLOCATED'"));
            assertEquals(0, ledger.countCodes(CodeState.AVAILABLE));
        }
    }

    @Test
    void tooFewCodesAllocatesNothingAndNamesTheNumbers() {
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            Ledgers.importCodes(ledger, 1, 5);
            ledger.importCodes(List.of("OTHER-1"), "other", "opaque", CodeValidator.anyCode(), Ledgers.ACTOR);
            ledger.createJob("J", TraceLevel.ITEM, 10, Ledgers.ACTOR);
            String before = Ledgers.snapshot(db);
            LedgerException e = assertThrows(LedgerException.class, () -> ledger.allocate("J", 6, "tm", Ledgers.ACTOR));
            assertEquals("job J: asked for 6 codes of scheme tm, only 5 AVAILABLE", e.getMessage());
            assertEquals(before, Ledgers.snapshot(db));
            assertEquals(List.of("OTHER-1"), ledger.allocate("J", 1, "opaque", Ledgers.ACTOR).stream().map(AllocatedCode::code).toList());
            assertEquals(5, ledger.allocate("J", 5, Ledgers.ACTOR).size());
            assertTrue(assertThrows(LedgerException.class, () -> ledger.allocate("J", 1, Ledgers.ACTOR))
                    .getMessage().contains("only 0 AVAILABLE"));
            assertEquals(Optional.of(CodeState.ALLOCATED), ledger.codeState("TM000005"));
        }
    }
}
