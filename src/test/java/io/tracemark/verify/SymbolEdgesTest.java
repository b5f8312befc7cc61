package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import io.tracemark.sim.TemplateCorpus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The perspective path of the decoder: {@link SymbolEdges} on a Data Matrix drawn as a trapezoid, and
 * the corpus frames that only the newer detection steps read (each was a frame zxing-cpp read and the
 * station did not).
 */
class SymbolEdgesTest {

    private static final String RAW = "0106901234567892" + "21ABC123" + TestSymbols.GS + "10LOT7";
    private static final int MODULE = 6;
    private static final int QUIET = 4;

    @Test
    void theFittedSidesMeetAtTheCornersOfATrapezoidAndItsModulesDecode() throws Exception {
        BitMatrix symbol = TestSymbols.dataMatrixGs1(RAW);
        GrayImage flat = GrayImage.of(TestSymbols.render(symbol, MODULE, QUIET));
        int n = symbol.getWidth();
        double outer = n * MODULE;
        double q = QUIET * MODULE;
        // the symbol's outer corners in the drawn frame: the right side 12 % shorter than the left
        float[] corners = {30, 20, 30 + (float) outer, 20 + 0.06f * (float) outer,
            30 + (float) outer, 20 + 0.94f * (float) outer, 30, 20 + (float) outer};
        GrayImage frame = perspective(flat, q, outer, corners, 260, 240);
        // the grid a parallelogram-only sampler lays: the left side right, the right side too long
        float[] guess = {30 + MODULE / 2f, 20 + MODULE / 2f, 30 + (float) outer - MODULE / 2f, 20 + MODULE / 2f,
            30 + (float) outer - MODULE / 2f, 20 + (float) outer - MODULE / 2f, 30 + MODULE / 2f,
            20 + (float) outer - MODULE / 2f};
        float[] source = {0.5f, 0.5f, n - 0.5f, 0.5f, n - 0.5f, n - 0.5f, 0.5f, n - 0.5f};
        SymbolGeometry.Matrix grid = new SymbolGeometry.Matrix(n, n, source, guess, new BitMatrix(n, n));
        assertTrue(decodes(GridFit.resample(frame, grid)).isEmpty(), "the parallelogram grid must not decode");

        SymbolGeometry.Matrix traced = SymbolEdges.fit(frame, grid).orElseThrow();
        for (int i = 0; i < 8; i++) {
            assertEquals(corners[i], traced.target()[i], 1.0, "corner coordinate " + i);
        }
        // ZXing's Data Matrix decoder prints the leading FNC1 as GS
        assertEquals((TestSymbols.GS + RAW).chars().boxed().toList(),
                decodes(GridFit.resample(frame, traced)).orElseThrow().chars().boxed().toList());
    }

    @Test
    void frameDecoderReadsTheCorpusFramesOfTheNewerSteps() {
        FrameDecoder decoder = new FrameDecoder();
        // oracle corpus frame 87: 3.4 px modules next to text at 10 % perspective (dense-cell candidate)
        assertReads(decoder, TemplateCorpus.bundled(20261201L), 87, DecodeStrategy.RECTIFIED);
        TemplateCorpus bench = TemplateCorpus.bundled(20261126L);
        // bench corpus frame 27: 6 px modules at 13.5 % perspective in heavy noise (traced sides, halved view)
        assertReads(decoder, bench, 27, DecodeStrategy.RECTIFIED);
        // frame 31: a Code 128 in sensor noise at 6 % perspective (the whole frame halved)
        assertReads(decoder, bench, 31, DecodeStrategy.SCALED_DOWN);
        // frame 36: 2.4 px modules next to text in noise (dense-cell candidate)
        assertReads(decoder, bench, 36, DecodeStrategy.RECTIFIED);
    }

    private static void assertReads(FrameDecoder decoder, TemplateCorpus corpus, int index, DecodeStrategy strategy) {
        TemplateCorpus.CorpusFrame f = corpus.frame(index);
        Decoded d = decoder.decode(GrayImage.of(f.image()), Optional.empty())
                .orElseThrow(() -> new AssertionError("frame " + index + " not read"));
        assertEquals(f.template().expected(), d.data(), "frame " + index);
        assertEquals(strategy, d.strategy(), "frame " + index);
    }

    private static Optional<String> decodes(BitMatrix bits) {
        try {
            return Optional.of(new com.google.zxing.datamatrix.decoder.Decoder().decode(bits).getText());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The flat render's symbol square (outer side {@code outer} at offset {@code q}) drawn onto {@code corners}. */
    private static GrayImage perspective(GrayImage flat, double q, double outer, float[] corners, int w, int h) {
        PerspectiveTransform toFlat = PerspectiveTransform.quadrilateralToQuadrilateral(
                corners[0], corners[1], corners[2], corners[3], corners[4], corners[5], corners[6], corners[7],
                (float) q, (float) q, (float) (q + outer), (float) q, (float) (q + outer), (float) (q + outer),
                (float) q, (float) (q + outer));
        byte[] out = new byte[w * h];
        float[] p = new float[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[0] = x + 0.5f;
                p[1] = y + 0.5f;
                toFlat.transformPoints(p);
                boolean inside = p[0] >= 0 && p[1] >= 0 && p[0] < flat.width() && p[1] < flat.height();
                out[y * w + x] = inside ? (byte) Math.round(flat.sample(p[0], p[1])) : (byte) 255;
            }
        }
        return new GrayImage(w, h, out);
    }
}
