package io.tracemark.line;

import io.tracemark.core.TracemarkException;
import io.tracemark.verify.Decoded;
import io.tracemark.verify.Frame;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.ImageSource;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.ScanCounts;
import io.tracemark.verify.Scanner;
import java.awt.Rectangle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner made of a camera ({@link ImageSource}) and the station's own decoder and grader: one
 * {@link ReadResult} per frame. A frame that shows no label at all (a flat region where the code
 * should be) is a {@link ReadResult.NoRead} with reason {@value Judgement#NO_LABEL}. A source that
 * fails for good is reported to the fault listener and the scanner ends.
 */
public final class ImageScanner implements Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(ImageScanner.class);
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Duration POLL = Duration.ofMillis(200);
    /** Below this gray-level standard deviation the code region is blank: no label in view. */
    private static final double BLANK_STDDEV = 8.0;

    private final String name;
    private final ImageSource source;
    private final FrameDecoder decoder;
    private final Grader grader;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong noReads = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder decodeCpuNanos = new java.util.concurrent.atomic.LongAdder();
    private volatile Consumer<ReadResult> listener = r -> { };
    private volatile Consumer<String> faults = d -> { };
    private volatile boolean triggered = true;
    /** The code box a supervisor drew (frame pixels): decoding is restricted to it; null for the whole frame. */
    private volatile Rectangle roi;
    private volatile boolean running;
    /** A frame taken from the source is being decoded and graded (its result is on the way). */
    private volatile boolean busy;
    private Thread thread;

    public ImageScanner(String name, ImageSource source, FrameDecoder decoder, Grader grader) {
        this.name = name;
        this.source = source;
        this.decoder = decoder;
        this.grader = grader;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setListener(Consumer<ReadResult> resultListener) {
        this.listener = resultListener;
    }

    /** Where a failure of the image source is reported (once; the scanner then ends). */
    @Override
    public void onFault(Consumer<String> faultListener) {
        this.faults = faultListener;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            throw new TracemarkException("scanner " + name + " was started already");
        }
        running = true;
        thread = new Thread(this::loop, "image-scanner " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** On also asks a source that delivers frames only when asked (a snapshot camera) for one frame. */
    @Override
    public void trigger(boolean on) {
        triggered = on;
        if (on && source.triggeredPerFrame()) {
            source.trigger();
        }
    }

    /** A snapshot camera is asked for a frame per unit, when the printer confirms its label. */
    @Override
    public boolean triggeredPerUnit() {
        return source.triggeredPerFrame();
    }

    @Override
    public void stop() {
        running = false;
        source.close();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * CPU time this scanner's thread spent decoding and grading frames (not in the image source: a
     * simulated camera draws its frames on this thread too).
     */
    public long decodeCpuNanos() {
        return decodeCpuNanos.sum();
    }

    /** Decodes only inside {@code box} from the next frame on (empty: the whole frame again). */
    @Override
    public boolean regionOfInterest(Optional<Rectangle> box) {
        roi = box.map(Rectangle::new).orElse(null);
        return true;
    }

    /** A frame is being decoded, or the camera holds frames waiting for the decoder. */
    @Override
    public boolean decoding() {
        return busy || source.waiting() > 0;
    }

    @Override
    public ScanCounts counts() {
        return new ScanCounts(reads.get(), noReads.get(), 0);
    }

    private void loop() {
        while (running) {
            Optional<Frame> frame;
            try {
                busy = false;
                frame = source.next(POLL);
                busy = frame.isPresent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TracemarkException e) {
                if (running) {
                    LOG.warn("scanner {}: image source {} failed: {}", name, source.name(), e.getMessage());
                    faults.accept(source.name() + ": " + e.getMessage());
                }
                return;
            }
            if (frame.isPresent() && triggered) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                ReadResult result = read(frame.get());
                decodeCpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
                listener.accept(result);
            }
        }
    }

    /** Decodes and grades one frame. */
    ReadResult read(Frame frame) {
        GrayImage gray = GrayImage.of(frame.image());
        Rectangle box = roi;
        Optional<Decoded> decoded = box == null ? decoder.decode(gray, frame.codeBox())
                : decoder.decodeWithin(gray, box, frame.codeBox());
        Instant at = frame.at();
        if (decoded.isEmpty()) {
            noReads.incrementAndGet();
            String reason = blank(gray, box != null ? Optional.of(box) : frame.codeBox()) ? Judgement.NO_LABEL : "no read";
            return new ReadResult.NoRead(at, Optional.of(frame.image()), reason, frame.trigger());
        }
        reads.incrementAndGet();
        Decoded d = decoded.get();
        return new ReadResult.Read(d.data(), d.symbologyId(), Optional.of(grader.grade(d)), Optional.of(frame.image()), at,
                frame.trigger(), Optional.of(d.foundAt()));
    }

    private static boolean blank(GrayImage gray, Optional<Rectangle> box) {
        Rectangle r = box.orElse(new Rectangle(0, 0, gray.width(), gray.height()))
                .intersection(new Rectangle(0, 0, gray.width(), gray.height()));
        if (r.isEmpty()) {
            return true;
        }
        double sum = 0;
        double squares = 0;
        long n = 0;
        int step = Math.max(1, Math.min(r.width, r.height) / 64);
        for (int y = r.y; y < r.y + r.height; y += step) {
            for (int x = r.x; x < r.x + r.width; x += step) {
                int v = gray.at(x, y);
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean)) < BLANK_STDDEV;
    }
}
