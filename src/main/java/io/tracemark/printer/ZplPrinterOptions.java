package io.tracemark.printer;

import io.tracemark.device.Backoff;
import java.time.Duration;

/**
 * How the ZPL driver paces itself.
 *
 * @param lookAhead        labels kept queued in the printer (default 2)
 * @param pollInterval     shortest time between {@code ~HS} polls while labels are outstanding
 * @param idlePollInterval time between polls with nothing outstanding (watches for faults and recovery)
 * @param statusInterval   with {@link PrintConfirmation#HOST_VERIFICATION} (each label confirms itself), the
 *                         longest time between {@code ~HS} polls while labels are outstanding; the busy polls
 *                         between only read the printer's {@code ^HV} replies, without a query. So a fault
 *                         {@code ~HS} reports is seen within this interval, a silent printer (head open) within
 *                         it plus the status timeout
 * @param statusTimeout    how long a {@code ~HS} reply may take; silence past it is a fault
 * @param submitTimeout    longest a submit waits for room in the look-ahead
 * @param reconnectWithin  how long abort and submit try to reconnect a dropped link
 * @param backoff          waits between reconnect attempts
 * @param statusPolling    false for printers that do not answer {@code ~HS}: a label then counts as
 *                         printed once written
 * @param confirmation     how a printed label is confirmed while polling (the profile's choice)
 * @param font             a font the printer must hold before the first label, or null
 */
public record ZplPrinterOptions(int lookAhead, Duration pollInterval, Duration idlePollInterval,
                                Duration statusInterval, Duration statusTimeout, Duration submitTimeout,
                                Duration reconnectWithin, Backoff backoff, boolean statusPolling,
                                PrintConfirmation confirmation, PrinterFont font) {

    public ZplPrinterOptions {
        if (lookAhead < 1) {
            throw new IllegalArgumentException("lookAhead must be at least 1, got " + lookAhead);
        }
        confirmation = confirmation == null ? PrintConfirmation.COUNTERS : confirmation;
    }

    /** Busy polls between two {@code ~HS} while labels confirm themselves: fault detection within 100 ms. */
    public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofMillis(100);

    /**
     * Defaults: look-ahead 2, poll every 20 ms while busy ({@code ~HS} at least every 100 ms with host
     * verification) and every 500 ms idle, 1 s status timeout.
     */
    public static ZplPrinterOptions defaults() {
        return new ZplPrinterOptions(2, Duration.ofMillis(20), Duration.ofMillis(500), DEFAULT_STATUS_INTERVAL,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(5), Backoff.DEFAULT, true, PrintConfirmation.COUNTERS, null);
    }

    /** Defaults with the profile's look-ahead, status polling and print confirmation. */
    public static ZplPrinterOptions from(PrinterProfile profile) {
        return defaults().withLookAhead(profile.lookAhead()).withStatusPolling(profile.statusPolling())
                .withConfirmation(profile.confirmation());
    }

    public ZplPrinterOptions withConfirmation(PrintConfirmation c) {
        return new ZplPrinterOptions(lookAhead, pollInterval, idlePollInterval, statusInterval, statusTimeout,
                submitTimeout, reconnectWithin, backoff, statusPolling, c, font);
    }

    /** With a font the printer must hold (downloaded once when its directory lacks it). */
    public ZplPrinterOptions withFont(PrinterFont f) {
        return new ZplPrinterOptions(lookAhead, pollInterval, idlePollInterval, statusInterval, statusTimeout,
                submitTimeout, reconnectWithin, backoff, statusPolling, confirmation, f);
    }

    public ZplPrinterOptions withLookAhead(int n) {
        return new ZplPrinterOptions(n, pollInterval, idlePollInterval, statusInterval, statusTimeout, submitTimeout,
                reconnectWithin, backoff, statusPolling, confirmation, font);
    }

    public ZplPrinterOptions withPolling(Duration busy, Duration idle) {
        Duration status = statusInterval.compareTo(idle) > 0 ? idle : statusInterval;
        return new ZplPrinterOptions(lookAhead, busy, idle, status.compareTo(busy) < 0 ? busy : status, statusTimeout,
                submitTimeout, reconnectWithin, backoff, statusPolling, confirmation, font);
    }

    /** With the longest time between {@code ~HS} polls while labels confirm themselves (host verification). */
    public ZplPrinterOptions withStatusInterval(Duration interval) {
        return new ZplPrinterOptions(lookAhead, pollInterval, idlePollInterval, interval, statusTimeout, submitTimeout,
                reconnectWithin, backoff, statusPolling, confirmation, font);
    }

    public ZplPrinterOptions withStatusTimeout(Duration timeout) {
        return new ZplPrinterOptions(lookAhead, pollInterval, idlePollInterval, statusInterval, timeout, submitTimeout,
                reconnectWithin, backoff, statusPolling, confirmation, font);
    }

    public ZplPrinterOptions withSubmitTimeout(Duration timeout) {
        return new ZplPrinterOptions(lookAhead, pollInterval, idlePollInterval, statusInterval, statusTimeout, timeout,
                reconnectWithin, backoff, statusPolling, confirmation, font);
    }

    public ZplPrinterOptions withStatusPolling(boolean polling) {
        return new ZplPrinterOptions(lookAhead, pollInterval, idlePollInterval, statusInterval, statusTimeout,
                submitTimeout, reconnectWithin, backoff, polling, confirmation, font);
    }
}
