package io.tracemark.verify;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes one camera frame with ZXing. With a code box (frame pixels) it crops to the box plus a
 * margin, then tries each {@link DecodeStrategy} in order until one reads, the {@link CodeLocator}'s
 * rectified candidates inside the box among them; when nothing reads there (the box is a hint: the
 * product may sit centimetres off) or without a box it searches the whole frame: the candidates the
 * locator finds, the whole frame (also halved), the candidates rectified, the candidates of the busiest
 * cells rectified, a second look at the best ones; a Data Matrix L grid that does not decode is traced
 * side by side for perspective ({@link SymbolEdges}). Each call
 * has a counted work budget ({@link Search}), so a frame that holds no readable symbol costs a bounded,
 * load-independent amount of work. Stateless and thread-safe.
 */
public final class FrameDecoder {

    private static final int MAX_CANDIDATES = 8;
    /** An attempt costs one unit per started 64 Ki pixels of its view (a 1280×1024 frame: 20). */
    static final int UNIT_PIXELS = 65_536;
    /** A grid fitted to perspective costs about as much as a ZXing read of a quarter-megapixel view. */
    private static final int FIT_WEIGHT = 4;
    /**
     * Work units the whole-frame search may cost (see {@link Search}): the template corpus (seed
     * 20261201, 120 frames) reads within it; a frame that reads nothing stops here.
     */
    static final int ATTEMPT_BUDGET = 280;
    /** Work units of the search in the code box before the whole frame (the latest box read spends about 60). */
    static final int BOX_BUDGET = 100;
    private static final int SECOND_LOOKS = 3;
    /** Cells this busy (transitions per pixel) are a symbol's with modules below about 4 px, rarely text's. */
    private static final double DENSE_TRANSITIONS = 0.10;
    private static final int DENSE_CANDIDATES = 2;
    private static final List<DecodeStrategy> SECOND_LOOK = List.of(DecodeStrategy.SCALED_UP);
    private static final double ANGLE_STEP = 1.5;
    /** Candidates whose estimated modules are smaller than this are also rectified at twice the size. */
    private static final double ENLARGE_BELOW_PX = 6.0;
    /** Candidates whose estimated modules are at least this large are also tried at half size (noise averaged). */
    private static final double HALVE_FROM_PX = 4.0;
    private static final double[] PERSPECTIVE_STEPS = {2.0, 1.0, 0.5};
    /** The first L grids of a view (squarest first) are also fitted when they do not decode as sampled. */
    private static final int FITTED_GRIDS = 2;

    private final Set<Symbology> symbologies;
    private final double marginFraction;
    private final CodeLocator locator = new CodeLocator();

    /** Reads Data Matrix, QR and Code 128, with a margin of 35 % of the code box on each side. */
    public FrameDecoder() {
        this(EnumSet.allOf(Symbology.class), 0.35);
    }

    /**
     * @param symbologies    the symbologies to look for
     * @param marginFraction margin added around a code box on each side, as a fraction of its larger side
     */
    public FrameDecoder(Set<Symbology> symbologies, double marginFraction) {
        if (symbologies.isEmpty() || marginFraction < 0) {
            throw new IllegalArgumentException("need at least one symbology and a margin >= 0");
        }
        this.symbologies = EnumSet.copyOf(symbologies);
        this.marginFraction = marginFraction;
    }

    public Optional<Decoded> decode(BufferedImage frame, Optional<Rectangle> codeBox) {
        return decode(GrayImage.of(frame), codeBox);
    }

