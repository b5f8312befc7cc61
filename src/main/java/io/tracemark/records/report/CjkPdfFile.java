package io.tracemark.records.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a PDF whole or not at all, its text in the bundled CJK font embedded as a subset (real, searchable
 * text, not a bitmap): the document is saved beside the file and moved over it; a failure leaves no file.
 */
final class CjkPdfFile {

    private static final String FONT = "/fonts/wqy-microhei.ttc";

    /** What draws the pages of one document in the font given. */
    interface Pages {
        void draw(PDDocument doc, PDType0Font font) throws IOException;
    }

    private CjkPdfFile() {
    }

    /**
     * Writes {@code file} titled {@code title}; a failure is an {@link UncheckedIOException} naming
     * {@code what} ("the batch report") and the file.
     */
    static void write(Path file, String title, String what, Pages pages) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (InputStream in = CjkPdfFile.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + FONT + " is missing from the jar");
            }
            try (TrueTypeCollection fonts = new TrueTypeCollection(in); PDDocument doc = new PDDocument()) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                fonts.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                PDType0Font font = PDType0Font.load(doc, first[0], true);
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setProducer("tracemark");
                pages.draw(doc, font);
                Files.createDirectories(file.toAbsolutePath().getParent());
                doc.save(tmp.toFile());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failure is what matters
            }
            throw new UncheckedIOException("cannot write " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
