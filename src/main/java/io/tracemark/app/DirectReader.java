package io.tracemark.app;

import io.tracemark.label.RasterLabel;
import io.tracemark.label.RenderedField;
import io.tracemark.label.ZplRasterizer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.sim.LabelRenderer;
import io.tracemark.sim.PrintedLabel;
import io.tracemark.sim.PrintedLabelListener;
import io.tracemark.sim.ReaderServer;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A virtual fixed-mount reader that needs no camera: it learns each label from what the virtual
 * printer printed (the label's ZPL interpreted as the printer does, stored formats and field numbers
 * included, nothing drawn) and sends the symbol's data as a result string on its {@link ReaderServer}
 * ({@code <trigger>TAB<AIM id><data>CRLF}, a label without a symbol as a no-read). As the virtual
 * printer's renderer it keeps the stored formats; the labels it is asked to draw are blank (nobody
 * looks at them). Knows nothing of the station.
 */
final class DirectReader implements LabelRenderer, PrintedLabelListener, AutoCloseable {

    private final ZplRasterizer printerModel;
    private final ReaderServer server = new ReaderServer(0);
    private long triggers;

    DirectReader(PrinterProfile profile) {
        this.printerModel = ZplRasterizer.withoutDrawing(RasterRenderer.target(profile));
    }

    /** The reader's result-string output, {@code tcp://127.0.0.1:port}. */
    String uri() {
        return "tcp://127.0.0.1:" + server.port();
    }

    @Override
    public synchronized void storeFormat(String dfZpl) {
        printerModel.feed(dfZpl);
    }

    @Override
    public BufferedImage render(String labelZpl) {
        return new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY);
    }

    @Override
    public synchronized void printed(PrintedLabel label) {
        long trigger = ++triggers;
        List<RasterLabel> labels = printerModel.feed(label.zpl());
        String line = labels.stream().flatMap(l -> l.fields().stream())
                .filter(f -> f.kind() == RenderedField.Kind.SYMBOL).findFirst()
                .map(f -> ReaderServer.readLine(trigger, f.aimId(), f.data()))
                .orElseGet(() -> ReaderServer.noReadLine(trigger));
        server.publish(line);
    }

    @Override
    public void close() {
        server.close();
    }
}
