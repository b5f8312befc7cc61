package io.tracemark.records.report;

import java.time.Instant;
import java.util.List;

/**
 * The reconciliation report of one batch (job), as printed to PDF and CSV.
 *
 * @param job         the job id
 * @param generatedAt when it was made
 * @param balanced    whether the job's books balance
 * @param sections    the blocks in print order (master data, settings, codes, counts, reasons, grades, events, digest, signature)
 */
public record BatchReport(String job, Instant generatedAt, boolean balanced, List<ReportSection> sections) {

    public BatchReport {
        sections = List.copyOf(sections);
    }

    /** The block of this key, or null. */
    public ReportSection section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
