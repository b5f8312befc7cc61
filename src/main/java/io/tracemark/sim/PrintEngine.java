package io.tracemark.sim;

import io.tracemark.printer.CommunicationSettings;
import io.tracemark.printer.DirectoryListing;
import io.tracemark.printer.ExtendedStatus;
import io.tracemark.printer.FunctionSettings;
import io.tracemark.printer.HostStatus;
import io.tracemark.printer.MediaKind;
import io.tracemark.printer.PrintMode;
import io.tracemark.printer.PrinterError;
import io.tracemark.printer.PrinterProfile;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printing mechanism of a virtual printer: its format buffer, counters, settings, fault state,
 * and the print loop that turns formats into {@link PrintedLabel}s at the configured speed.
 */
final class PrintEngine {

    private static final Pattern QUANTITY = Pattern.compile("\\^PQ(\\d+)");
    private static final Pattern SPEED = Pattern.compile("\\^PR(\\d+)");
    private static final Pattern WIDTH = Pattern.compile("\\^PW(\\d+)");
    private static final Pattern LENGTH = Pattern.compile("\\^LL(\\d+)");
    private static final Pattern REPRINT = Pattern.compile("\\^JZ([YN])");
    private static final Pattern METHOD = Pattern.compile("\\^MT([TD])");
    private static final Pattern PRINTS = Pattern.compile("\\^(FD|XF|GB|GF|FO|FT|B[0-9A-Z])");
    private static final int BUFFER_CAPACITY = 256;

    private static final Pattern HOST_VERIFICATION = Pattern.compile(
            "(\\^FH(.))?\\^HV(\\d*),(\\d*),([^,^]*),([^,^]*),?([FL]?)");
    private static final Pattern DIRECTORY = Pattern.compile("\\^HW([A-Z]:)?([^\\^~]*)");
    private static final Pattern STORED = Pattern.compile("\\^DF([A-Z]:)?([^\\^~]*)");
    private static final long STORAGE_BYTES = 64L << 20;

    /** A format to print, and where the session that sent it takes replies ({@code ^HV}). */
    private record Job(String zpl, int quantity, long generation, Consumer<String> replies) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Job> buffer = new ArrayDeque<>();
    private final List<PrintedLabelListener> listeners = new CopyOnWriteArrayList<>();
    private final List<FaultRecord> faults = new CopyOnWriteArrayList<>();
    private final Set<String> firedEvents = new HashSet<>();
    private final Map<String, Long> objects = new TreeMap<>();
    private final Map<String, byte[]> fonts = new ConcurrentHashMap<>();
    private Runnable pendingReply;
    private final FaultPlan plan;
    private final LabelRenderer renderer;
    private final long labelNanos;
    private final Runnable dropConnections;
    private final LabelSink sink;
    private Job current;
    private int remaining;
    private boolean printing;
    private long generation;
    private long printed;
    private boolean paperOut;
    private boolean ribbonOut;
    private boolean headOpen;
    private boolean paused;
    private long unnamedErrors;
    private boolean pauseAfterLabel;
    private boolean reprintAfterError = true;
    private Job reprint;
    private boolean thermalTransfer;
    private int speedIps;
    private int darkness;
    private int printWidthDots;
    private int labelLengthDots;
    private final int dotsPerInch;
    private volatile boolean closed;

    /** Where printed labels go besides the listeners (the PNG writer), may be null. */
    interface LabelSink {
        void accept(PrintedLabel label);
    }

    PrintEngine(PrinterProfile profile, double labelsPerSecond, FaultPlan plan, LabelRenderer renderer,
                Runnable dropConnections, LabelSink sink) {
        this.plan = plan;
        this.renderer = renderer;
        this.labelNanos = labelsPerSecond <= 0 || Double.isInfinite(labelsPerSecond) ? 0
                : (long) (1e9 / labelsPerSecond);
        this.dropConnections = dropConnections;
        this.sink = sink;
        this.thermalTransfer = profile.media() == MediaKind.THERMAL_TRANSFER;
        this.speedIps = profile.speedIps().defaultIps();
        this.darkness = profile.darkness().defaultValue();
        this.printWidthDots = profile.printWidthDots();
        this.labelLengthDots = profile.labelLengthDots();
        this.dotsPerInch = profile.dpi();
    }

    void addListener(PrintedLabelListener listener) {
        listeners.add(listener);
    }

    void removeListener(PrintedLabelListener listener) {
        listeners.remove(listener);
    }

    List<FaultRecord> faults() {
        return List.copyOf(faults);
    }