    /**
     * Decodes the symbol in the code box (when given) or anywhere in the frame. The box is a hint:
     * when nothing reads in it, the whole frame is searched.
     *
     * @return the first successful decode, or empty when no strategy read a symbol
     */
    public Optional<Decoded> decode(GrayImage frame, Optional<Rectangle> codeBox) {
        long start = System.nanoTime();
        Rectangle whole = new Rectangle(0, 0, frame.width(), frame.height());
        if (codeBox.isPresent()) {
            Rectangle region = withMargin(codeBox.get()).intersection(whole);
            if (!region.isEmpty()) {
                // the box has its own budget: a wrong box must not eat the whole-frame search's
                Optional<Decoded> found = inRegion(frame, region, new Search(start, BOX_BUDGET));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return wholeFrame(frame, whole, new Search(start, ATTEMPT_BUDGET));
    }

    /**
     * Decodes only inside the region of interest {@code roi} (frame pixels), as a camera set up with a
     * code box does: the frame is cropped to it and nothing outside is searched, so a symbol outside
     * the box is not read. The result's coordinates are those of the whole frame.
     *
     * @param codeBox a hint within the frame, as for {@link #decode(GrayImage, Optional)}
     */
    public Optional<Decoded> decodeWithin(GrayImage frame, Rectangle roi, Optional<Rectangle> codeBox) {
        Rectangle r = roi.intersection(new Rectangle(0, 0, frame.width(), frame.height()));
        if (r.width < 8 || r.height < 8) {
            return Optional.empty();
        }
        GrayImage crop = frame.crop(r);
        Optional<Rectangle> hint = codeBox.map(b -> new Rectangle(b.x - r.x, b.y - r.y, b.width, b.height));
        return decode(crop, hint).map(d -> d.inFrameAt(r.x, r.y));
    }

    /**
     * One search's clock (for the reported decode time) and its work budget: every decoder attempt
     * (a ZXing read of a view, an L-shape sampling, a warp, a fitted grid) spends units by the pixels
     * it works on, and once none are left every further attempt fails at once. Counted work, not wall time, so that what a frame
     * reads does not depend on the machine's load. Confined to the calling thread.
     */
    static final class Search {

        final long start;
        private int left;
        private int clues;

        Search(long start, int budget) {
            this.start = start;
            this.left = budget;
        }

        /** Spends the cost of an attempt on {@code pixels} pixels; false when the budget is used up. */
        boolean spend(long pixels, int weight) {
            if (left <= 0) {
                return false;
            }
            left -= weight * (int) Math.max(1, (pixels + UNIT_PIXELS - 1) / UNIT_PIXELS);
            return true;
        }

        /** Something symbol-like was found (a detector located a symbol it could not decode, an L was sampled). */
        void clue() {
            clues++;
        }

        /** Clues so far: a retry is worth its cost only when the attempts before it found one. */
        int clues() {
            return clues;
        }
    }

    private Optional<Decoded> inRegion(GrayImage frame, Rectangle region, Search search) {
        Optional<Decoded> found = tryAll(frame, region, List.of(DecodeStrategy.HYBRID), search);
        if (found.isPresent()) {
            return found;
        }
        // a symbol turned away from the axes (the usual case when nothing read yet): rectify first
        List<CodeLocator.Candidate> candidates = locator.candidates(frame, region, 2);
        if (!candidates.isEmpty()) {
            found = rectified(frame, candidates.get(0), search);
            if (found.isPresent()) {
                return found;
            }
        }
        found = tryAll(frame, region, List.of(DecodeStrategy.GLOBAL_HISTOGRAM, DecodeStrategy.PURE_BARCODE), search);
        if (found.isPresent()) {
            return found;
        }
        for (CodeLocator.Candidate candidate : candidates.subList(Math.min(1, candidates.size()), candidates.size())) {
            found = rectified(frame, candidate, search);
            if (found.isPresent()) {
                return found;
            }
        }
        return tryAll(frame, region, List.of(DecodeStrategy.SCALED_DOWN, DecodeStrategy.SCALED_UP,
                DecodeStrategy.ROTATED_90, DecodeStrategy.ROTATED_180, DecodeStrategy.ROTATED_270,
                DecodeStrategy.TRY_HARDER), search);
    }

    private Optional<Decoded> wholeFrame(GrayImage frame, Rectangle whole, Search search) {
        // ordered by yield per cost: the located candidates' crops first (a crop decodes much faster than
        // the whole frame), then the whole frame (linear codes, transitions along one axis only, are no
        // candidates), then the candidates rectified
        List<CodeLocator.Candidate> candidates = locator.candidates(frame, whole, MAX_CANDIDATES);
        for (CodeLocator.Candidate candidate : candidates) {
            Optional<Decoded> found = tryAll(frame, candidate.region(),
                    List.of(DecodeStrategy.HYBRID, DecodeStrategy.GLOBAL_HISTOGRAM), search);
            if (found.isPresent()) {
                return found;
            }
        }
        // the whole frame, then halved: a linear code in sensor noise reads on the averaged pixels
        Optional<Decoded> found = tryAll(frame, whole, List.of(DecodeStrategy.HYBRID, DecodeStrategy.SCALED_DOWN),
                search);
        if (found.isPresent()) {
            return found;
        }
        for (CodeLocator.Candidate candidate : candidates) {
            found = rectified(frame, candidate, search);
            if (found.isPresent()) {
                return found;
            }
        }
        // small modules next to text: the usual threshold merges both into one blob whose angle and L the
        // text spoils; the busiest cells alone outline the symbol
        for (CodeLocator.Candidate dense : locator.candidates(frame, whole, DENSE_CANDIDATES, DENSE_TRANSITIONS)) {
            if (candidates.stream().anyMatch(c -> c.region().equals(dense.region()))) {
                continue;
            }
            found = rectified(frame, dense, search);
            if (found.isPresent()) {
                return found;
            }
        }
        // second look: the best candidates with a margin, located again there (re-aligned cells) and
        // rectified, then enlarged (small modules); the other strategies of a code box have not read a
        // candidate in the corpus of bench verify, so they are left out to bound a frame that reads nothing
        for (CodeLocator.Candidate candidate : candidates.subList(0, Math.min(SECOND_LOOKS, candidates.size()))) {
            Rectangle region = withMargin(candidate.region()).intersection(whole);
            for (CodeLocator.Candidate again : locator.candidates(frame, region, 2)) {
                found = rectified(frame, again, search);
                if (found.isPresent()) {
                    return found;
                }
            }
            found = tryAll(frame, region, SECOND_LOOK, search);
            if (found.isPresent()) {
                return found;
            }
        }
        return tryAll(frame, whole, List.of(DecodeStrategy.GLOBAL_HISTOGRAM), search);
    }

    /** A view of the frame and where its pixels lie in the frame. */
    record View(GrayImage image, ViewMapping toFrame) {
    }

    /** The candidate turned square to the axes and scaled by {@code scale}; empty when too large. */
    static Optional<View> rectify(GrayImage frame, CodeLocator.Candidate c, double scale) {
        return rectify(frame, c.region(), c.angleDeg(frame), scale);
    }

    /** The residual angle of a rectified view, measured where its grid is nearly square (least bias). */
    private static double residual(View v) {
        GrayImage img = v.image();
        return CodeLocator.orientation(img, new Rectangle(img.width() / 6, img.height() / 6,
                img.width() * 2 / 3, img.height() * 2 / 3));
    }

    /** {@link #rectify(GrayImage, Rectangle, double, double)} paid for from the search's budget. */
    private static Optional<View> rectify(GrayImage frame, Rectangle r, double angleDeg, double scale, Search search) {
        long pixels = (long) Math.ceil(r.width * scale) * (long) Math.ceil(r.height * scale);
        return search.spend(pixels, 1) ? rectify(frame, r, angleDeg, scale) : Optional.empty();
    }

    static Optional<View> rectify(GrayImage frame, Rectangle r, double angleDeg, double scale) {
        double a = Math.toRadians(angleDeg);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        int w = (int) Math.ceil((Math.abs(cos) * r.width + Math.abs(sin) * r.height) * scale);
        int h = (int) Math.ceil((Math.abs(sin) * r.width + Math.abs(cos) * r.height) * scale);
        if (w * (long) h > 4_000_000L || w < 8 || h < 8) {
            return Optional.empty();
        }
        double ca = cos / scale;
        double sa = sin / scale;
        double cx = r.x + r.width / 2.0;
        double cy = r.y + r.height / 2.0;
        ViewMapping toFrame = new ViewMapping(ca, -sa, cx - (ca * w / 2.0 - sa * h / 2.0),
                sa, ca, cy - (sa * w / 2.0 + ca * h / 2.0));
        return Optional.of(new View(frame.warp(toFrame, w, h), toFrame));
    }

    /**
     * The candidate turned square to the axes (enlarged when its modules are small), then decoded by
     * ZXing and by the L-shape sampler; large modules are also tried at half size (averaging noise).
     */
    private Optional<Decoded> rectified(GrayImage frame, CodeLocator.Candidate c, Search search) {
        double scale = c.modulePx() < 3.5 ? 2.0 : 1.0;
        double located = c.angleDeg(frame);
        int cluesBefore = search.clues();
        Optional<View> v = rectify(frame, c.region(), located, scale, search);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<Decoded> d = decodeView(v.get(), c.region(), search, true);
        if (d.isEmpty() && c.modulePx() >= HALVE_FROM_PX) {
            GrayImage half = v.get().image().scale(0.5);
            ViewMapping toFrame = v.get().toFrame().after(new ViewMapping(
                    (double) v.get().image().width() / half.width(), 0, 0,
                    0, (double) v.get().image().height() / half.height(), 0));
            d = decodeView(new View(half, toFrame), c.region(), search, false);
        }
        double retryScale = scale;
        if (d.isEmpty() && scale == 1.0 && c.modulePx() < ENLARGE_BELOW_PX) {
            // the module estimate comes from transition density, which blur and noise inflate: small
            // noisy modules need the enlarged view for the L-shape sampler's runs
            int cluesEnlarged = search.clues();
            Optional<View> enlarged = rectify(frame, c.region(), located, 2.0, search);
            if (enlarged.isPresent()) {
                d = lShape(enlarged.get().image(), enlarged.get().toFrame(), c.region(), search);
                retryScale = search.clues() > cluesEnlarged ? 2.0 : scale;
            }
        }
        if (d.isPresent()) {
            return d;
        }
        if (search.clues() == cluesBefore) {
            // nothing symbol-like in the view: turning it a little will not find one either
            return d;
        }
        // heavy noise pulls the located angle towards the axes: the angle measured on 2x2 means
        double smoothed = c.smoothedAngleDeg(frame);
        if (Math.abs(smoothed - located) >= 0.3) {
            Optional<View> turned = rectify(frame, c.region(), smoothed, retryScale, search);
            d = turned.isEmpty() ? Optional.empty() : decodeView(turned.get(), c.region(), search, false);
            if (d.isPresent()) {
                return d;
            }
        }
        // the located angle may be a degree or two off (text nearby): the residual, then either side
        double residual = residual(v.get());
        for (double angle : new double[] {residual, -ANGLE_STEP, ANGLE_STEP}) {
            if (Math.abs(angle) < 0.3) {
                continue;
            }
            Optional<View> turned = rectify(frame, c.region(), located + angle, scale, search);
            d = turned.isEmpty() ? Optional.empty() : decodeView(turned.get(), c.region(), search, false);
            if (d.isPresent()) {
                return d;
            }
        }
        return d;
    }

    private Optional<Decoded> decodeView(View v, Rectangle region, Search search, boolean both) {
        List<DecodeStrategy> binarizers = both ? List.of(DecodeStrategy.HYBRID, DecodeStrategy.GLOBAL_HISTOGRAM)
                : List.of(DecodeStrategy.HYBRID);
        for (DecodeStrategy s : binarizers) {
            Optional<Decoded> d = attempt(v.image(), v.toFrame(), s, DecodeStrategy.RECTIFIED, region, search);
            if (d.isPresent()) {
                return d;
            }
        }
        return symbologies.contains(Symbology.DATA_MATRIX) ? lShape(v.image(), v.toFrame(), region, search)
                : Optional.empty();
    }

    /** Our own L-finder and sampler on the rectified view, decoded by ZXing's Data Matrix decoder. */
    private static Optional<Decoded> lShape(GrayImage view, ViewMapping toFrame, Rectangle region, Search search) {
        if (!search.spend((long) view.width() * view.height(), 1)) {
            return Optional.empty();
        }
        LuminanceSource source = new PlanarYUVLuminanceSource(view.pixels(), view.width(), view.height(),
                0, 0, view.width(), view.height(), false);
        try {
            BitMatrix binary = new HybridBinarizer(source).getBlackMatrix();
            List<LShapeSampler.Sampled> grids = LShapeSampler.sample(binary);
            if (!grids.isEmpty()) {
                search.clue();
            }
            for (int i = 0; i < grids.size(); i++) {
                Optional<Decoded> d = decodeSampled(grids.get(i), view, toFrame, region, search, i < FITTED_GRIDS);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static Optional<Decoded> decodeSampled(LShapeSampler.Sampled sampled, GrayImage view, ViewMapping toFrame,
                                                   Rectangle region, Search search, boolean fit) {
        BitMatrix bits = sampled.bits();
        SymbolGeometry.Matrix grid = new SymbolGeometry.Matrix(bits.getWidth(), bits.getHeight(),
                sampled.source(), sampled.target(), bits);
        Optional<DecoderResult> result = decodeDataMatrix(bits);
        if (result.isEmpty() && fit && search.spend(UNIT_PIXELS, FIT_WEIGHT)) {
            // perspective bends the grid away from the uniform one: fit its corners to the module centres
            grid = GridFit.refine(view, grid, PERSPECTIVE_STEPS);
            bits = GridFit.resample(view, grid);
            grid = new SymbolGeometry.Matrix(grid.columns(), grid.rows(), grid.source(), grid.target(), bits);
            result = decodeDataMatrix(bits);
        }
        boolean edgeFitted = false;
        if (result.isEmpty() && fit && search.spend(UNIT_PIXELS, FIT_WEIGHT)) {
            Optional<SymbolGeometry.Matrix> traced = SymbolEdges.traced(view,
                    new SymbolGeometry.Matrix(bits.getWidth(), bits.getHeight(), sampled.source(), sampled.target(),
                            sampled.bits()), b -> decodeDataMatrix(b).isPresent());
            if (traced.isPresent()) {
                grid = traced.get();
                bits = grid.bits();
                result = decodeDataMatrix(bits);
                edgeFitted = true;
            }
        }
        if (result.isEmpty() || !toSpare(result.get(), bits, edgeFitted)) {
            return Optional.empty();
        }
        String id = "]d" + result.get().getSymbologyModifier();
        String text = result.get().getText();
        if (Symbology.gs1(id) && text.startsWith("\u001d")) {
            text = text.substring(1);
        }
        int errors = result.get().getErrorsCorrected() == null ? -1 : result.get().getErrorsCorrected();
        return Optional.of(new Decoded(text, id, Symbology.DATA_MATRIX, DecodeStrategy.RECTIFIED, region, view,
                toFrame, Optional.of(grid), errors, "", System.nanoTime() - search.start));
    }

    /**
     * True when the decode left error correction to spare. The L-shape sampler tries many grid
     * hypotheses (sizes, fits, angles, candidates); a random grid of a small symbol decodes within its
     * full capacity now and then (10×10: 5 check codewords, 2 corrections, about 1 in 600,000; seen on a
     * noisy perspective frame), within one correction less about a thousand times more rarely. A traced
     * grid ({@code traced}: five sizes tried, five times the chance) must have corrected at most half.
     */
    private static boolean toSpare(DecoderResult result, BitMatrix bits, boolean traced) {
        int capacity = ErrorCorrectionCapacity.dataMatrix(bits.getHeight(), bits.getWidth()) / 2;
        Integer errors = result.getErrorsCorrected();
        return errors != null && capacity > 0 && (traced ? errors <= capacity / 2 : errors < capacity);
    }

    private static Optional<DecoderResult> decodeDataMatrix(BitMatrix bits) {
        try {
            return Optional.of(new com.google.zxing.datamatrix.decoder.Decoder().decode(bits));
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private Rectangle withMargin(Rectangle box) {
        int m = (int) Math.ceil(Math.max(box.width, box.height) * marginFraction);
        return new Rectangle(box.x - m, box.y - m, box.width + 2 * m, box.height + 2 * m);
    }

    private Optional<Decoded> tryAll(GrayImage frame, Rectangle region, List<DecodeStrategy> strategies, Search search) {
        if (region.width < 8 || region.height < 8) {
            return Optional.empty();
        }
        GrayImage crop = region.width == frame.width() && region.height == frame.height() ? frame : frame.crop(region);
        ViewMapping cropToFrame = ViewMapping.crop(region.x, region.y);
        for (DecodeStrategy strategy : strategies) {
            GrayImage view = view(crop, strategy);
            if (view.width() < 8 || view.height() < 8) {
                continue;
            }
            ViewMapping toFrame = cropToFrame.after(viewToCrop(crop, view, strategy));
            Optional<Decoded> d = attempt(view, toFrame, strategy, strategy, region, search);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static GrayImage view(GrayImage crop, DecodeStrategy strategy) {
        return switch (strategy) {
            case SCALED_DOWN -> crop.scale(0.5);
            case SCALED_UP -> crop.width() * crop.height() > 1_500_000 ? crop : crop.scale(2.0);
            case ROTATED_90 -> crop.rotate(1);
            case ROTATED_180 -> crop.rotate(2);
            case ROTATED_270 -> crop.rotate(3);
            default -> crop;
        };
    }

    /** Maps view pixels back to crop pixels for {@link #view}'s transformations. */
    private static ViewMapping viewToCrop(GrayImage crop, GrayImage view, DecodeStrategy strategy) {
        double w = crop.width();
        double h = crop.height();
        return switch (strategy) {
            case SCALED_DOWN, SCALED_UP -> new ViewMapping(w / view.width(), 0, 0, 0, h / view.height(), 0);
            // rotate(1): view (x, y) shows crop (y, h - x); rotate(2): (w - x, h - y); rotate(3): (w - y, x)
            case ROTATED_90 -> new ViewMapping(0, 1, 0, -1, 0, h);
            case ROTATED_180 -> new ViewMapping(-1, 0, w, 0, -1, h);
            case ROTATED_270 -> new ViewMapping(0, -1, w, 1, 0, 0);
            default -> new ViewMapping(1, 0, 0, 0, 1, 0);
        };
    }

    private Optional<Decoded> attempt(GrayImage view, ViewMapping toFrame, DecodeStrategy binarize,
                                      DecodeStrategy reported, Rectangle region, Search search) {
        if (!search.spend((long) view.width() * view.height(), binarize == DecodeStrategy.TRY_HARDER ? 3 : 1)) {
            return Optional.empty();
        }
        LuminanceSource source = new PlanarYUVLuminanceSource(view.pixels(), view.width(), view.height(),
                0, 0, view.width(), view.height(), false);
        BinaryBitmap bitmap = new BinaryBitmap(binarize == DecodeStrategy.GLOBAL_HISTOGRAM
                ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source));
        Map<DecodeHintType, Object> hints = hints(binarize);
        Result result;
        try {
            result = new MultiFormatReader().decode(bitmap, hints);
        } catch (ReaderException e) {
            return Optional.empty();
        }
        Symbology symbology = Symbology.of(result.getBarcodeFormat());
        Map<ResultMetadataType, Object> meta = result.getResultMetadata() == null ? Map.of() : result.getResultMetadata();
        String id = String.valueOf(meta.getOrDefault(ResultMetadataType.SYMBOLOGY_IDENTIFIER, ""));
        int errors = meta.get(ResultMetadataType.ERRORS_CORRECTED) instanceof Integer n ? n : -1;
        String ecLevel = symbology == Symbology.QR_CODE
                ? String.valueOf(meta.getOrDefault(ResultMetadataType.ERROR_CORRECTION_LEVEL, "")) : "";
        Optional<SymbolGeometry> geometry = geometry(bitmap, symbology, result, hints);
        String text = result.getText();
        if (symbology == Symbology.CODE_128 && text.startsWith("]C1")) {
            text = text.substring(3);
        }
        if (Symbology.gs1(id) && text.startsWith("\u001d")) {
            // ZXing's Data Matrix decoder prints the leading FNC1 as GS; the identifier already says GS1
            text = text.substring(1);
        }
        return Optional.of(new Decoded(text, id, symbology, reported, region, view, toFrame, geometry,
                errors, ecLevel, System.nanoTime() - search.start));
    }

    private Map<DecodeHintType, Object> hints(DecodeStrategy strategy) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        List<BarcodeFormat> formats = new ArrayList<>();
        symbologies.forEach(s -> formats.add(s.format()));
        hints.put(DecodeHintType.POSSIBLE_FORMATS, formats);
        // makes the Code 128 reader keep FNC1 separators as GS (and prefix "]C1", stripped below)
        hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        if (strategy == DecodeStrategy.PURE_BARCODE) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        if (strategy == DecodeStrategy.TRY_HARDER) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return hints;
    }

    /** Re-runs the symbology's detector (deterministic, so it finds what the reader found). */
    private static Optional<SymbolGeometry> geometry(BinaryBitmap bitmap, Symbology symbology, Result result,
                                                     Map<DecodeHintType, Object> hints) {
        try {
            return switch (symbology) {
                case DATA_MATRIX -> Optional.of(dataMatrix(
                        new com.google.zxing.datamatrix.detector.Detector(bitmap.getBlackMatrix()).detect()));
                case QR_CODE -> Optional.of(qr(
                        new com.google.zxing.qrcode.detector.Detector(bitmap.getBlackMatrix()).detect(hints)));
                case CODE_128 -> linear(result.getResultPoints());
            };
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static SymbolGeometry dataMatrix(DetectorResult d) {
        ResultPoint[] p = d.getPoints();
        int cols = d.getBits().getWidth();
        int rows = d.getBits().getHeight();
        // points are the centres of the corner modules: topLeft, bottomLeft, bottomRight, topRight
        float[] source = {0.5f, 0.5f, cols - 0.5f, 0.5f, cols - 0.5f, rows - 0.5f, 0.5f, rows - 0.5f};
        float[] target = {p[0].getX(), p[0].getY(), p[3].getX(), p[3].getY(), p[2].getX(), p[2].getY(),
                p[1].getX(), p[1].getY()};
        return new SymbolGeometry.Matrix(cols, rows, source, target, d.getBits());
    }

    private static SymbolGeometry qr(DetectorResult d) {
        ResultPoint[] p = d.getPoints();
        int dim = d.getBits().getWidth();
        ResultPoint bottomLeft = p[0];
        ResultPoint topLeft = p[1];
        ResultPoint topRight = p[2];
        float brX;
        float brY;
        float source;
        if (p.length > 3 && p[3] != null) {
            brX = p[3].getX();
            brY = p[3].getY();
            source = dim - 6.5f;
        } else {
            brX = topRight.getX() - topLeft.getX() + bottomLeft.getX();
            brY = topRight.getY() - topLeft.getY() + bottomLeft.getY();
            source = dim - 3.5f;
        }
        float[] from = {3.5f, 3.5f, dim - 3.5f, 3.5f, source, source, 3.5f, dim - 3.5f};
        float[] to = {topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(), brX, brY,
                bottomLeft.getX(), bottomLeft.getY()};
        return new SymbolGeometry.Matrix(dim, dim, from, to, d.getBits());
    }

    private static Optional<SymbolGeometry> linear(ResultPoint[] points) {
        if (points == null || points.length < 2 || points[0] == null || points[1] == null) {
            return Optional.empty();
        }
        ResultPoint a = points[0];
        ResultPoint b = points[points.length - 1];
        return Optional.of(new SymbolGeometry.Linear(Math.min(a.getX(), b.getX()), Math.max(a.getX(), b.getX()),
                (a.getY() + b.getY()) / 2.0));
    }
}
