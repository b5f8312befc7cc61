package io.tracemark.records.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a batch report as an A4 PDF whose text is real text in the bundled CJK font
 * ({@code fonts/wqy-microhei.ttc}, embedded as a subset: searchable and copyable, not a bitmap).
 * The file appears whole or not at all (written beside it, then moved).
 */
public final class ReportPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 9;
    private static final float LEADING = 12.5f;
    private static final float LABEL_WIDTH = 190;

    private ReportPdf() {
    }

    public static void write(BatchReport report, Path file) {
        CjkPdfFile.write(file, "批次对账报告 Batch reconciliation report " + report.job(), "the batch report", (doc, font) -> new Layout(doc, font).report(report));
    }

    /** Lays out lines top to bottom, starting a new page when one is full. */
    private static final class Layout {
        private final PDDocument doc;
        private final PDType0Font font;
        private final PrintableText printable;
        private PDPageContentStream out;
        private float y;
        private int pageNo;

        Layout(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
            this.printable = new PrintableText(font);
        }

        void report(BatchReport r) throws IOException {
            newPage();
            text(MARGIN, 16, "批次对账报告 Batch reconciliation report");
            y -= 22;
            row("作业 Job", r.job());
            row("生成于 Generated", r.generatedAt().toString());
            row("账目 Books", r.balanced() ? "平衡 balanced" : "不平衡 NOT BALANCED");
            y -= LEADING * 0.8f;
            for (ReportSection s : r.sections()) {
                need(LEADING * 3);
                text(MARGIN, 11.5f, s.title());
                y -= LEADING * 1.3f;
                if (s.rows().isEmpty()) {
                    text(MARGIN, SIZE, "—");
                    y -= LEADING;
                }
                for (ReportSection.Row row : s.rows()) {
                    row(row.label(), row.value());
                }
                y -= LEADING * 0.6f;
            }
            out.close();
        }

        private void row(String label, String value) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> left = wrap(label, LABEL_WIDTH - 8);
            List<String> right = wrap(value, width - LABEL_WIDTH);
            int lines = Math.max(left.size(), right.size());
            need(lines * LEADING);
            for (int i = 0; i < lines; i++) {
                if (i < left.size()) {
                    text(MARGIN, SIZE, left.get(i));
                }
                if (i < right.size()) {
                    text(MARGIN + LABEL_WIDTH, SIZE, right.get(i));
                }
                y -= LEADING;
            }
        }

        private List<String> wrap(String s, float width) throws IOException {
            String clean = printable.of(s);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < clean.length(); ) {
                int cp = clean.codePointAt(i);
                String next = line + new String(Character.toChars(cp));
                if (line.length() > 0 && font.getStringWidth(next) / 1000 * SIZE > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                out.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            pageNo++;
            y = PDRectangle.A4.getHeight() - MARGIN;
            text(PDRectangle.A4.getWidth() - MARGIN - 40, 7, "第 " + pageNo + " 页");
            y -= 4;
        }

        private void text(float x, float size, String s) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(printable.of(s));
            out.endText();
        }
    }
}
