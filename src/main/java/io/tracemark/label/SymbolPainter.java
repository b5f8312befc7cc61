package io.tracemark.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.tracemark.core.TracemarkException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** Module patterns of the symbols the rasterizer draws, from the ZXing writers (one cell per module). */
final class SymbolPainter {

    /** ZXing's in-band FNC1 for Code 128. */
    static final char CODE128_FNC1 = '\u00f1';
    static final char GS = '\u001d';

    private SymbolPainter() {
    }

    /**
     * ECC 200 Data Matrix; {@code gs1} puts FNC1 first and turns each GS into FNC1. Non-ASCII
     * content is encoded as its UTF-8 bytes (as a printer with ^CI28 does).
     */
    static boolean[][] dataMatrix(String content, boolean gs1) {
        String bytes = isAscii(content) ? content
                : new String(content.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try {
            return DataMatrixAscii.encode(bytes, gs1);
        } catch (RuntimeException e) {
            throw new TracemarkException("cannot encode Data Matrix '" + printable(content) + "': " + e.getMessage(), e);
        }
    }

    static boolean[][] qr(String content, char level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        hints.put(EncodeHintType.ERROR_CORRECTION, switch (level) {
            case 'H' -> ErrorCorrectionLevel.H;
            case 'M' -> ErrorCorrectionLevel.M;
            case 'L' -> ErrorCorrectionLevel.L;
            default -> ErrorCorrectionLevel.Q;
        });
        if (!isAscii(content)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            return toMask(new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints));
        } catch (WriterException | RuntimeException e) {
            throw new TracemarkException("cannot encode QR '" + printable(content) + "': " + e.getMessage(), e);
        }
    }

    /** Code 128 bars (true = bar), one entry per module; FNC1 as {@link #CODE128_FNC1}. */
    static boolean[] code128(String content) {
        try {
            return new Code128Writer().encode(content);
        } catch (RuntimeException e) {
            throw new TracemarkException("cannot encode Code 128 '" + printable(content) + "': " + e.getMessage(), e);
        }
    }

    static boolean[] ean13(String digits) {
        try {
            return new EAN13Writer().encode(digits);
        } catch (RuntimeException e) {
            throw new TracemarkException("cannot encode EAN-13 '" + printable(digits) + "': " + e.getMessage(), e);
        }
    }

    private static boolean[][] toMask(BitMatrix m) {
        boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                out[y][x] = m.get(x, y);
            }
        }
        return out;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7F ? String.format("<%02X>", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
