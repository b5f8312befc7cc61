package io.tracemark.sim;

import io.tracemark.label.CodeBox;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.LabelValues;
import io.tracemark.label.LabelWriter;
import io.tracemark.label.RasterLabel;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.label.ZplRasterizer;
import io.tracemark.verify.Decoded;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.SymbolGeometry;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The verification corpus: every shipped template rendered with its sample values by the project's
 * ZPL rasterizer, then photographed by a 1280×1024 camera with the code anywhere in the frame, at
 * any rotation (0–360°), with modules of 2–8 camera pixels, and degraded (blur, noise, low contrast,
 * uneven light, perspective). Frame n depends only on the seed and n. "Mild" frames stay within the
 * {@link DegradationPlanner}'s mild ranges (blur also within a quarter module) and modules of at
 * least 3 px; "harsh" frames go beyond. Used by the oracle test and {@code bench verify}.
 */
public final class TemplateCorpus {

    private static final int FRAME_W = 1280;
    private static final int FRAME_H = 1024;

    /**
     * One shipped template as printed.
     *
     * @param name      template name
     * @param label     the label image at printer resolution
     * @param codeBox   the code's box in label dots
     * @param expected  the data the clean label decodes to (with the box, by the station's decoder)
     * @param moduleDots the module (X) size in printer dots
     * @param matrix    true for Data Matrix / QR, false for a linear code
     * @param dotsPerMm printer resolution
     */
    public record Template(String name, BufferedImage label, Rectangle codeBox, String expected, double moduleDots,
                           boolean matrix, int dotsPerMm) {
    }

    /**
     * One corpus frame.
     *
     * @param index        frame number
     * @param template     the template shown
     * @param image        the 1280×1024 camera frame
     * @param codeBox      where the code landed (frame pixels)
     * @param modulePx     module size in camera pixels
     * @param rotationDeg  label rotation
     * @param degradations what the camera did
     * @param mild         true when the degradations stay within the mild (print quality C or better) ranges
     */
    public record CorpusFrame(int index, Template template, BufferedImage image, Rectangle codeBox, double modulePx,
                              double rotationDeg, List<Degradation> degradations, boolean mild) {
    }

    private final List<Template> templates;
    private final long seed;

    private TemplateCorpus(List<Template> templates, long seed) {
        this.templates = List.copyOf(templates);
        this.seed = seed;
    }

    /** The corpus of every template bundled in the jar. */
    public static TemplateCorpus bundled(long seed) {
        TemplateLibrary library = TemplateLibrary.bundled();
        List<Template> list = new ArrayList<>();
        for (String name : library.names()) {
            list.add(template(library.load(name)));
        }
        return new TemplateCorpus(list, seed);
    }

    public List<Template> templates() {
        return templates;
    }

    private static Template template(LabelTemplate t) {
        LabelTarget target = LabelTarget.standard(t.dotsPerMm());
        LabelWriter writer = t.writer(target);
        ZplRasterizer rasterizer = new ZplRasterizer(target);
        rasterizer.feed(writer.setup());
        RasterLabel label = rasterizer.feed(writer.label(LabelValues.of(t.sample()))).get(0);
        CodeBox.Dots d = t.codeBox(t.dotsPerMm());
        Rectangle box = new Rectangle(d.x(), d.y(), d.width(), d.height());
        Decoded clean = new FrameDecoder().decode(GrayImage.of(label.image()), Optional.of(box))
                .orElseThrow(() -> new IllegalStateException("the clean render of template " + t.name()
                        + " does not decode"));
        // the module size from the detector's grid (not from the grader, so the corpus does not move with it)
        Double module = clean.geometry().filter(g -> g instanceof SymbolGeometry.Matrix)
                .map(g -> moduleDots((SymbolGeometry.Matrix) g))
                .orElseGet(() -> Grader.iso().grade(clean).measurements().get("moduleSizePx"));
        if (module == null) {
            throw new IllegalStateException("no module size measured on the clean render of " + t.name());
        }
        return new Template(t.name(), label.image(), box, clean.data(), module, clean.symbology().matrix(),
                t.dotsPerMm());
    }

    private static double moduleDots(SymbolGeometry.Matrix m) {
        double[] a = m.toImage(0.5, 0.5);
        double[] b = m.toImage(m.columns() - 0.5, 0.5);
        return Math.hypot(b[0] - a[0], b[1] - a[1]) / (m.columns() - 1);
    }

    /** Frame {@code n}: template n mod count, pose and degradations drawn from the seed and n. */
    public CorpusFrame frame(int n) {
        return render(n, t -> t.label(), false);
    }

    /** What a frame without a readable symbol shows (see {@link #unreadableFrame}). */
    public enum Unreadable {
        /** A blank label (no print at all) on the conveyor. */
        BLANK_LABEL,
        /** The template's label with its text but without the code. */
        NO_CODE,
        /** The template's label so blurred (3 modules) that no module can be told apart. */
        SMEARED
    }

