package io.tracemark.sim;

import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The camera of the simulated line: takes each printed label image (1-bit or gray, at printer
 * resolution) and produces the frame a fixed camera would see, with seeded degradations drawn from a
 * {@link DegradationMix}. Every frame's {@link DegradationPlan} records the pose, what was done and
 * the true quality class, and where the code box landed (for ROI decoding). Frame n's plan depends
 * only on the seed and n. As an {@link ImageSource} it yields one frame per label handed to
 * {@link #show}; the real decoder reads them. Frames carry a trigger number (1, 2, ...), as a
 * triggered industrial camera numbers its acquisitions.
 */
public final class VirtualCamera implements ImageSource {

    private static final int KEEP_PLANS = 10_000;

    private final CameraSettings settings;
    private final DegradationPlanner planner;
    private final FrameRenderer renderer;
    private final BlockingQueue<Shown> queue = new LinkedBlockingQueue<>();
    private final Map<String, DegradationPlan> plans = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DegradationPlan> eldest) {
            return size() > KEEP_PLANS;
        }
    };
    private long frames;
    private Shown previous;
    private volatile boolean closed;
    private volatile boolean capturing;

    public VirtualCamera(CameraSettings settings, DegradationMix mix, long seed) {
        this.settings = settings;
        this.planner = new DegradationPlanner(mix, seed);
        this.renderer = new FrameRenderer(settings);
    }

    /** A captured frame with the plan that made it. */
    public record CapturedFrame(BufferedImage image, DegradationPlan plan) {
    }

    /** A label in front of the camera, and when it was there (the frame's capture time). */
    private record Shown(Supplier<BufferedImage> label, Rectangle codeBox, Instant at) {
    }

    /**
     * Takes the next frame of {@code label} now.
     *
     * @param label          the printed label at printer resolution
     * @param codeBoxInLabel where the code is on the label, in label dots
     */
    public synchronized CapturedFrame capture(BufferedImage label, Rectangle codeBoxInLabel) {
        Shown shown = new Shown(() -> label, codeBoxInLabel, Instant.now());
        DegradationPlan plan = planner.plan(frames++);
        Shown subject = shown;
        if (plan.has(Degradation.MissingLabel.class)) {
            subject = null;
        } else if (plan.has(Degradation.WrongLabel.class)) {
            subject = previous != null ? previous : null;
        }
        previous = shown;
        BufferedImage shownImage = subject == null ? null : subject.label().get();
        FrameRenderer.Rendered r = shownImage == null
                ? renderer.render(null, codeBoxInLabel, label.getWidth(), label.getHeight(), plan)
                : renderer.render(shownImage, subject.codeBox(), shownImage.getWidth(), shownImage.getHeight(), plan);
        DegradationPlan done = plan.withCodeBox(r.codeBox());
        plans.put(frameId(done.frame()), done);
        return new CapturedFrame(r.frame(), done);
    }

    /** Puts a printed label in front of the camera; {@link #next} will return its frame. */
    public void show(BufferedImage label, Rectangle codeBoxInLabel) {
        queue.add(new Shown(() -> label, codeBoxInLabel, Instant.now()));
    }

    /**
     * A listener for a {@link VirtualPrinter}: every label it prints passes in front of this camera.
     * The label is rendered lazily, on the thread that takes the frame, not the print thread.
     *
     * @param codeBox where the code is on a label, in label dots (from the label's template)
     */
    public PrintedLabelListener viewing(Function<PrintedLabel, Rectangle> codeBox) {
        return label -> {
            Instant passed = Instant.now(); // before the box is found: that draws the label, which takes a while
            queue.add(new Shown(label.image(), codeBox.apply(label), passed));
        };
    }

    /** The plan of a frame this camera produced (by {@link Frame#id()}), while it is remembered. */
    public synchronized Optional<DegradationPlan> plan(String frameId) {
        return Optional.ofNullable(plans.get(frameId));
    }

    public CameraSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "virtual-camera";
    }

    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        if (closed) {
            return Optional.empty();
        }
        Shown shown = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (shown == null) {
            return Optional.empty();
        }
        CapturedFrame c;
        capturing = true;
        try {
            c = capture(shown.label().get(), shown.codeBox());
        } finally {
            capturing = false;
        }
        // numbered like a triggered camera's acquisitions: frame n is trigger n + 1
        // taken when the label passed, as a triggered camera would; drawn now, on the decoder's thread
        return Optional.of(new Frame(c.image(), shown.at(), frameId(c.plan().frame()), c.plan().codeBox(),
                OptionalLong.of(c.plan().frame() + 1)));
    }

    /** Labels shown to the camera and not yet handed out as frames (the one being drawn included). */
    @Override
    public int waiting() {
        return queue.size() + (capturing ? 1 : 0);
    }

    @Override
    public void close() {
        closed = true;
    }

    private static String frameId(long frame) {
        return "virtual-" + frame;
    }
}
