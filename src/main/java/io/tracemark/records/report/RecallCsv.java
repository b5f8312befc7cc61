package io.tracemark.records.report;

import io.tracemark.pack.RecallResult;
import io.tracemark.pack.RecalledUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a recall as CSV (RFC 4180, UTF-8 with a byte order mark, as {@link ReportCsv}): a header row, then one
 * row per unit with its case, pallet, shipment and buyer. The file appears whole or not at all.
 */
public final class RecallCsv {

    private RecallCsv() {
    }

    public static void write(RecallResult result, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                line(w, RecallDocument.COLUMNS);
                for (RecalledUnit u : result.units()) {
                    line(w, RecallDocument.row(u));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recall " + file + ": " + e.getMessage(), e);
        }
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"' + f.replace("\"", "\"\"") + '"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }
}