    /** Takes one complete format without a reply channel (tests, benches). */
    void accept(String zpl) {
        accept(zpl, reply -> { });
    }

    /**
     * Takes one complete format: a stored format, settings, a directory query, or a label to print.
     * Returns the immediate reply ({@code ^HW} listing) or null; {@code ^HV} replies of printed labels
     * go to {@code replies} as each label prints.
     */
    String accept(String zpl, Consumer<String> replies) {
        if (zpl.contains("^DF")) {
            renderer.storeFormat(zpl);
            Matcher df = STORED.matcher(zpl);
            if (df.find()) {
                store((df.group(1) == null ? "R:" : df.group(1)) + df.group(2).trim().toUpperCase(), zpl.length());
            }
            return null;
        }
        Matcher hw = DIRECTORY.matcher(zpl);
        if (hw.find()) {
            return directory(hw.group(1) == null ? "R:" : hw.group(1), hw.group(2).trim());
        }
        lock.lock();
        try {
            applySettings(zpl);
            if (PRINTS.matcher(zpl).find()) {
                Matcher q = QUANTITY.matcher(zpl);
                int quantity = q.find() ? Math.max(1, Integer.parseInt(q.group(1))) : 1;
                buffer.addLast(new Job(zpl, quantity, generation, replies));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return null;
    }

    /** Stores a downloaded object (a {@code ~DY} font is kept whole, to be found by name afterwards). */
    void download(ZplStreamParser.Download d) {
        String name = d.name().contains(":") ? d.name() : "R:" + d.name();
        String extension = switch (d.extension()) {
            case "T" -> ".TTF";
            case "E" -> ".TTE";
            case "G" -> ".GRF";
            case "P" -> ".PNG";
            default -> "." + d.extension();
        };
        String full = name + extension;
        if (extension.equals(".TTF")) {
            fonts.put(full, d.data());
        }
        store(full, d.data().length);
    }

    /** Fonts downloaded with {@code ~DY} and held, by name (e.g. {@code E:TMCJK.TTF}). */
    Map<String, byte[]> fonts() {
        return Map.copyOf(fonts);
    }

    private void store(String name, long size) {
        synchronized (objects) {
            objects.put(name, size);
        }
    }

    /** The {@code ^HW} listing of {@code drive} for a pattern like {@code *.TTF} ({@code *} and {@code ?} wildcards). */
    private String directory(String drive, String pattern) {
        String glob = (pattern.isEmpty() ? "*.*" : pattern).toUpperCase();
        Pattern match = Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
        Map<String, Long> listed = new TreeMap<>();
        long used = 0;
        synchronized (objects) {
            for (Map.Entry<String, Long> e : objects.entrySet()) {
                if (e.getKey().startsWith(drive)) {
                    used += e.getValue();
                    if (match.matcher(e.getKey().substring(2)).matches()) {
                        listed.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return DirectoryListing.toWire(drive, listed, Math.max(0, STORAGE_BYTES - used));
    }

    /** The reply to an SGD command line, or null (only {@code getvar} of the label odometer is answered). */
    String sgd(String line) {
        if (line.matches("!\\s*U1\\s+getvar\\s+\"odometer\\.total_label_count\"")) {
            return "\"" + printed() + "\"";
        }
        return null;
    }

    private void applySettings(String zpl) {
        speedIps = intSetting(SPEED, zpl, speedIps);
        printWidthDots = intSetting(WIDTH, zpl, printWidthDots);
        labelLengthDots = intSetting(LENGTH, zpl, labelLengthDots);
        Matcher jz = REPRINT.matcher(zpl);
        if (jz.find()) {
            reprintAfterError = jz.group(1).equals("Y");
        }
        Matcher mt = METHOD.matcher(zpl);
        if (mt.find()) {
            thermalTransfer = mt.group(1).equals("T");
        }
    }

    private static int intSetting(Pattern p, String zpl, int current) {
        Matcher m = p.matcher(zpl);
        return m.find() ? Integer.parseInt(m.group(1)) : current;
    }

    /** Runs one control command; returns the reply, or null for none (or silence). */
    String control(String command, boolean partialFormat) {
        lock.lock();
        try {
            switch (command.substring(0, 2)) {
                case "HS" -> {
                    return headOpen ? null : hostStatus(partialFormat).toWire();
                }
                case "HQ" -> {
                    return switch (command) {
                        case "HQES" -> extendedStatus().toWire();
                        case "HQOD" -> odometerReply();
                        default -> null;
                    };
                }
                case "JA" -> {
                    buffer.clear();
                    remaining = 0;
                    printing = false;
                    current = null;
                    reprint = null;
                    generation++;
                }
                case "PS" -> paused = false;
                case "PP" -> {
                    if (current == null) {
                        paused = true;
                    } else {
                        pauseAfterLabel = true;
                    }
                }
                case "SD" -> darkness = Integer.parseInt(command.substring(2).replaceAll("\\D", "0"));
                default -> {
                    // other control commands are accepted and ignored
                }
            }
            changed.signalAll();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** ~HQOD "PRINT METERS": lengths of media printed, in inches, as the guide lays the reply out. */
    private String odometerReply() {
        long inches = Math.round(printed * labelLengthDots / (double) dotsPerInch);
        return "\u0002\r\nPRINT METERS\r\n"
                + String.format("   TOTAL NONRESETTABLE:     %8d \"\r\n", inches)
                + String.format("   USER RESETTABLE CNTR1:   %8d \"\r\n", inches)
                + String.format("   USER RESETTABLE CNTR2:   %8d \"\r\n", inches)
                + "\u0003\r\n";
    }

    HostStatus hostStatus(boolean partialFormat) {
        lock.lock();
        try {
            return new HostStatus(CommunicationSettings.decode(CommunicationSettings.encode(9600, 8, 1, false, false,
                    false)), paperOut, paused, labelLengthDots, buffer.size(), buffer.size() >= BUFFER_CAPACITY,
                    false, partialFormat, false, false, false,
                    FunctionSettings.decode(FunctionSettings.encode(false, false, false, thermalTransfer)), headOpen,
                    ribbonOut, thermalTransfer, PrintMode.TEAR_OFF, 0, false, remaining + (printing ? 1 : 0) + (reprint == null ? 0 : 1),
                    true, 0, "1234", true);
        } finally {
            lock.unlock();
        }
    }

    ExtendedStatus extendedStatus() {
        lock.lock();
        try {
            Set<PrinterError> errors = EnumSet.noneOf(PrinterError.class);
            if (paperOut) {
                errors.add(PrinterError.MEDIA_OUT);
            }
            if (ribbonOut) {
                errors.add(PrinterError.RIBBON_OUT);
            }
            if (headOpen) {
                errors.add(PrinterError.HEAD_OPEN);
            }
            if (paused) {
                errors.add(PrinterError.PAUSED);
            }
            ExtendedStatus named = ExtendedStatus.of(errors, Set.of());
            return unnamedErrors == 0 ? named : new ExtendedStatus(true, 0, named.errorGroup1() | unnamedErrors,
                    named.warningPresent(), named.warningGroup2(), named.warningGroup1());
        } finally {
            lock.unlock();
        }
    }

    int darkness() {
        return darkness;
    }

    int speedIps() {
        return speedIps;
    }

    boolean reprintAfterError() {
        return reprintAfterError;
    }

    long printed() {
        lock.lock();
        try {
            return printed;
        } finally {
            lock.unlock();
        }
    }

    /** Reloads paper, replaces the ribbon, closes the head and presses resume: printing goes on. */
    void clearFault() {
        lock.lock();
        try {
            paperOut = false;
            ribbonOut = false;
            headOpen = false;
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A person loads a new roll of labels: paper out ends; the head, ribbon and pause stay as they are. */
    void reloadPaper() {
        lock.lock();
        try {
            paperOut = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A person fits a new ribbon: ribbon out ends. */
    void replaceRibbon() {
        lock.lock();
        try {
            ribbonOut = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void setHeadOpen(boolean open) {
        lock.lock();
        try {
            headOpen = open;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sets ~HQES group 1 error bits the station has no name for (0 clears them); printing stops meanwhile. */
    void setUnnamedErrors(long bits) {
        lock.lock();
        try {
            unnamedErrors = bits;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void setPaused(boolean pause) {
        lock.lock();
        try {
            paused = pause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        closed = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The print loop: runs until {@link #close()}. */
    void run() {
        while (!closed) {
            try {
                PrintedLabel label = printNext();
                Runnable reply = takePendingReply();
                if (label != null) {
                    deliver(label);
                }
                if (reply != null) {
                    reply.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits for a label that may print, prints it (after the label time), returns it; null on close. */
    private PrintedLabel printNext() throws InterruptedException {
        lock.lock();
        try {
            Job job;
            while (true) {
                if (closed) {
                    return null;
                }
                if (!stopped() && (reprint != null || remaining > 0 || !buffer.isEmpty())) {
                    long next = printed + 1;
                    if (fireEvents(next)) {
                        continue;
                    }
                    job = takeJob();
                    printing = true;
                    break;
                }
                changed.await();
            }
            if (labelNanos > 0) {
                long left = labelNanos;
                while (left > 0 && !closed) {
                    left = changed.awaitNanos(left);
                }
                if (job.generation() != generation) {
                    printing = false;
                    return null;
                }
            }
            return emit(job);
        } finally {
            lock.unlock();
        }
    }

    private Job takeJob() {
        if (reprint != null) {
            Job job = reprint;
            reprint = null;
            return job;
        }
        if (remaining == 0) {
            current = buffer.pollFirst();
            remaining = current.quantity();
        }
        remaining--;
        return current;
    }

    /** Applies the plan's events due at label {@code next}; true when printing must stop or re-check. */
    private boolean fireEvents(long next) {
        boolean stop = false;
        for (FaultKind kind : plan.eventsAt(next)) {
            if (kind == FaultKind.PAPER_OUT || kind == FaultKind.RIBBON_OUT || !firedEvents.add(kind + "@" + next)) {
                continue;
            }
            switch (kind) {
                case HEAD_OPEN -> headOpen = true;
                case PAUSE -> paused = true;
                default -> dropConnections.run();
            }
            faults.add(new FaultRecord(next, kind, Instant.now()));
            stop = true;
        }
        return stop;
    }

    private Runnable takePendingReply() {
        lock.lock();
        try {
            Runnable r = pendingReply;
            pendingReply = null;
            return r;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The {@code ^HV} reply of a printed label: header, the field's data (at most n bytes), terminator,
     * with {@code ^FH} escapes in header and terminator decoded; per label ({@code L}) or, by default
     * ({@code F}), once the format's last label printed.
     */
    private void replyFor(Job job) {
        Matcher hv = HOST_VERIFICATION.matcher(job.zpl());
        if (!hv.find()) {
            return;
        }
        boolean perLabel = "L".equals(hv.group(7));
        if (!perLabel && remaining > 0) {
            return;
        }
        String field = hv.group(3).isEmpty() ? "0" : hv.group(3);
        Matcher fd = Pattern.compile("\\^FN" + field + "\\^FD([^\\^]*)").matcher(job.zpl());
        String data = fd.find() ? fd.group(1) : "";
        int n = hv.group(4).isEmpty() ? 64 : Integer.parseInt(hv.group(4));
        Character hex = hv.group(2) == null ? null : hv.group(2).charAt(0);
        String text = unhex(hv.group(5), hex) + data.substring(0, Math.min(n, data.length())) + unhex(hv.group(6), hex);
        pendingReply = () -> job.replies().accept(text);
    }

    private static String unhex(String s, Character indicator) {
        if (indicator == null) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == indicator && i + 2 < s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private PrintedLabel emit(Job job) {
        long seq = ++printed;
        printing = false;
        replyFor(job);
        FaultKind damage = plan.damageFor(seq);
        for (FaultKind kind : plan.eventsAt(seq)) {
            if ((kind == FaultKind.PAPER_OUT || kind == FaultKind.RIBBON_OUT) && firedEvents.add(kind + "@" + seq)) {
                damage = kind;
                if (kind == FaultKind.PAPER_OUT) {
                    paperOut = true;
                } else {
                    ribbonOut = true;
                }
                if (reprintAfterError) {
                    reprint = job;
                }
                // a label cut short was not printed: no ^HV reply for it
                pendingReply = null;
            }
        }
        if (damage != null) {
            faults.add(new FaultRecord(seq, damage, Instant.now()));
        }
        if (pauseAfterLabel) {
            paused = true;
            pauseAfterLabel = false;
        }
        if (remaining == 0 && reprint == null) {
            current = null;
        }
        changed.signalAll();
        FaultKind finalDamage = damage;
        return new PrintedLabel(seq, job.zpl(), memo(() -> {
            BufferedImage image = renderer.render(job.zpl());
            return finalDamage == null ? image : LabelDamage.apply(image, finalDamage, plan.random(seq));
        }));
    }

    private void deliver(PrintedLabel label) {
        if (sink != null) {
            sink.accept(label);
        }
        for (PrintedLabelListener l : listeners) {
            l.printed(label);
        }
    }

    private boolean stopped() {
        return paperOut || ribbonOut || headOpen || paused || unnamedErrors != 0;
    }

    private static Supplier<BufferedImage> memo(Supplier<BufferedImage> render) {
        return new Supplier<>() {
            private BufferedImage image;

            @Override
            public synchronized BufferedImage get() {
                if (image == null) {
                    image = render.get();
                }
                return image;
            }
        };
    }
}
