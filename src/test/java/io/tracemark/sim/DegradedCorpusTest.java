package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.ElementString;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.Verification;
import io.tracemark.verify.Verifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A seeded corpus of degraded frames read by the real decoder and grader: frames whose true quality
 * is C or better must read (>= 99.5 %) and nothing wrong, missing or damaged may ever pass.
 */
class DegradedCorpusTest {

    static final int FRAMES = 400;
    static final long SEED = 20261126L;

    @Test
    void readRateOnGoodFramesAndNoFalseAccepts() {
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), SEED);
        Verifier verifier = Verifier.standard();
        Map<ExpectedQuality, int[]> tally = new EnumMap<>(ExpectedQuality.class);
        List<String> misses = new ArrayList<>();
        List<String> falseAccepts = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            SampleLabels.Label label = SampleLabels.label(i, SEED);
            VirtualCamera.CapturedFrame frame = camera.capture(label.image(), label.codeBox());
            DegradationPlan plan = frame.plan();
            Verification v = verifier.verify(GrayImage.of(frame.image()), plan.codeBox(),
                    Optional.of(expectation(label)));
            boolean read = v.read() && v.data().equals(label.expected());
            boolean pass = v.pass();
            if (pass && !v.data().equals(label.expected())) {
                falseAccepts.add(i + " passed with wrong content " + v.data());
            }
            int[] t = tally.computeIfAbsent(plan.expected(), k -> new int[3]);
            t[0]++;
            t[1] += read ? 1 : 0;
            t[2] += pass ? 1 : 0;
            if (plan.expected() == ExpectedQuality.GOOD && !pass) {
                misses.add(i + " " + label.kind() + " " + plan.degradations() + " " + v);
            }
            if (plan.expected() == ExpectedQuality.MUST_FAIL && pass) {
                falseAccepts.add(i + " " + plan.degradations());
            }
        }
        int[] good = tally.get(ExpectedQuality.GOOD);
        System.out.println("corpus: " + tallyText(tally));
        misses.forEach(m -> System.out.println("GOOD frame not passed: " + m));
        assertEquals(List.of(), falseAccepts, "frames that must fail but passed");
        assertTrue(good[1] >= Math.ceil(good[0] * 0.995), "read rate on GOOD frames " + good[1] + "/" + good[0] + ": " + misses);
        assertTrue(good[2] >= Math.ceil(good[0] * 0.99), "pass rate on GOOD frames " + good[2] + "/" + good[0] + ": " + misses);
        assertTrue(tally.get(ExpectedQuality.MUST_FAIL)[0] > 30, "the corpus holds enough bad frames");
    }

    /** GS1 labels are expected as bracketed element strings (compared parsed), Digital Links as text. */
    static Expectation expectation(SampleLabels.Label label) {
        if (label.expected().startsWith("http")) {
            return Expectation.parse(label.expected());
        }
        return Expectation.parse(ElementString.parseRaw(label.expected(), ElementString.GS).toBracketed());
    }

    private static String tallyText(Map<ExpectedQuality, int[]> tally) {
        StringBuilder sb = new StringBuilder();
        tally.forEach((k, v) -> sb.append(k).append(": frames=").append(v[0]).append(" read=").append(v[1])
                .append(" pass=").append(v[2]).append("; "));
        return sb.toString();
    }
}
