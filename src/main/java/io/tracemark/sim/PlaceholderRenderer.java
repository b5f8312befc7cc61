package io.tracemark.sim;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A renderer that draws each {@code ^FD} field's text as plain lines on a blank label: enough to see
 * what was printed, not a ZPL rasterizer (no barcodes, no positions). For benches and as a fallback.
 */
public final class PlaceholderRenderer implements LabelRenderer {

    private static final Pattern FIELD = Pattern.compile("\\^FD(.*?)\\^FS", Pattern.DOTALL);

    private final int widthDots;
    private final int heightDots;

    public PlaceholderRenderer(int widthDots, int heightDots) {
        this.widthDots = widthDots;
        this.heightDots = heightDots;
    }

    @Override
    public void storeFormat(String dfZpl) {
        // fields of stored formats are not drawn
    }

    @Override
    public BufferedImage render(String labelZpl) {
        BufferedImage image = new BufferedImage(widthDots, heightDots, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, widthDots, heightDots);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(10, heightDots / 12)));
        Matcher m = FIELD.matcher(labelZpl);
        int y = heightDots / 8;
        while (m.find() && y < heightDots) {
            g.drawString(m.group(1), 10, y);
            y += heightDots / 8;
        }
        g.dispose();
        return image;
    }
}
