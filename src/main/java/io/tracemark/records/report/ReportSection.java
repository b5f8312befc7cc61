package io.tracemark.records.report;

import java.util.List;

/**
 * One titled block of the batch report: label/value rows, e.g. the producer's master data.
 *
 * @param key   stable name of the block in the CSV ({@code producer}, {@code counts}, ...)
 * @param title the heading printed in the PDF (Chinese first, English second)
 * @param rows  the rows in print order
 */
public record ReportSection(String key, String title, List<Row> rows) {

    /** One row: {@code label} is printed, {@code key} names it in the CSV. */
    public record Row(String key, String label, String value) {
        public Row {
            value = value == null ? "" : value;
        }
    }

    public ReportSection {
        rows = List.copyOf(rows);
    }
}
