package io.tracemark.platform;

import io.tracemark.platform.wire.ScanAlert;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the platform's anti-counterfeit alerts ({@code GET /scan-alerts?after=N}) into
 * {@link StoredScanAlerts} on a background task: after the highest sequence the station holds, page
 * by page until a page is not full, every {@code interval}, with the same exponential backoff as the
 * other senders when the platform fails (and one log line per reason, not per attempt).
 */
public final class ScanAlertPuller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanAlertPuller.class);
    /** Pages taken in one run at most, so one run cannot loop forever on a platform that keeps answering full pages. */
    private static final int MAX_PAGES = 100;

    private final PlatformClient client;
    private final StoredScanAlerts store;
    private final BackgroundTask task;

    public ScanAlertPuller(PlatformClient client, StoredScanAlerts store, Duration interval, Backoff backoff, Clock clock) {
        this.client = client;
        this.store = store;
        this.task = new BackgroundTask("scan-alerts", this::pullNow, interval, backoff, LOG, clock);
    }

    /**
     * Pulls every alert changed since the last pull, on the calling thread.
     *
     * @return alerts received (new or changed)
     * @throws PlatformException when the platform cannot be reached or refuses; what was stored stays
     */
    public int pullNow() {
        int received = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<ScanAlert> alerts = client.scanAlerts(store.cursor(client.describe()));
            int added = store.save(client.describe(), alerts);
            received += alerts.size();
            if (added > 0) {
                LOG.warn("{}: {} new anti-counterfeit alerts (codes never issued or scanned unusually often); see the panel",
                        client.describe(), added);
            }
            if (alerts.size() < ScanAlert.MAX_PAGE) {
                break;
            }
        }
        return received;
    }

    /** Starts pulling in the background (the first pull at once). */
    public void start() {
        task.start();
    }

    @Override
    public void close() {
        task.close();
    }
}
