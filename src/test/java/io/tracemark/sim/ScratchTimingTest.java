package io.tracemark.sim;

import io.tracemark.verify.Decoded;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() {
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), 20261126L);
        FrameDecoder decoder = new FrameDecoder();
        Grader grader = Grader.iso();
        long label = 0, cap = 0, dec = 0, gr = 0;
        for (int i = 0; i < 120; i++) {
            long t0 = System.nanoTime();
            SyntheticLabels.Label l = SyntheticLabels.label(i, 20261126L);
            long t1 = System.nanoTime();
            VirtualCamera.CapturedFrame f = camera.capture(l.image(), l.codeBox());
            long t2 = System.nanoTime();
            Optional<Decoded> d = decoder.decode(f.image(), f.plan().codeBox());
            long t3 = System.nanoTime();
            d.ifPresent(grader::grade);
            long t4 = System.nanoTime();
            label += t1 - t0; cap += t2 - t1; dec += t3 - t2; gr += t4 - t3;
            if (i == 509 % 120) { }
        }
        System.out.printf("label %d cap %d dec %d grade %d ms%n", label / 1000000, cap / 1000000, dec / 1000000, gr / 1000000);
        SyntheticLabels.Label l = SyntheticLabels.label(509, 20261126L);
        VirtualCamera c2 = new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), 20261126L);
        for (int i = 0; i < 509; i++) { c2.capture(SyntheticLabels.label(i, 20261126L).image(), l.codeBox()); }
        VirtualCamera.CapturedFrame f = c2.capture(l.image(), l.codeBox());
        System.out.println("509: " + decoder.decode(f.image(), f.plan().codeBox()).map(x -> x.data() + " " + x.symbologyId() + " " + x.strategy()) + " expected " + l.expected() + " " + f.plan());
    }
}
