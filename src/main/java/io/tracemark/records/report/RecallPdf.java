package io.tracemark.records.report;

import io.tracemark.pack.BuyerUnits;
import io.tracemark.pack.RecallResult;
import io.tracemark.pack.RecalledUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a recall as a landscape A4 PDF, text as real text in the bundled CJK font (as {@link ReportPdf}): what it
 * started from, the counts, the buyers with their orders and units (contact included: the file is for those who
 * run the recall), then a table of every unit with its case, pallet, order and buyer. Whole or not at all.
 */
public final class RecallPdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float SIZE = 7;
    private static final float LEADING = 10;
    private static final String[] HEADS = {"追溯码 Code", "状态 State", "判定 Verdict", "等级", "时间 Time (UTC)",
        "批次 Batch", "箱 Case", "托盘 Pallet", "订单 Order", "买方 Buyer"};
    private static final float[] WIDTHS = {150, 52, 55, 25, 88, 55, 90, 90, 65, 100};

    private RecallPdf() {
    }

    public static void write(RecallResult result, Instant generatedAt, Path file) {
        CjkPdfFile.write(file, "召回清单 Recall " + result.selector().describe(), "the recall PDF", (doc, font) -> new Layout(doc, font).recall(result, generatedAt));
    }

    /** Lays out lines top to bottom, a new page (with the table's head again) when one is full. */
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

        void recall(RecallResult r, Instant generatedAt) throws IOException {
            newPage();
            text(MARGIN, 15, "召回清单 Recall list");
            y -= 22;
            line("召回范围 Recall of: " + r.selector().describe() + "    生成于 Generated: " + generatedAt);
            line("产品单元 Units: " + r.units().size() + "    已出厂 Shipped: " + r.shipped() + "    仍在厂内 In the factory: "
                    + r.inFactory() + "    未装箱 Loose: " + r.loose() + "    箱 Cases: " + r.cases().size()
                    + "    托盘 Pallets: " + r.pallets().size() + "    买方 Buyers: " + r.buyers().size());
            y -= LEADING / 2;
            text(MARGIN, 10, "买方 Buyers");
            y -= LEADING * 1.4f;
            if (r.buyers().isEmpty()) {
                line("—（无出厂记录 nothing shipped）");
            }
            for (BuyerUnits b : r.buyers()) {
                line(b.buyer().name() + "  ·  " + b.buyer().address() + "  ·  联系方式 " + b.buyer().contact()
                        + "  ·  订单 " + String.join(", ", b.orders()) + "  ·  " + b.units() + " 件 units");
            }
            y -= LEADING / 2;
            text(MARGIN, 10, "产品单元 Units");
            y -= LEADING * 1.4f;
            head();
            for (RecalledUnit u : r.units()) {
                if (y - LEADING < MARGIN) {
                    out.close();
                    newPage();
                    head();
                }
                row(List.of(u.code(), u.state(), u.verdict().orElse(""), u.grade().orElse(""),
                        u.time().map(Object::toString).orElse(""), u.batch(), u.caseSscc().orElse("—"),
                        u.palletSscc().orElse("—"), u.shipment().map(RecalledUnit.ShipmentRef::orderNumber).orElse("厂内"),
                        u.shipment().map(s -> s.buyer().name()).orElse("仍在厂内 in the factory")));
            }
            out.close();
        }

        private void head() throws IOException {
            row(List.of(HEADS));
        }

        private void row(List<String> cells) throws IOException {
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                text(x, SIZE, fit(cells.get(i), WIDTHS[i] - 4));
                x += WIDTHS[i];
            }
            y -= LEADING;
        }

        private void line(String s) throws IOException {
            if (y - LEADING < MARGIN) {
                out.close();
                newPage();
            }
            text(MARGIN, SIZE, fit(s, PAGE.getWidth() - 2 * MARGIN));
            y -= LEADING * 1.2f;
        }

        /** The text cut to the width, with an ellipsis when cut. */
        private String fit(String s, float width) throws IOException {
            String clean = printable.of(s);
            if (font.getStringWidth(clean) / 1000 * SIZE <= width) {
                return clean;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < clean.length(); ) {
                int cp = clean.codePointAt(i);
                if (font.getStringWidth(b + new String(Character.toChars(cp)) + "…") / 1000 * SIZE > width) {
                    break;
                }
                b.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return b + "…";
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            pageNo++;
            y = PAGE.getHeight() - MARGIN;
            text(PAGE.getWidth() - MARGIN - 40, 7, "第 " + pageNo + " 页");
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
