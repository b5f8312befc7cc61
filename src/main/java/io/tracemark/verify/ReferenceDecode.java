package io.tracemark.verify;

import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;

/**
 * The grader's own decode: the module grid it sampled, thresholded at the global threshold, decoded
 * again with ZXing's decoder. Agreement with the reader's text confirms the read by a second,
 * independent sampling; its corrected-error count feeds unused error correction.
 */
record ReferenceDecode(boolean agrees, int errors) {

    static ReferenceDecode of(Decoded d, double[][] reflectance, double gt) {
        int rows = reflectance.length;
        int cols = reflectance[0].length;
        BitMatrix bits = new BitMatrix(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (reflectance[r][c] < gt) {
                    bits.set(c, r);
                }
            }
        }
        try {
            DecoderResult result = switch (d.symbology()) {
                case DATA_MATRIX -> new com.google.zxing.datamatrix.decoder.Decoder().decode(bits);
                case QR_CODE -> new com.google.zxing.qrcode.decoder.Decoder().decode(bits);
                default -> null;
            };
            if (result == null) {
                return new ReferenceDecode(false, -1);
            }
            String text = result.getText();
            if (Symbology.gs1(d.symbologyId()) && text.startsWith("\u001d")) {
                text = text.substring(1);
            }
            int errors = result.getErrorsCorrected() == null ? 0 : result.getErrorsCorrected();
            return new ReferenceDecode(text.equals(d.data()), errors);
        } catch (ReaderException e) {
            return new ReferenceDecode(false, -1);
        }
    }
}
