package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.verify.Content;
import io.tracemark.verify.DecodingScanner;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.Verification;
import io.tracemark.verify.Verifier;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualCameraTest {

    @Test
    void theSameSeedGivesTheSamePlansAndPixels() {
        VirtualCamera a = new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), 42);
        VirtualCamera b = new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), 42);
        for (int i = 0; i < 5; i++) {
            SampleLabels.Label label = SampleLabels.label(i, 42);
            VirtualCamera.CapturedFrame fa = a.capture(label.image(), label.codeBox());
            VirtualCamera.CapturedFrame fb = b.capture(label.image(), label.codeBox());
            assertEquals(fa.plan(), fb.plan());
            assertArrayEquals(GrayImage.of(fa.image()).pixels(), GrayImage.of(fb.image()).pixels());
        }
        VirtualCamera c = new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), 43);
        SampleLabels.Label label = SampleLabels.label(0, 42);
        assertFalse(c.capture(label.image(), label.codeBox()).plan().equals(
                new VirtualCamera(CameraSettings.standard(), DegradationMix.corpus(), 42)
                        .capture(label.image(), label.codeBox()).plan()));
    }

    @Test
    void theReportedCodeBoxIsWhereTheCodeLands() {
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), DegradationMix.none(), 5);
        FrameDecoder decoder = new FrameDecoder();
        for (int i = 0; i < 10; i++) {
            SampleLabels.Label label = SampleLabels.label(i, 5);
            VirtualCamera.CapturedFrame f = camera.capture(label.image(), label.codeBox());
            Rectangle box = f.plan().codeBox().orElseThrow();
            // the code decodes from the reported box with a tight margin
            assertEquals(label.expected(), new FrameDecoder(java.util.EnumSet.allOf(io.tracemark.verify.Symbology.class), 0.15)
                    .decode(f.image(), Optional.of(box)).orElseThrow().data(), "frame " + i + " box " + box);
            assertTrue(decoder.decode(f.image(), Optional.empty()).isPresent(), "found without a box, frame " + i);
        }
    }

    @Test
    void wrongAndMissingLabelsNeverPassAndTheWrongOneShowsThePreviousContent() {
        DegradationMix onlyFaults = new DegradationMix(0, 0, 0.5, 0.5, 0);
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), onlyFaults, 9);
        Verifier verifier = Verifier.standard();
        SampleLabels.Label previous = SampleLabels.label(0, 9);
        camera.capture(previous.image(), previous.codeBox());
        int wrong = 0;
        for (int i = 1; i < 12; i++) {
            SampleLabels.Label label = SampleLabels.label(i, 9);
            VirtualCamera.CapturedFrame f = camera.capture(label.image(), label.codeBox());
            Verification v = verifier.verify(GrayImage.of(f.image()), f.plan().codeBox(),
                    Optional.of(DegradedCorpusTest.expectation(label)));
            assertFalse(v.pass(), "frame " + i + " " + f.plan());
            assertEquals(ExpectedQuality.MUST_FAIL, f.plan().expected());
            if (f.plan().has(Degradation.WrongLabel.class) && v.read()) {
                assertEquals(Content.canonical(previous.expected(), v.symbologyId()), v.canonical());
                wrong++;
            } else {
                assertFalse(v.read(), "missing label reads nothing");
            }
            previous = label;
        }
        assertTrue(wrong > 0, "some wrong labels were read (as the previous unit's code)");
    }

    @Test
    void theStationDecodesVirtualFramesThroughTheImageSourceContract() throws Exception {
        BlockingQueue<ReadResult> results = new LinkedBlockingQueue<>();
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), DegradationMix.none(), 3);
        camera.plan("virtual-0").ifPresent(p -> { throw new AssertionError("no plan before a frame"); });
        try (DecodingScanner scanner = new DecodingScanner(camera, new FrameDecoder(), Grader.iso())) {
            scanner.setListener(results::add);
            scanner.start();
            SampleLabels.Label label = SampleLabels.label(4, 3);
            camera.viewing(printed -> label.codeBox()).printed(new PrintedLabel(1, "^XA^XZ", label::image));
            ReadResult r = results.poll(10, TimeUnit.SECONDS);
            assertTrue(r instanceof ReadResult.Read read && read.data().equals(label.expected()), String.valueOf(r));
            assertTrue(camera.plan("virtual-0").isPresent());
        }
        assertTrue(camera.next(Duration.ofMillis(1)).isEmpty(), "closed camera yields nothing");
    }
}
