package io.tracemark.sim;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The reader at the virtual line's case packer: every label that leaves the camera reaches the packer
 * {@code travel} later (the conveyor between them) and is read there; the reader sends the result as a
 * fixed-mount reader's result string on TCP ({@link ReaderServer}, generic profile with trigger numbers).
 * A label whose symbol could not be found is a no-read. Knows nothing of the station: rejected units are
 * on the conveyor too (the gate's push-off is not modelled), and the station's packing rules refuse them.
 */
public final class VirtualCasePacker implements BiConsumer<Long, LabelSymbol>, AutoCloseable {

    private final ReaderServer server = new ReaderServer(0);
    private final ScheduledExecutorService conveyor;
    private final long travelMs;
    private long triggers;

    /** @param travel how long a unit takes from the camera to the case packer */
    public VirtualCasePacker(Duration travel) {
        this.travelMs = travel.toMillis();
        this.conveyor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "virtual-case-packer");
            t.setDaemon(true);
            return t;
        });
    }

    /** The reader's result-string output, {@code tcp://127.0.0.1:port}. */
    public String uri() {
        return "tcp://127.0.0.1:" + server.port();
    }

    /** The reader's server (tests wait for the station to connect). */
    public ReaderServer server() {
        return server;
    }

    @Override
    public void accept(Long labelSeq, LabelSymbol symbol) {
        conveyor.schedule(() -> read(symbol), travelMs, TimeUnit.MILLISECONDS);
    }

    private void read(LabelSymbol symbol) {
        long trigger = ++triggers;
        server.publish(symbol.found() ? ReaderServer.readLine(trigger, symbol.symbologyId(), symbol.data())
                : ReaderServer.noReadLine(trigger));
    }

    @Override
    public void close() {
        conveyor.shutdownNow();
        server.close();
    }
}
