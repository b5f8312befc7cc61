package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.verify.Frame;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import io.tracemark.verify.ImageSource;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.TestSymbols;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The station's own camera scanner with a code box: frames are decoded only inside it, the read says
 * where the code was found (frame pixels), and lifting the box searches the whole frame again.
 */
class ImageScannerCodeBoxTest {

    private static final String LEFT = "0106901234567892" + "21" + "LEFT0001";
    private static final String RIGHT = "0106901234567892" + "21" + "RIGHT002";

    private static Frame frame() {
        BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(210, 210, 210));
        g.fillRect(0, 0, 800, 400);
        g.drawImage(TestSymbols.render(TestSymbols.dataMatrixGs1(LEFT), 5, 2), 60, 100, null);
        g.drawImage(TestSymbols.render(TestSymbols.dataMatrixGs1(RIGHT), 5, 2), 560, 100, null);
        g.dispose();
        return new Frame(image, Instant.parse("2026-12-02T06:00:00Z"), "frame-1", Optional.empty());
    }

    private static ImageScanner scanner() {
        ImageSource none = new ImageSource() {
            @Override
            public String name() {
                return "test-camera";
            }

            @Override
            public Optional<Frame> next(Duration timeout) {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
        return new ImageScanner("camera-1", none, new FrameDecoder(), Grader.iso());
    }

    @Test
    void theBoxDecidesWhatIsReadAndTheReadSaysWhere() {
        ImageScanner scanner = scanner();
        assertTrue(scanner.regionOfInterest(Optional.of(new Rectangle(500, 40, 280, 300))), "the station's decoder crops");
        ReadResult right = scanner.read(frame());
        ReadResult.Read read = assertInstanceOfRead(right);
        assertEquals(RIGHT, read.data());
        Rectangle at = read.foundAt().orElseThrow();
        assertTrue(at.x >= 560 && at.x < 600 && at.y >= 100 && at.y < 130, "found in frame pixels: " + at);

        scanner.regionOfInterest(Optional.of(new Rectangle(300, 40, 150, 150)));
        assertTrue(scanner.read(frame()) instanceof ReadResult.NoRead, "no code inside the box: a no-read");

        scanner.regionOfInterest(Optional.empty());
        assertTrue(scanner.read(frame()) instanceof ReadResult.Read, "the whole frame again");
    }

    private static ReadResult.Read assertInstanceOfRead(ReadResult r) {
        assertTrue(r instanceof ReadResult.Read, "a read: " + r);
        return (ReadResult.Read) r;
    }
}
