package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.ChallengeResult;
import io.tracemark.line.JobRequest;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The challenge test, job validation and batch-level jobs on the simulated line. */
class ChallengeAndJobTest {

    @TempDir
    Path dir;

    @Test
    void challengeFailsAndTheJobIsRefusedWhenTheGateNeverFires() {
        try (LineRig rig = new LineRig(dir, "gate.never=true", LineRig.quick().withChallengeAtStart(true))) {
            long available = rig.sim.ledger().countCodes(CodeState.AVAILABLE);
            TracemarkException refused = assertThrows(TracemarkException.class,
                    () -> rig.line.start(LineRig.job(20), "tester"));
            assertTrue(refused.getMessage().contains("challenge"), refused.getMessage());
            assertEquals(PackMlState.ABORTED, rig.line.snapshot().state());
            assertEquals("challenge.failed", rig.line.snapshot().alarms().get(0).cause());
            assertEquals(0, rig.db.count("SELECT count(*) FROM jobs"), "no job created");
            assertEquals(available, rig.sim.ledger().countCodes(CodeState.AVAILABLE), "no code touched");
            assertEquals(0, rig.db.count("SELECT count(*) FROM transitions WHERE to_state <> 'AVAILABLE'"));
        }
    }

    @Test
    void challengeOnDemandPassesOnAHealthyLine() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            rig.line.start(LineRig.job(5), "tester");
            rig.awaitState(PackMlState.COMPLETE);
            ChallengeResult result = rig.line.runChallenge("qa");
            assertTrue(result.passed(), result.detail());
            assertTrue(result.verifierRejected() && result.gateFired());
            rig.line.endBatch("tester");
            Reconciliation r = rig.assertBooksHold();
            assertEquals(5, r.verified());
            assertEquals(0, r.rejected(), "the challenge label is not a unit of the job");
        }
    }

    @Test
    void validationListsEveryProblemByField() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            JobRequest empty = new JobRequest(null, null, null, null, null, null, null, null, null, null, "Z");
            Set<String> fields = rig.line.validate(empty).stream().map(Problem::where).collect(Collectors.toSet());
            assertEquals(Set.of("productId", "batch", "productionDate", "traceLevel", "scheme", "template", "printer",
                    "scanner", "quantity", "minimumGrade"), fields);

            rig.db.inTransaction(conn -> conn.createStatement().executeUpdate(
                    "UPDATE products SET type = '', licence_number = '' WHERE id = '" + SampleStation.PRODUCT + "'"));
            JobRequest bad = new JobRequest(SampleStation.PRODUCT, "L1", LocalDate.now(), null, TraceLevel.ITEM, "gs1",
                    "ccc-label", SimulatedLine.PRINTER, SimulatedLine.SCANNER, 1_000_000, "C");
            List<Problem> problems = rig.line.validate(bad);
            assertTrue(problems.stream().anyMatch(p -> p.where().equals("productId") && p.message().contains("product.type")),
                    problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.where().equals("template") && p.message().contains("cccNumber")),
                    problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.where().equals("quantity") && p.message().contains("AVAILABLE")),
                    problems.toString());

            rig.sim.virtualPrinter().close();
            List<Problem> offline = rig.line.validate(LineRig.job(5));
            assertTrue(offline.stream().anyMatch(p -> p.where().equals("printer")), offline.toString());
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> rig.line.start(LineRig.job(5), "tester"));
            // the same fields as validate; their number may differ while the driver's reconnect backoff runs
            assertEquals(offline.stream().map(Problem::where).collect(Collectors.toSet()),
                    refused.problems().stream().map(Problem::where).collect(Collectors.toSet()),
                    offline + " vs " + refused.problems());
            assertEquals(PackMlState.STOPPED, rig.line.snapshot().state(), "a refused job changes nothing");
            assertEquals(0, rig.db.count("SELECT count(*) FROM jobs"));
        }
    }

    @Test
    void aCombinedJobNeedsAProductDefinedAsASetOfComponents() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            JobRequest item = LineRig.job(5);
            JobRequest combined = new JobRequest(item.productId(), item.batch(), item.productionDate(), item.expiryDate(),
                    TraceLevel.COMBINED, item.scheme(), item.template(), item.printer(), item.scanner(), item.quantity(),
                    item.minimumGrade());
            List<Problem> problems = rig.line.validate(combined);
            assertEquals(List.of("traceLevel"), problems.stream().map(Problem::where).toList(), problems.toString());
            assertTrue(problems.get(0).message().contains("product " + SampleStation.PRODUCT + " is not defined as a set of components"),
                    problems.toString());

            var master = new io.tracemark.master.MasterDataStore(rig.db, new io.tracemark.store.AuditLog(rig.db));
            master.saveAll(List.of(), List.of(master.product(SampleStation.PRODUCT).orElseThrow()), java.util.Map.of(
                    SampleStation.PRODUCT, List.of(
                            new io.tracemark.master.ComponentRole("frame", "车架", java.util.Optional.of("gs1"), java.util.Optional.empty()),
                            new io.tracemark.master.ComponentRole("charger", "充电器", java.util.Optional.of("gs1"),
                                    java.util.Optional.empty()))), "admin", "test");
            assertEquals(List.of(), rig.line.validate(combined), "组合多码 with components: no refusal any more");
        }
    }

    @Test
    void aMandatoryTextThatWouldNotFitTheLabelRefusesTheJob() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            rig.db.inTransaction(conn -> conn.createStatement().executeUpdate("UPDATE products SET mandatory_standard = "
                    + "'GB 4706.1-2005; GB 4706.19-2008; GB 4343.1-2018' WHERE id = '" + SampleStation.PRODUCT + "'"));
            List<Problem> problems = rig.line.validate(LineRig.job(5));
            assertTrue(problems.stream().anyMatch(p -> p.where().equals("template") && p.message().contains("standard")
                    && p.message().contains("lines")), problems.toString());
            assertThrows(InvalidInputException.class, () -> rig.line.start(LineRig.job(5), "tester"));
            assertEquals(0, rig.db.count("SELECT count(*) FROM jobs"), "a refused job changes nothing");
        }
    }

    @Test
    void batchLevelJobCountsUnitsAgainstOneCode() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            JobRequest batch = new JobRequest(SampleStation.PRODUCT_BATCH_LEVEL, "B2401", LocalDate.now(),
                    LocalDate.now().plusYears(3), TraceLevel.BATCH, "gs1", "batch-gs1-datamatrix", SimulatedLine.PRINTER,
                    SimulatedLine.SCANNER, 15, null);
            rig.line.start(batch, "tester");
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            Reconciliation r = rig.sim.ledger().reconcile(rig.jobId());
            assertTrue(r.balanced(), r.toString());
            assertEquals(15, r.verified());
            assertEquals(1, rig.db.count("SELECT count(DISTINCT code_id) FROM units WHERE job_id = ?", r.job()));
            assertEquals(15, rig.db.count("SELECT count(*) FROM units WHERE job_id = ?", r.job()));
            assertFalse(rig.sim.ledger().job(r.job()).orElseThrow().sharedCode().isEmpty());
        }
    }
}
