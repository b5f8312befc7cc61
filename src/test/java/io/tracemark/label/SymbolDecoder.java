package io.tracemark.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Test-side decoder: crops a region (with a quiet zone added) and reads it with ZXing. */
final class SymbolDecoder {

    record Decoded(String text, String symbologyIdentifier, BarcodeFormat format) {
        /** Symbology identifier followed by the text, e.g. {@code ]d2010...}. */
        String transmitted() {
            return symbologyIdentifier + text;
        }
    }

    private SymbolDecoder() {
    }

    static Decoded decode(BufferedImage label, int x, int y, int w, int h) {
        int margin = 40;
        BufferedImage crop = new BufferedImage(w + 2 * margin, h + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, crop.getWidth(), crop.getHeight());
        int sx = Math.max(0, x);
        int sy = Math.max(0, y);
        int sw = Math.min(label.getWidth(), x + w) - sx;
        int sh = Math.min(label.getHeight(), y + h) - sy;
        g.drawImage(label.getSubimage(sx, sy, sw, sh), margin + sx - x, margin + sy - y, null);
        g.dispose();
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE,
                BarcodeFormat.CODE_128, BarcodeFormat.EAN_13));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        try {
            Result r = new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(crop))), hints);
            Object id = r.getResultMetadata() == null ? null
                    : r.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
            String text = r.getText();
            // ZXing 3.5.3 reports a Data Matrix leading FNC1 both as ]d2 and as a leading GS in the text.
            if ("]d2".equals(id) && text.startsWith("\u001d")) {
                text = text.substring(1);
            }
            return new Decoded(text, id == null ? "" : id.toString(), r.getBarcodeFormat());
        } catch (NotFoundException e) {
            throw new AssertionError("no symbol found in " + w + "x" + h + " at " + x + "," + y, e);
        }
    }

    static Decoded decode(RasterLabel label, RenderedField field) {
        return decode(label.image(), field.x(), field.y(), field.width(), field.height());
    }

    /** Count of black pixels in a region. */
    static int dark(BufferedImage image, int x, int y, int w, int h) {
        int n = 0;
        for (int yy = Math.max(0, y); yy < Math.min(image.getHeight(), y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(image.getWidth(), x + w); xx++) {
                if ((image.getRGB(xx, yy) & 0xFFFFFF) == 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
