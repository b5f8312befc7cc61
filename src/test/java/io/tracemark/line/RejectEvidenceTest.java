package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import io.tracemark.verify.Grade;
import io.tracemark.verify.Grades;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reject log's rows on a real ledger: job, image and the parameter grades kept with each reject. */
class RejectEvidenceTest {

    @Test
    void aRejectCarriesItsJobImageAndParameterGrades(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            ledger.importCodes(List.of("TM000001", "TM000002", "TM000003"), "test", "tm", code -> Optional.empty(), "t");
            ledger.createJob("J1", TraceLevel.ITEM, 3, "t");
            ledger.allocate("J1", 3, "t");
            Unit low = ledger.markSent("J1", "TM000001", "t");
            ledger.reject(low.id(), "low-grade", "D", "t");
            Unit unread = ledger.markSent("J1", "TM000002", "t");
            ledger.reject(unread.id(), "no-read", null, "t");

            LineRecords records = new LineRecords(ledger);
            Map<String, Grade> parameters = new LinkedHashMap<>();
            parameters.put("symbolContrast", Grade.D);
            parameters.put("modulation", Grade.B);
            records.keepRejectEvidence(low.id(), Optional.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)),
                    Optional.of(new Grades(Grade.D, parameters, Map.of("symbolContrast", 0.21))));
            records.keepRejectEvidence(unread.id(), Optional.empty(), Optional.empty());

            RejectPage page = records.rejects(RejectFilter.first(10));
            assertEquals(2, page.total());
            assertEquals(Map.of("low-grade", 1L, "no-read", 1L), page.reasons());
            RejectRecord lowRow = page.rows().stream().filter(r -> r.unitId() == low.id()).findFirst().orElseThrow();
            assertEquals("J1", lowRow.jobId());
            assertTrue(lowRow.hasImage());
            assertEquals(List.of(new GradeParameter("symbolContrast", "D", 0.21), new GradeParameter("modulation", "B", null)),
                    lowRow.parameters(), "in the grader's order, a value where it measured one");
            RejectRecord unreadRow = page.rows().stream().filter(r -> r.unitId() == unread.id()).findFirst().orElseThrow();
            assertFalse(unreadRow.hasImage());
            assertEquals(List.of(), unreadRow.parameters());
            assertTrue(records.rejectImage(low.id()).isPresent());
            assertTrue(records.rejectImage(unread.id()).isEmpty());

            RejectPage first = records.rejects(RejectFilter.first(1));
            assertEquals(1, first.rows().size());
            RejectPage second = records.rejects(new RejectFilter(io.tracemark.ledger.RejectQuery.all(), first.next(), 1));
            assertEquals(1, second.rows().size());
            assertFalse(first.rows().get(0).unitId() == second.rows().get(0).unitId());
            assertNull(second.next(), "the last page");
        }
    }
}
