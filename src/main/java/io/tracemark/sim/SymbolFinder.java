package io.tracemark.sim;

import io.tracemark.verify.Decoded;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.SymbolGeometry;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Finds the code symbol on a label as the printer drew it, so the virtual camera knows where the
 * code lies (for damage and for where it lands in the frame) without being told by the station:
 * the label is read with the decoder, first where the previous label had its symbol (labels of one
 * job share a layout), then over the whole label.
 */
public final class SymbolFinder {

    private final FrameDecoder decoder = new FrameDecoder();
    private Rectangle last;

    /** Locates the symbol on {@code label}; the whole label when there is none to read. */
    public synchronized LabelSymbol find(BufferedImage label) {
        GrayImage gray = GrayImage.of(label);
        Optional<Decoded> d = last == null ? Optional.empty() : decoder.decode(gray, Optional.of(last));
        if (d.isEmpty()) {
            d = decoder.decode(gray, Optional.empty());
        }
        if (d.isEmpty()) {
            return new LabelSymbol(new Rectangle(0, 0, label.getWidth(), label.getHeight()), "", "");
        }
        Rectangle box = box(d.get()).intersection(new Rectangle(0, 0, label.getWidth(), label.getHeight()));
        last = box;
        return new LabelSymbol(box, d.get().data(), d.get().symbologyId());
    }

    /** The symbol's bounds in label dots: from the detector's corner points when known, else the region read. */
    private static Rectangle box(Decoded d) {
        if (d.geometry().isPresent() && d.geometry().get() instanceof SymbolGeometry.Matrix m
                && d.view().width() == d.region().width && d.view().height() == d.region().height) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            double[][] corners = {{0, 0}, {m.columns(), 0}, {m.columns(), m.rows()}, {0, m.rows()}};
            for (double[] c : corners) {
                double[] p = m.toImage(c[0], c[1]);
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
            return new Rectangle(d.region().x + (int) Math.floor(minX), d.region().y + (int) Math.floor(minY),
                    (int) Math.ceil(maxX - minX) + 1, (int) Math.ceil(maxY - minY) + 1);
        }
        return d.region();
    }
}
