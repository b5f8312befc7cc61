package io.tracemark.printer;

import io.tracemark.core.DeviceException;
import io.tracemark.device.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ZPL printer driver, over any {@link Transport}. It keeps at most {@code lookAhead} labels in
 * the printer and learns that a label printed the way the profile says ({@link PrintConfirmation}):
 * from the {@code ^HV} reply the printer sends as it prints each label, from the label odometer, or
 * from the {@code ~HS} counters (formats in buffer plus labels remaining is what the printer still
 * owes, so everything older was printed). It polls only as often as
 * {@link ZplPrinterOptions#pollInterval()} while labels are outstanding, and slowly when idle; when
 * labels confirm themselves ({@code ^HV}) the busy polls between two {@code ~HS} (at most
 * {@link ZplPrinterOptions#statusInterval()} apart) only read the replies ({@link PollPlan}). Every
 * idle poll, and a busy one at most every {@link PollPlan#EXTENDED_INTERVAL}, also asks {@code ~HQES}.
 * A font the options name is looked up in the printer's directory ({@code ^HW}) and downloaded only
 * when missing, once per printer. The labels the look-ahead has room for go out in one write.
 * Listener calls run on one event thread per printer, in order.
 */
public final class ZplPrinter implements Printer {

    private static final Logger LOG = LoggerFactory.getLogger(ZplPrinter.class);
    private static final Pattern QUANTITY = Pattern.compile("\\^PQ(\\d+)");
    private static final String ODOMETER = "odometer.total_label_count";
    private static final java.time.Duration FONT_STORE_WAIT = java.time.Duration.ofSeconds(60);

    private final Transport transport;
    private final ZplPrinterOptions options;
    private final StatusLink link;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Wakes the poller: labels outstanding again after none (busy polling starts), or closing. */
    private final Condition pollDue = lock.newCondition();
    private final ArrayDeque<Sent> outstanding = new ArrayDeque<>();
    private final List<PrinterListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> formats = new CopyOnWriteArrayList<>();
    private final ExecutorService events;
    private volatile Thread eventThread;
    private Thread poller;
    private volatile JobSettings settings;
    private volatile int setupGeneration = -1;
    private PrinterStatus lastStatus;
    private boolean faulted;
    private boolean conditionActive;
    /** The poller sleeps the idle interval: a first label must wake it (guarded by the lock). */
    private boolean pollerIdle;
    private long odometerSeen = -1;
    private volatile boolean fontPresent;
    private volatile boolean closed;

    /** A unit in the printer, with the link generation it was written on (-1 while being written). */
    private static final class Sent {
        final long unit;
        volatile int generation = -1;

        Sent(long unit) {
            this.unit = unit;
        }
    }

    public ZplPrinter(Transport transport, ZplPrinterOptions options) {
        this.transport = transport;
        this.options = options;
        this.link = new StatusLink(transport, options.statusTimeout());
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zpl-events " + transport.uri().raw());
            t.setDaemon(true);
            eventThread = t;
            return t;
        });
        link.onLines(this::hostLines);
    }

    @Override
    public String device() {
        return transport.uri().raw();
    }

    @Override
    public int lookAhead() {
        return options.lookAhead();
    }

    @Override
    public void open(JobSettings jobSettings) {
        this.settings = jobSettings;
        link.exclusive(() -> {
            link.ensureOpen();
            sendSetup();
            ensureFont();
            if (options.confirmation() == PrintConfirmation.ODOMETER) {
                readOdometerBase();
            }
            return null;
        });
        lock.lock();
        try {
            if (poller == null && options.statusPolling()) {
                poller = new Thread(this::pollLoop, "zpl-poller " + device());
                poller.setDaemon(true);
                poller.start();
            }
        } finally {
            lock.unlock();
        }
        LOG.info("{} - opened: {}", device(), jobSettings.toZpl().trim());
    }

    @Override
    public void downloadFormat(String dfZpl) {
        if (!dfZpl.contains("^DF")) {
            throw new IllegalArgumentException(device() + " - a stored format needs ^DF: " + abbreviate(dfZpl));
        }
        formats.add(dfZpl);
        link.exclusive(() -> {
            link.ensureOpen();
            transport.write(dfZpl.getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    @Override
    public void submit(LabelJob job) {
        submitAll(List.of(job));
    }

    /** Sends the labels in order; those the look-ahead has room for at once go out in one write. */
    @Override
    public void submitAll(List<LabelJob> jobs) {
        jobs.forEach(this::checkQuantity);
        if (settings == null) {
            throw new IllegalStateException(device() + " - submit before open");
        }
        int next = 0;
        while (next < jobs.size()) {
            if (options.statusPolling() && lastStatusFaulty()) {
                poll(false);
            }
            List<LabelJob> rest = jobs.subList(next, jobs.size());
            List<Sent> sent = waitForRoom(rest);
            write(sent, rest.subList(0, sent.size()));
            next += sent.size();
        }
    }

    /** Writes labels whose units are already outstanding ({@code sent}), in one write. */
    private void write(List<Sent> sent, List<LabelJob> jobs) {
        try {
            link.exclusive(() -> {
                link.ensureOpen();
                if (setupGeneration != link.generation()) {
                    sendSetup();
                }
                boolean verified = options.statusPolling()
                        && options.confirmation() == PrintConfirmation.HOST_VERIFICATION;
                StringBuilder zpl = new StringBuilder();
                for (int i = 0; i < jobs.size(); i++) {
                    LabelJob job = jobs.get(i);
                    sent.get(i).generation = link.generation();
                    zpl.append(verified ? HostVerification.append(job.zpl(), job.unitId()) : job.zpl());
                }
                transport.write(zpl.toString().getBytes(StandardCharsets.UTF_8));
                return null;
            });
        } catch (DeviceException e) {
            PrinterStatus down = new PrinterStatus(device(), Instant.now(), PrinterStatus.Link.DISCONNECTED, null, null,
                    e.getMessage());
            handle(down, -1, -1);
            String units = jobs.size() == 1 ? "unit " + jobs.get(0).unitId()
                    : "units " + jobs.stream().map(j -> String.valueOf(j.unitId())).toList();
            throw new PrinterFaultException(down, units + " may be lost: write failed", e);
        }
        if (!options.statusPolling()) {
            jobs.forEach(job -> confirmWritten(job.unitId()));
        }
        signal();
    }

    /** Waits for room, then makes the first units of {@code jobs} it has room for outstanding (at least one). */
    private List<Sent> waitForRoom(List<LabelJob> jobs) {
        long unitId = jobs.get(0).unitId();
        long left = options.submitTimeout().toNanos();
        lock.lock();
        try {
            while (!faulted && !conditionActive && outstanding.size() >= options.lookAhead()) {
                if (left <= 0) {
                    throw new DeviceException(device(), "look-ahead of " + options.lookAhead()
                            + " labels still full after " + options.submitTimeout().toMillis() + " ms; oldest unit "
                            + outstanding.peekFirst().unit + ", last status " + summary(lastStatus));
                }
                left = changed.awaitNanos(left);
            }
            if (faulted || conditionActive) {
                throw new PrinterFaultException(lastStatus, "printer in fault, unit " + unitId + " not sent");
            }
            if (pollerIdle) {
                pollDue.signal(); // from the idle interval to the busy one
            }
            int room = Math.min(jobs.size(), options.lookAhead() - outstanding.size());
            List<Sent> sent = new ArrayList<>(room);
            for (int i = 0; i < room; i++) {
                Sent one = new Sent(jobs.get(i).unitId());
                outstanding.addLast(one);
                sent.add(one);
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(device(), "interrupted while waiting to send unit " + unitId, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(PrinterListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(PrinterListener listener) {
        listeners.remove(listener);
    }

    @Override
    public PrinterStatus status() {
        return poll(true);
    }

    /** {@code getvar "odometer.total_label_count"} (Zebra SGD), within the status timeout. */
    @Override
    public java.util.OptionalLong labelOdometer() {
        try {
            long value = link.exclusive(this::odometer);
            return value < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(value);
        } catch (RuntimeException e) {
            LOG.debug("{} - odometer not read: {}", device(), e.getMessage());
            return java.util.OptionalLong.empty();
        }
    }

    @Override
    public List<Long> outstanding() {
        lock.lock();
        try {
            return outstanding.stream().map(s -> s.unit).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Long> abort() {
        try {
            link.exclusive(() -> {
                link.reconnectIfClosed(options.backoff(), options.reconnectWithin());
                if (options.statusPolling()) {
                    poll(false);
                    // a silent printer (head open: ~HS unanswered) has its link dropped by the poll; the
                    // labels it still holds must be cancelled all the same, on a fresh connection
                    link.reconnectIfClosed(options.backoff(), options.reconnectWithin());
                }
                transport.write("~JA".getBytes(StandardCharsets.US_ASCII));
                if (options.statusPolling() && options.confirmation() == PrintConfirmation.ODOMETER) {
                    readOdometerBase();
                }
                return null;
            });
        } catch (DeviceException e) {
            LOG.warn("{} - abort could not send ~JA: {}", device(), e.getMessage());
        }
        List<Long> lost;
        lock.lock();
        try {
            lost = outstanding.stream().map(s -> s.unit).toList();
            outstanding.clear();
            faulted = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        flushEvents();
        LOG.info("{} - aborted; {} unit(s) not confirmed printed: {}", device(), lost.size(), lost);
        return lost;
    }

    @Override
    public void close() {
        closed = true;
        Thread p;
        lock.lock();
        try {
            p = poller;
            changed.signalAll();
            pollDue.signalAll();
        } finally {
            lock.unlock();
        }
        if (p != null) {
            try {
                p.join(options.statusTimeout().toMillis() * 2 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.shutdown();
        transport.close();
    }

    private void pollLoop() {
        long lastQuery = System.nanoTime() - options.statusInterval().toNanos();
        long lastExtended = lastQuery;
        while (!closed) {
            if (awaitPollTime()) {
                boolean idle = outstanding().isEmpty();
                long now = System.nanoTime();
                if (PollPlan.readRepliesOnly(idle, options.confirmation(), now - lastQuery, options.statusInterval())) {
                    link.drain(); // the ^HV replies of the labels printed since: they confirm themselves
                } else {
                    boolean extended = idle || now - lastExtended >= PollPlan.EXTENDED_INTERVAL.toNanos();
                    poll(extended);
                    lastQuery = now;
                    lastExtended = extended ? now : lastExtended;
                }
            }
        }
    }

    /** Waits until the next poll is due; false when closing. */
    private boolean awaitPollTime() {
        long start = System.nanoTime();
        lock.lock();
        try {
            while (!closed) {
                pollerIdle = outstanding.isEmpty();
                long interval = pollerIdle ? options.idlePollInterval().toNanos() : options.pollInterval().toNanos();
                long left = start + interval - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                pollDue.awaitNanos(left); // woken only to leave the idle interval (or to close)
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pollerIdle = false;
            lock.unlock();
        }
    }

    /** Queries the printer and folds the answer into the books. */
    private PrinterStatus poll(boolean extended) {
        return link.exclusive(() -> {
            PrinterStatus status = link.query(extended);
            long odometer = -1;
            if (options.confirmation() == PrintConfirmation.ODOMETER && status.link() == PrinterStatus.Link.RESPONDING) {
                odometer = odometer();
            }
            handle(status, link.generation(), odometer);
            return status;
        });
    }

    /** The label odometer, or -1 when the printer does not answer it in time. */
    private long odometer() {
        String value = link.getvar(ODOMETER);
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.warn("{} - {} is '{}', not a count", device(), ODOMETER, value);
            return -1;
        }
    }

    private void readOdometerBase() {
        long value = odometer();
        if (value < 0) {
            throw new DeviceException(device(), "the profile confirms labels by " + ODOMETER
                    + " and the printer did not answer it within " + options.statusTimeout().toMillis() + " ms");
        }
        lock.lock();
        try {
            odometerSeen = value;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes sure the printer holds the options' font: looks for it by name in the printer's directory
     * ({@code ^HW}) and downloads it ({@code ~DY}) only when it is missing, then finds it by name again.
     * Once found, it is not looked for again by this driver. Holds the link.
     */
    private void ensureFont() {
        PrinterFont font = options.font();
        if (font == null || fontPresent) {
            return;
        }
        java.util.Map<String, Long> before = link.directory(font.drive(), "*.TTF", options.statusTimeout());
        if (before == null) {
            throw new DeviceException(device(), "no reply to the ^HW directory listing of " + font.drive()
                    + " within " + options.statusTimeout().toMillis() + " ms; cannot tell whether " + font.name()
                    + " is there");
        }
        if (!before.containsKey(font.name())) {
            byte[] ttf = font.ttf().get();
            transport.write(FontDownload.command(font, ttf));
            java.util.Map<String, Long> after = link.directory(font.drive(), "*.TTF", FONT_STORE_WAIT);
            if (after == null || !after.containsKey(font.name())) {
                throw new DeviceException(device(), font.name() + " is not in the printer's directory after ~DY of "
                        + ttf.length + " bytes; listing: " + (after == null ? "no reply" : after.keySet()));
            }
            LOG.info("{} - downloaded font {} ({} bytes)", device(), font.name(), ttf.length);
        }
        fontPresent = true;
    }

    /**
     * Lines outside the status frames, as they arrived: the {@code ^HV} reply of a printed label confirms
     * it and every older unit. One signal and one hop to the event thread for all of them.
     */
    private void hostLines(List<String> texts, int generation) {
        List<Long> printed = new ArrayList<>();
        lock.lock();
        try {
            for (String text : texts) {
                confirmByReply(text, generation, printed);
            }
            if (!printed.isEmpty()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (!printed.isEmpty()) {
            dispatch(() -> listeners.forEach(l -> l.printed(printed)));
        }
    }

    /** Confirms the unit a {@code ^HV} reply names and the older ones; holds the lock. */
    private void confirmByReply(String text, int generation, List<Long> printed) {
        var unit = HostVerification.parse(text);
        if (unit.isEmpty()) {
            LOG.debug("{} - unsolicited line ignored: {}", device(), text);
            return;
        }
        long id = unit.getAsLong();
        boolean known = outstanding.stream().anyMatch(s -> s.unit == id && s.generation == generation);
        if (!known) {
            LOG.warn("{} - ^HV reply for unit {} that is not outstanding", device(), id);
            return;
        }
        List<Long> before = new ArrayList<>();
        while (!outstanding.isEmpty()) {
            Sent s = outstanding.pollFirst();
            if (s.unit == id) {
                break;
            }
            before.add(s.unit);
        }
        if (!before.isEmpty()) {
            LOG.warn("{} - ^HV reply for unit {} arrived before those of {}; a printer prints in order, so they"
                    + " printed too", device(), id, before);
        }
        printed.addAll(before);
        printed.add(id);
    }

    /**
     * Folds one status into the books: confirms printed units, latches faults, reports recovery. Only
     * units written on the link generation the status came from are confirmed: the printer's counters
     * know nothing of bytes lost with an older connection, so those units stay unconfirmed (abort lists them).
     */
    private void handle(PrinterStatus status, int generation, long odometer) {
        List<Long> printed = new ArrayList<>();
        boolean newFault;
        boolean recovered;
        lock.lock();
        try {
            lastStatus = status;
            switch (options.confirmation()) {
                case COUNTERS -> confirmByCounters(status, generation, printed);
                case ODOMETER -> confirmByOdometer(odometer, printed);
                case HOST_VERIFICATION -> {
                    // each label confirms itself with its ^HV reply (hostLines)
                }
            }
            boolean fault = !status.faults().isEmpty();
            newFault = fault && !conditionActive;
            recovered = !fault && conditionActive;
            faulted |= newFault;
            conditionActive = fault;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (newFault) {
            LOG.warn("{} - fault: {}", device(), status.summary());
        }
        if (printed.isEmpty() && !newFault && !recovered) {
            return; // nothing to tell: no hop to the event thread
        }
        dispatch(() -> {
            if (!printed.isEmpty()) {
                listeners.forEach(l -> l.printed(printed));
            }
            if (newFault) {
                listeners.forEach(l -> l.fault(status));
            }
            if (recovered) {
                listeners.forEach(l -> l.recovered(status));
            }
        });
    }

    private void confirmByCounters(PrinterStatus status, int generation, List<Long> printed) {
        if (status.host() != null && !outstanding.isEmpty() && outstanding.peekFirst().generation == generation) {
            long written = outstanding.stream().filter(s -> s.generation == generation).count();
            long owed = Math.min(status.host().pendingLabels(), written);
            for (long i = written - owed; i > 0; i--) {
                printed.add(outstanding.pollFirst().unit);
            }
        }
    }

    /** The odometer counts labels whatever the connection, so older link generations are confirmed too. */
    private void confirmByOdometer(long odometer, List<Long> printed) {
        if (odometer < 0 || odometerSeen < 0) {
            return;
        }
        long more = odometer - odometerSeen;
        odometerSeen = Math.max(odometerSeen, odometer);
        for (long i = 0; i < more && !outstanding.isEmpty(); i++) {
            printed.add(outstanding.pollFirst().unit);
        }
    }

    private void confirmWritten(long unitId) {
        lock.lock();
        try {
            outstanding.removeIf(s -> s.unit == unitId);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        dispatch(() -> listeners.forEach(l -> l.printed(unitId)));
    }

    private void dispatch(Runnable calls) {
        if (events.isShutdown()) {
            return;
        }
        events.execute(() -> {
            try {
                calls.run();
            } catch (RuntimeException e) {
                LOG.error("{} - printer listener failed", device(), e);
            }
        });
    }

    /** Waits until callbacks queued so far have run, unless called from a callback. */
    private void flushEvents() {
        if (Thread.currentThread() == eventThread || events.isShutdown()) {
            return;
        }
        try {
            events.submit(() -> { }).get(options.submitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("{} - printer listeners did not finish in time", device());
        }
    }

    private void sendSetup() {
        transport.write(settings.toZpl().getBytes(StandardCharsets.US_ASCII));
        for (String format : formats) {
            transport.write(format.getBytes(StandardCharsets.UTF_8));
        }
        setupGeneration = link.generation();
    }

    private boolean lastStatusFaulty() {
        lock.lock();
        try {
            return !faulted && conditionActive;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void checkQuantity(LabelJob job) {
        Matcher m = QUANTITY.matcher(job.zpl());
        while (m.find()) {
            if (!m.group(1).equals("1")) {
                throw new IllegalArgumentException(device() + " - unit " + job.unitId() + ": ^PQ" + m.group(1)
                        + " would print more than one label; the driver counts one label per job");
            }
        }
    }

    private static String summary(PrinterStatus status) {
        return status == null ? "none yet" : status.summary();
    }

    private static String abbreviate(String zpl) {
        return zpl.length() <= 60 ? zpl : zpl.substring(0, 60) + "...";
    }
}
