package io.tracemark.label;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a line of text as 1-bit dots, the way a thermal printer would: no anti-aliasing, height
 * in dots, width scaled by the ZPL {@code w/h} ratio. Used by the rasterizer and by bitmap-mode
 * (^GFA) text in merged labels, so both print identical dots.
 */
final class TextPainter {

    private static final FontRenderContext FRC = new FontRenderContext(null, false, false);

    private TextPainter() {
    }

    /** The dots of one line of text; {@code baseline} is the row of the baseline. */
    record TextMask(boolean[][] dots, int width, int height, int baseline) {
    }

    /**
     * Renders {@code text} with {@code base} at cell height {@code h} and width {@code w} dots
     * (w = 0 means proportional). When {@code cjkCapable} is false, characters a printer's built-in
     * Latin font cannot print are left blank, as the printer would.
     */
    static TextMask paint(Font base, String text, int h, int w, boolean cjkCapable) {
        String shown = cjkCapable ? text : latinOnly(text);
        int height = Math.max(1, h);
        double scaleX = w <= 0 ? 1.0 : (double) w / height;
        Font font = base.deriveFont((float) height)
                .deriveFont(AffineTransform.getScaleInstance(scaleX, 1.0));
        LineMetrics lm = font.getLineMetrics(shown.isEmpty() ? " " : shown, FRC);
        int ascent = (int) Math.ceil(lm.getAscent());
        int total = Math.max(1, ascent + (int) Math.ceil(lm.getDescent()));
        GlyphVector gv = font.createGlyphVector(FRC, shown);
        Rectangle2D bounds = gv.getLogicalBounds();
        int width = Math.max(1, (int) Math.ceil(bounds.getWidth()));
        BufferedImage scratch = new BufferedImage(width, total, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.drawGlyphVector(gv, 0, ascent);
        g.dispose();
        byte[] gray = ((DataBufferByte) scratch.getRaster().getDataBuffer()).getData();
        boolean[][] dots = new boolean[total][width];
        for (int y = 0; y < total; y++) {
            for (int x = 0; x < width; x++) {
                dots[y][x] = (gray[y * width + x] & 0xFF) >= 128;
            }
        }
        return new TextMask(dots, width, total, ascent);
    }

    /**
     * A whole text field: one line, or with an {@code ^FB} block the wrapped, justified lines
     * (at most the block's line count). {@code baseline} is the baseline row of the last line.
     */
    static TextMask paintField(Font font, String text, int h, int w, boolean cjkCapable, ZplCommand block) {
        if (block == null) {
            return paint(font, text, h, w, cjkCapable);
        }
        int blockWidth = Math.max(1, block.intArg(0, 0));
        int maxLines = Math.max(1, block.intArg(1, 1));
        int gap = block.intArg(2, 0);
        char justify = block.arg(3).isEmpty() ? 'L' : Character.toUpperCase(block.arg(3).charAt(0));
        List<String> lines = wrap(font, text, h, w, cjkCapable, blockWidth);
        if (lines.size() > maxLines) {
            lines = lines.subList(0, maxLines);
        }
        List<TextMask> masks = new ArrayList<>();
        for (String line : lines) {
            masks.add(paint(font, line, h, w, cjkCapable));
        }
        int lineHeight = masks.get(0).height() + gap;
        int height = lineHeight * (masks.size() - 1) + masks.get(0).height();
        boolean[][] dots = new boolean[height][blockWidth];
        for (int i = 0; i < masks.size(); i++) {
            TextMask m = masks.get(i);
            int dx = switch (justify) {
                case 'C' -> (blockWidth - m.width()) / 2;
                case 'R' -> blockWidth - m.width();
                default -> 0;
            };
            dx = Math.max(0, dx);
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width() && x + dx < blockWidth; x++) {
                    dots[i * lineHeight + y][x + dx] |= m.dots()[y][x];
                }
            }
        }
        return new TextMask(dots, blockWidth, height, lineHeight * (masks.size() - 1) + masks.get(0).baseline());
    }

    /** Width in dots the text would take. */
    static int measure(Font base, String text, int h, int w, boolean cjkCapable) {
        String shown = cjkCapable ? text : latinOnly(text);
        int height = Math.max(1, h);
        double scaleX = w <= 0 ? 1.0 : (double) w / height;
        Font font = base.deriveFont((float) height)
                .deriveFont(AffineTransform.getScaleInstance(scaleX, 1.0));
        return (int) Math.ceil(font.createGlyphVector(FRC, shown).getLogicalBounds().getWidth());
    }

    /** Splits text into lines of at most {@code width} dots: ZPL {@code \&} breaks, words kept whole when possible. */
    static List<String> wrap(Font base, String text, int h, int w, boolean cjkCapable, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : blockParagraphs(text)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
                if (cp == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (line.length() > 1 && measure(base, line.toString(), h, w, cjkCapable) > width) {
                    String carry;
                    if (lastSpace > 0) {
                        carry = line.substring(lastSpace + 1);
                        line.setLength(lastSpace);
                    } else {
                        int cut = line.offsetByCodePoints(line.length(), -1);
                        carry = line.substring(cut);
                        line.setLength(cut);
                    }
                    lines.add(line.toString());
                    line = new StringBuilder(carry);
                    lastSpace = -1;
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** ^FB text: a backslash-ampersand ends a line, two backslashes are one, backslash-paren (soft hyphen) is dropped. */
    static List<String> blockParagraphs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '&') {
                    out.add(current.toString());
                    current.setLength(0);
                    i++;
                    continue;
                } else if (next == '\\') {
                    current.append('\\');
                    i++;
                    continue;
                } else if (next == '(') {
                    i++;
                    continue;
                }
            }
            current.append(c);
        }
        out.add(current.toString());
        return out;
    }

    private static String latinOnly(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(cp >= 0x20 && cp < 0x250 ? (char) cp : ' ');
        }
        return sb.toString();
    }
}
