package io.tracemark.records.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a batch report as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the
 * Chinese right): {@code section,key,label,value}, one row per report row.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(BatchReport report, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                w.write("section,key,label,value\r\n");
                line(w, "report", "job", "作业 Job", report.job());
                line(w, "report", "generatedAt", "生成于 Generated", report.generatedAt().toString());
                line(w, "report", "balanced", "账目平衡 Balanced", Boolean.toString(report.balanced()));
                for (ReportSection s : report.sections()) {
                    for (ReportSection.Row row : s.rows()) {
                        line(w, s.key(), row.key(), row.label(), row.value());
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void line(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"' + f.replace("\"", "\"\"") + '"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }
}
