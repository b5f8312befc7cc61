package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A camera with a code box drawn by a supervisor decodes only inside it: the code inside is read and
 * found where it is, a code outside is not read at all (the box is a crop, not a hint).
 */
class CodeBoxDecodeTest {

    private static final String INSIDE = "0106901234567892" + "21" + "INSIDE01";
    private static final String OUTSIDE = "0106901234567892" + "21" + "OUTSIDE2";

    /** An 800×480 frame: a Data Matrix at (460, 180), another at (40, 40), 6 px per module. */
    private static GrayImage frame() {
        BufferedImage frame = new BufferedImage(800, 480, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        g.setColor(new java.awt.Color(200, 200, 200));
        g.fillRect(0, 0, 800, 480);
        g.drawImage(TestSymbols.render(TestSymbols.dataMatrixGs1(INSIDE), 6, 2), 460, 180, null);
        g.drawImage(TestSymbols.render(TestSymbols.dataMatrixGs1(OUTSIDE), 6, 2), 40, 40, null);
        g.dispose();
        return GrayImage.of(frame);
    }

    @Test
    void aCodeInsideTheBoxIsReadAndFoundWhereItIs() {
        Optional<Decoded> d = new FrameDecoder().decodeWithin(frame(), new Rectangle(420, 140, 300, 260), Optional.empty());
        assertTrue(d.isPresent(), "the code in the box reads");
        assertEquals(INSIDE, d.get().data());
        Rectangle found = d.get().foundAt();
        // the symbol's modules start at 460 + 2 quiet modules × 6 px = 472 (frame pixels, not crop pixels)
        assertTrue(Math.abs(found.x - 472) <= 6 && Math.abs(found.y - 192) <= 6, "found at " + found);
        assertTrue(found.width > 60 && found.width < 200, "found at " + found);
    }

    @Test
    void aCodeOutsideTheBoxIsNotRead() {
        GrayImage frame = frame();
        Optional<Decoded> none = new FrameDecoder().decodeWithin(frame, new Rectangle(300, 20, 140, 140), Optional.empty());
        assertTrue(none.isEmpty(), "nothing in the box: no read, although the frame holds two codes: " + none);
        Optional<Decoded> other = new FrameDecoder().decodeWithin(frame, new Rectangle(0, 0, 300, 300), Optional.empty());
        assertEquals(OUTSIDE, other.map(Decoded::data).orElse("none"), "the box decides which code is read");
        assertTrue(new FrameDecoder().decode(frame, Optional.empty()).isPresent(), "without a box the frame is searched");
    }

    @Test
    void aBoxOffTheFrameOrTooSmallReadsNothing() {
        assertTrue(new FrameDecoder().decodeWithin(frame(), new Rectangle(900, 600, 100, 100), Optional.empty()).isEmpty());
        assertTrue(new FrameDecoder().decodeWithin(frame(), new Rectangle(470, 190, 5, 5), Optional.empty()).isEmpty());
    }
}
