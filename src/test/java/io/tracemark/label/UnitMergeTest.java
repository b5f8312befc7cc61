package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tracemark.codes.ElementString;
import io.tracemark.core.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A unit's values on top of the job's, and a job merged once, as the one-step merge writes them. */
class UnitMergeTest {

    private static final Map<String, Object> JOB = new LinkedHashMap<>(Map.of("productName", "电动自行车用充电器"));

    static {
        JOB.put("batch", "L240315");
        JOB.put("specification", "CH-4820");
    }

    @Test
    void aUnitsValuesKeepTheJobsAndAddWhatDerivesFromItsCodeInOrder() {
        LabelValues job = LabelValues.of(JOB);
        LabelValues unit = job.with(Map.of("gs1", "(01)06901234567892(17)281201(10)OTHER(21)S1"));
        assertEquals(List.of("productName", "batch", "specification", "gs1", "gtin", "serial", "expiryDate", "code"),
                List.copyOf(unit.asMap().keySet()));
        assertEquals("L240315", unit.get("batch").orElseThrow(), "the job's batch is kept");
        assertEquals(LocalDate.of(2028, 12, 1), unit.get("expiryDate").orElseThrow());
        assertEquals("(01)06901234567892(17)281201(10)OTHER(21)S1", unit.get("code").orElseThrow());
        assertEquals(3, job.asMap().size(), "the job's values are not changed");
        LabelValues overridden = unit.with(Map.of("productName", "另一个", "gs1", ElementString.parse("(00)069012345000000011")));
        assertEquals("另一个", overridden.get("productName").orElseThrow());
        assertEquals(List.of("productName", "batch", "specification", "gs1", "gtin", "serial", "expiryDate", "code", "sscc"),
                List.copyOf(overridden.asMap().keySet()), "an overridden value keeps its place; derived ones stay, new ones follow");
        assertEquals("06901234567892", overridden.get("gtin").orElseThrow(), "derived before, so kept");
        assertEquals("069012345000000011", overridden.get("sscc").orElseThrow());
    }

    @Test
    void aBadDateInTheCodeIsRefusedEvenWhenTheJobHasOne() {
        LabelValues job = LabelValues.of(Map.of("productionDate", "2026-12-02"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> job.with(Map.of("gs1", "(01)06901234567892(11)261332(21)S1")));
        assertEquals("'261332' is not a date (yyyy-MM-dd or GS1 yyMMdd)", e.getMessage());
    }

    @Test
    void aJobMergedOnceWritesWhatTheFullMergeWrites() {
        LabelValues job = digitalLinkJob(true);
        sameAsFullMerge(job, Map.of("gs1", "(01)06901234567892(21)A7K2P9Q4X1"));
        String label = sameAsFullMerge(job, Map.of("gs1", "(01)06901234567892(21)A7K2P9Q4X1", "batch", "UNIT-BATCH"));
        assertEquals(true, label.contains("UNIT-BATCH"), "a unit that sets a job field gets the full merge: " + label);
    }

    @Test
    void aJobFieldTheJobLacksIsMergedWithEachUnitFromItsCode() {
        LabelValues job = digitalLinkJob(false);
        String label = sameAsFullMerge(job, Map.of("gs1", "(01)06901234567892(10)FROM-CODE(21)A7K2P9Q4X1"));
        assertEquals(true, label.contains("FROM-CODE"), label);
        Map<String, String> noBatch = Map.of("gs1", "(01)06901234567892(21)A7K2P9Q4X1");
        LabelWriter writer = unstoredDigitalLinkWriter();
        InvalidInputException full = assertThrows(InvalidInputException.class, () -> writer.label(job.with(noBatch)));
        InvalidInputException once = assertThrows(InvalidInputException.class, () -> writer.forJob(job).label(noBatch));
        assertEquals(full.getMessage(), once.getMessage());
    }

    /** The unit's label from the job merged once, asserted to be the full merge's. */
    private static String sameAsFullMerge(LabelValues job, Map<String, String> unit) {
        LabelWriter writer = unstoredDigitalLinkWriter();
        String label = writer.forJob(job).label(unit);
        assertEquals(writer.label(job.with(unit)), label);
        return label;
    }

    private static LabelWriter unstoredDigitalLinkWriter() {
        LabelTemplate t = TemplateLibrary.bundled().load("item-qr-digital-link");
        return t.writer(new LabelTarget(8, CjkFontMode.RESIDENT, null, false));
    }

    /** The values of a job for the Digital Link template, with or without a batch of its own. */
    private static LabelValues digitalLinkJob(boolean batch) {
        Map<String, Object> jobRaw = new LinkedHashMap<>(JOB);
        if (!batch) {
            jobRaw.remove("batch");
        }
        jobRaw.put("productionDate", "2026-12-02");
        jobRaw.put("producerName", "广州示例童车有限公司");
        jobRaw.put("digitalLinkBase", "https://id.example.cn");
        return LabelValues.of(jobRaw);
    }
}
