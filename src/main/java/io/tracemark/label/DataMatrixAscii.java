package io.tracemark.label;

import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;

/**
 * ECC 200 Data Matrix encoded in ASCII mode only (digit pairs, FNC1, upper shift), with ZXing's
 * Reed-Solomon and placement. ZXing 3.5.3's minimal encoder can end a symbol in C40 in a way its
 * own decoder misreads (e.g. {@code ...10ABC} gains trailing garbage), so the rasterizer does not
 * use it; ASCII mode is what every reader accepts.
 */
final class DataMatrixAscii {

    private static final char FNC1 = (char) 232;
    private static final char PAD = (char) 129;
    private static final char UPPER_SHIFT = (char) 235;

    private DataMatrixAscii() {
    }

    /**
     * @param content the data, GS marking FNC1 separators when {@code gs1}; chars above 0xFF must
     *                already be bytes (ISO-8859-1 chars)
     * @param gs1     FNC1 in first position
     */
    static boolean[][] encode(String content, boolean gs1) {
        StringBuilder cw = new StringBuilder();
        if (gs1) {
            cw.append(FNC1);
        }
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (isDigit(c) && i + 1 < content.length() && isDigit(content.charAt(i + 1))) {
                cw.append((char) (130 + (c - '0') * 10 + (content.charAt(i + 1) - '0')));
                i++;
            } else if (gs1 && c == SymbolPainter.GS) {
                cw.append(FNC1);
            } else if (c > 0xFF) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " is not a byte");
            } else if (c >= 128) {
                cw.append(UPPER_SHIFT).append((char) (c - 128 + 1));
            } else {
                cw.append((char) (c + 1));
            }
        }
        SymbolInfo info = SymbolInfo.lookup(cw.length(), SymbolShapeHint.FORCE_SQUARE, null, null, true);
        int capacity = info.getDataCapacity();
        if (cw.length() < capacity) {
            cw.append(PAD);
        }
        while (cw.length() < capacity) {
            int position = cw.length() + 1;
            int pseudoRandom = ((149 * position) % 253) + 1;
            int value = 129 + pseudoRandom;
            cw.append((char) (value <= 254 ? value : value - 254));
        }
        String all = ErrorCorrection.encodeECC200(cw.toString(), info);
        DefaultPlacement placement = new DefaultPlacement(all, info.getSymbolDataWidth(), info.getSymbolDataHeight());
        placement.place();
        return layout(placement, info);
    }

    private static boolean[][] layout(DefaultPlacement placement, SymbolInfo info) {
        boolean[][] m = new boolean[info.getSymbolHeight()][info.getSymbolWidth()];
        int my = 0;
        for (int y = 0; y < info.getSymbolDataHeight(); y++) {
            if (y % info.matrixHeight == 0) {
                for (int x = 0; x < info.getSymbolWidth(); x++) {
                    m[my][x] = x % 2 == 0;
                }
                my++;
            }
            int mx = 0;
            for (int x = 0; x < info.getSymbolDataWidth(); x++) {
                if (x % info.matrixWidth == 0) {
                    m[my][mx++] = true;
                }
                m[my][mx++] = placement.getBit(x, y);
                if (x % info.matrixWidth == info.matrixWidth - 1) {
                    m[my][mx++] = y % 2 == 0;
                }
            }
            my++;
            if (y % info.matrixHeight == info.matrixHeight - 1) {
                for (int x = 0; x < info.getSymbolWidth(); x++) {
                    m[my][x] = true;
                }
                my++;
            }
        }
        return m;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