    /**
     * Frame {@code n} of the frames without a readable symbol: kind n mod 3 of {@link Unreadable},
     * posed and degraded like {@link #frame} (the smeared kind is also blurred by 3 modules). For the
     * cost of a frame the station cannot read: every such frame must come back unread, and quickly.
     */
    public CorpusFrame unreadableFrame(int n) {
        Unreadable kind = unreadableKind(n);
        return render(n, t -> switch (kind) {
            case BLANK_LABEL -> filled(t.label(), new Rectangle(0, 0, t.label().getWidth(), t.label().getHeight()));
            case NO_CODE -> filled(t.label(), t.codeBox());
            case SMEARED -> t.label();
        }, kind == Unreadable.SMEARED);
    }

    /** What unreadable frame {@code n} shows. */
    public static Unreadable unreadableKind(int n) {
        return Unreadable.values()[Math.floorMod(n, Unreadable.values().length)];
    }

    private static BufferedImage filled(BufferedImage label, Rectangle area) {
        BufferedImage copy = new BufferedImage(label.getWidth(), label.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(label, 0, 0, null);
            g.setColor(java.awt.Color.WHITE);
            g.fill(area);
        } finally {
            g.dispose();
        }
        return copy;
    }

    private CorpusFrame render(int n, java.util.function.Function<Template, BufferedImage> printed, boolean smear) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 0xD1B54A32D192ED03L + 3);
        Template t = templates.get(Math.floorMod(n, templates.size()));
        boolean mild = r.nextDouble() < 0.6;
        double rotation = t.matrix() ? r.nextDouble() * 360 : (r.nextBoolean() ? 0 : 180) + range(r, -8, 8);
        double modulePx = range(r, mild ? 3.0 : 2.0, 8.0);
        Rectangle box = t.codeBox();
        double a = Math.toRadians(rotation);
        double extentX = Math.abs(Math.cos(a)) * box.width + Math.abs(Math.sin(a)) * box.height;
        double extentY = Math.abs(Math.sin(a)) * box.width + Math.abs(Math.cos(a)) * box.height;
        // the code must fit in the frame: cap the scale (camera px per printer dot)
        double scale = Math.min(modulePx / t.moduleDots(), Math.min(0.9 * FRAME_W / extentX, 0.9 * FRAME_H / extentY));
        modulePx = scale * t.moduleDots();
        double ppm = scale * t.dotsPerMm();
        List<Degradation> list = new ArrayList<>();
        if (mild) {
            // the planner's mild ranges, blur also within a quarter module
            DegradationPlanner.mild(r, list, Math.max(0.31, Math.min(1.0, 0.25 * modulePx)));
        } else {
            harsh(r, list, modulePx);
        }
        if (smear) {
            list.add(new Degradation.Blur(3 * modulePx));
        }
        double hx = extentX * scale / 2 + 2;
        double hy = extentY * scale / 2 + 2;
        double codeX = range(r, hx, Math.max(hx, FRAME_W - hx));
        double codeY = range(r, hy, Math.max(hy, FRAME_H - hy));
        double dx = (box.x + box.width / 2.0 - t.label().getWidth() / 2.0) * scale;
        double dy = (box.y + box.height / 2.0 - t.label().getHeight() / 2.0) * scale;
        double labelX = codeX - (dx * Math.cos(a) - dy * Math.sin(a));
        double labelY = codeY - (dx * Math.sin(a) + dy * Math.cos(a));
        CameraSettings cam = new CameraSettings(FRAME_W, FRAME_H, ppm, t.dotsPerMm(), 60, 225, 30);
        DegradationPlan plan = new DegradationPlan(n, (labelX - FRAME_W / 2.0) / ppm, (labelY - FRAME_H / 2.0) / ppm,
                rotation, list, mild ? ExpectedQuality.GOOD : ExpectedQuality.MARGINAL, Optional.empty());
        FrameRenderer.Rendered frame = new FrameRenderer(cam).render(printed.apply(t), box, t.label().getWidth(),
                t.label().getHeight(), plan);
        return new CorpusFrame(n, t, frame.frame(), frame.codeBox().orElse(new Rectangle()), modulePx, rotation,
                list, mild);
    }

    private static void harsh(SplittableRandom r, List<Degradation> list, double modulePx) {
        if (r.nextBoolean()) {
            list.add(new Degradation.Perspective(range(r, 0.05, 0.15)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.LowContrast(range(r, 0.25, 0.6)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.UnevenLight(range(r, 0.3, 0.6), range(r, 0, 360)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.Blur(range(r, 0.5, Math.max(0.6, 0.45 * modulePx))));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.Noise(range(r, 8.0, 25.0)));
        }
    }

    private static double range(SplittableRandom r, double from, double to) {
        return DegradationPlanner.range(r, from, to);
    }
}
