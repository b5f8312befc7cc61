package io.tracemark.label;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A ZPL printer on paper that is an image: interprets the ZPL subset the project writes and lints
 * and draws each label as a 1-bit image at the printer's resolution.
 *
 * <p>Stateful like a printer: stored formats ({@code ^DF}), downloaded fonts ({@code ~DY}), font
 * aliases ({@code ^CW}), the character set ({@code ^CI}), label home, print width and length, and
 * bar code defaults persist across {@code ^XA..^XZ} blocks and across {@link #feed} calls. Not
 * thread-safe: one instance per emulated printer. Unknown commands are skipped (as a printer
 * would) and listed in {@link #skipped()}.
 */
public final class ZplRasterizer {

    private final int dotsPerMm;
    private final Set<String> residentFonts;
    private final LabelFonts fonts;
    private final int defaultWidth;
    private final int defaultLength;
    private boolean draws = true;

    private final Map<String, List<ZplCommand>> formats = new HashMap<>();
    private final Map<String, Font> downloadedFonts = new HashMap<>();
    private final Map<Character, String> fontAliases = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private int charset;
    private char defaultFont = '0';
    private int defaultFontH = 9;
    private int defaultFontW = 0;
    private int moduleWidth = 2;
    private int barHeight = 10;
    private int homeX;
    private int homeY;
    private int labelTop;
    private int printWidth;
    private int labelLength;
    private int quantity = 1;

    /** Job text repeats on every label of a stored format: cache its dots (bounded, least recently used out). */
    private final Map<TextKey, TextPainter.TextMask> textCache = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TextKey, TextPainter.TextMask> eldest) {
            return size() > 512;
        }
    };

    private record TextKey(Font font, String text, int h, int w, boolean cjk, String block) {
    }

    private LabelState label;
    private List<RasterLabel> printed;

    /** A printer of the given target's resolution with its CJK font resident only in RESIDENT mode; 4×6 in default media. */
    public ZplRasterizer(LabelTarget target) {
        this(target, LabelFonts.system(), target.dotsPerMm() * 102, target.dotsPerMm() * 152);
    }

    /**
     * @param target        resolution and which CJK font name is resident ({@link CjkFontMode#RESIDENT} only)
     * @param fonts         host fonts used to draw text
     * @param defaultWidth  media width in dots when a label has no {@code ^PW}
     * @param defaultLength media length in dots when a label has no {@code ^LL}
     */
    public ZplRasterizer(LabelTarget target, LabelFonts fonts, int defaultWidth, int defaultLength) {
        this.dotsPerMm = target.dotsPerMm();
        this.residentFonts = target.cjkMode() == CjkFontMode.RESIDENT ? Set.of(target.residentFontName()) : Set.of();
        this.fonts = fonts;
        this.defaultWidth = defaultWidth;
        this.defaultLength = defaultLength;
    }

    /**
     * A rasterizer that interprets labels as a printer does (stored formats, field numbers, character
     * sets, symbol encoding) but draws nothing: its labels have no image and their text fields no size.
     * What a reader learns of a label without a camera.
     */
    public static ZplRasterizer withoutDrawing(LabelTarget target) {
        ZplRasterizer r = new ZplRasterizer(target, LabelFonts.system(), 0, 0);
        r.draws = false;
        return r;
    }

    public int dotsPerMm() {
        return dotsPerMm;
    }

    /** Feeds ZPL text (sent as UTF-8, as the project's writers do) and returns the labels it printed, in order. */
    public List<RasterLabel> feed(String zpl) {
        return feed(zpl.getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds raw bytes as received from a transport and returns the labels printed, in order. */
    public List<RasterLabel> feed(byte[] zpl) {
        printed = new ArrayList<>();
        for (ZplCommand command : ZplParser.parse(new String(zpl, StandardCharsets.ISO_8859_1))) {
            execute(command, false);
        }
        List<RasterLabel> out = printed;
        printed = null;
        return out;
    }

    /** Names of stored formats held, e.g. {@code R:ITEM.ZPL}. */
    public Set<String> storedFormats() {
        return Set.copyOf(formats.keySet());
    }

    /** Names of fonts downloaded with {@code ~DY}. */
    public Set<String> downloadedFonts() {
        return Set.copyOf(downloadedFonts.keySet());
    }

    /** Commands skipped since creation because this emulation does not interpret them (e.g. {@code ~JA line 3}). */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    private void execute(ZplCommand c, boolean replaying) {
        if (label != null && label.recording != null && !c.key().equals("^XZ")) {
            label.recording.add(c);
            return;
        }
        if (c.prefix() == '~') {
            control(c);
            return;
        }
        if (c.prefix() != '^') {
            return;
        }
        if (c.name().equals("XA")) {
            label = new LabelState();
            quantity = 1;
            return;
        }
        if (label == null) {
            skipped.add(c.key() + " line " + c.line() + " (outside ^XA..^XZ)");
            return;
        }
        if (c.name().equals("XZ")) {
            if (replaying) {
                return;
            }
            endLabel();
            return;
        }
        format(c, replaying);
    }

    private void control(ZplCommand c) {
        if (c.name().equals("DY")) {
            downloadFont(c);
        } else {
            skipped.add(c.key() + " line " + c.line());
        }
    }

    private void downloadFont(ZplCommand c) {
        List<String> a = c.args();
        String name = a.get(0);
        String ext = a.size() > 2 ? a.get(2) : "";
        if (!a.get(1).equalsIgnoreCase("A") || !(ext.equalsIgnoreCase("T") || ext.equalsIgnoreCase("TTF"))) {
            skipped.add("~DY line " + c.line() + " (only ASCII-hex TrueType fonts are interpreted)");
            return;
        }
        String full = ZplNames.normalizeFont(name.contains(".") ? name : name + ".TTF");
        String hex = a.size() > 5 ? String.join(",", a.subList(5, a.size())) : "";
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ((Character.digit(hex.charAt(2 * i), 16) << 4) | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        downloadedFonts.put(full, LabelFonts.fromBytes(bytes, full));
    }

    private void format(ZplCommand c, boolean replaying) {
        FieldState f = label.field;
        switch (c.name()) {
            case "DF" -> label.startRecording(ZplNames.normalizeFormat(c.arg(0)));
            case "XF" -> label.recall = ZplNames.normalizeFormat(c.arg(0));
            case "PW" -> printWidth = c.intArg(0, printWidth);
            case "LL" -> labelLength = c.intArg(0, labelLength);
            case "LH" -> {
                homeX = c.intArg(0, homeX);
                homeY = c.intArg(1, homeY);
            }
            case "LT" -> labelTop = c.intArg(0, 0);
            case "PQ" -> quantity = Math.max(1, c.intArg(0, 1));
            case "CI" -> charset = c.intArg(0, charset);
            case "CF" -> {
                if (!c.arg(0).isEmpty()) {
                    defaultFont = Character.toUpperCase(c.arg(0).charAt(0));
                }
                defaultFontH = c.intArg(1, defaultFontH);
                defaultFontW = c.intArg(2, c.arg(1).isEmpty() ? defaultFontW : 0);
            }
            case "CW" -> {
                if (!c.arg(0).isEmpty()) {
                    fontAliases.put(Character.toUpperCase(c.arg(0).charAt(0)), ZplNames.normalizeFont(c.arg(1)));
                }
            }
            case "BY" -> {
                moduleWidth = c.intArg(0, moduleWidth);
                barHeight = c.intArg(2, barHeight);
            }
            case "FO", "FT" -> {
                f.x = c.intArg(0, 0);
                f.y = c.intArg(1, 0);
                f.typeset = c.name().equals("FT");
            }
            case "A" -> f.font(c.params().isEmpty() ? defaultFont : c.params().charAt(0),
                    new ZplCommand('^', "A", c.params().length() > 1 ? c.params().substring(1) : "", c.line()));
            case "A@" -> f.namedFont(c);
            case "FB" -> f.block = c;
            case "FH" -> f.hexChar = c.params().isEmpty() ? '_' : c.params().charAt(0);
            case "FR" -> f.reverse = true;
            case "FN" -> f.fieldNumber = c.intArg(0, 0);
            case "FD" -> f.data = c.params();
            case "FX" -> { }
            case "BC", "BE", "BX", "BQ" -> f.symbol = c;
            case "GB" -> drawBox(c, f);
            case "GF" -> drawGraphic(c, f);
            case "FS" -> finishField(replaying);
            default -> skipped.add(c.key() + " line " + c.line());
        }
    }

    private void finishField(boolean replaying) {
        FieldState f = label.field;
        byte[] bytes = f.data == null ? null : FieldHex.decode(f.data, f.hexChar);
        if (f.fieldNumber > 0 && replaying && label.fieldData.containsKey(f.fieldNumber)) {
            bytes = label.fieldData.get(f.fieldNumber);
        } else if (f.fieldNumber > 0 && !replaying && label.recall != null) {
            // Kept as bytes: the stored format's ^CI decides the character set when it prints.
            label.fieldData.put(f.fieldNumber, bytes == null ? new byte[0] : bytes);
            label.field = new FieldState();
            return;
        }
        String text = bytes == null ? null : decode(bytes);
        if (text != null && f.symbol != null) {
            drawSymbol(f, text);
        } else if (text != null) {
            drawText(f, text);
        }
        label.field = new FieldState();
    }

    /** Applies the ^CI character set to field bytes (after ^FH decoding). */
    private String decode(byte[] bytes) {
        return charset == 28 ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private int left(FieldState f) {
        return homeX + f.x;
    }

    private int top(FieldState f, int height, int baselineOffset) {
        int y = homeY + labelTop + f.y;
        return f.typeset ? y - baselineOffset : y;
    }

    private void drawText(FieldState f, String text) {
        if (!draws) {
            label.fields.add(new RenderedField(RenderedField.Kind.TEXT, "", left(f), top(f, 0, 0), 0, 0, text,
                    f.fieldNumber, ""));
            return;
        }
        char fontKey = f.fontName == null && f.fontLetter == 0 ? defaultFont : f.fontLetter;
        String fontName = f.fontName != null ? f.fontName : fontAliases.get(fontKey);
        Font font = fonts.cjk();
        boolean cjk = false;
        if (fontName != null && downloadedFonts.containsKey(fontName)) {
            font = downloadedFonts.get(fontName);
            cjk = true;
        } else if (fontName != null && residentFonts.contains(fontName)) {
            cjk = true;
        }
        int h = f.fontH > 0 ? f.fontH : defaultFontH;
        int w = f.fontH > 0 || f.fontW > 0 ? f.fontW : defaultFontW;
        TextPainter.TextMask mask = textCache.computeIfAbsent(
                new TextKey(font, text, h, w, cjk, f.block == null ? "" : f.block.params()),
                k -> TextPainter.paintField(k.font(), k.text(), k.h(), k.w(), k.cjk(), f.block));
        int x = left(f);
        int y = top(f, mask.height(), mask.baseline());
        boolean reverse = f.reverse;
        label.fields.add(new RenderedField(RenderedField.Kind.TEXT, fontName != null ? fontName : String.valueOf(fontKey),
                x, y, mask.width(), mask.height(), text, f.fieldNumber, ""));
        label.ops.add(canvas -> canvas.blit(mask.dots(), x, y, 1, 1, reverse));
    }

    private void drawSymbol(FieldState f, String text) {
        ZplCommand s = f.symbol;
        SymbolDrawing d = SymbolDrawing.of(s, text, moduleWidth, barHeight, dotsPerMm);
        int x = left(f);
        int y = top(f, d.height(), d.height());
        boolean reverse = f.reverse;
        label.fields.add(new RenderedField(RenderedField.Kind.SYMBOL, "^" + s.name(), x, y, d.width(), d.height(),
                d.content(), f.fieldNumber, d.aimId()));
        label.ops.add(canvas -> d.draw(canvas, x, y, reverse));
    }

    private void drawBox(ZplCommand c, FieldState f) {
        int t = Math.max(1, c.intArg(2, 1));
        int w = Math.max(t, c.intArg(0, t));
        int h = Math.max(t, c.intArg(1, t));
        boolean white = c.arg(3).equalsIgnoreCase("W");
        int x = left(f);
        int y = top(f, h, h);
        boolean reverse = f.reverse;
        label.fields.add(new RenderedField(RenderedField.Kind.BOX, "^GB", x, y, w, h, "", 0, ""));
        label.ops.add(canvas -> {
            if (white) {
                return;
            }
            if (2 * t >= w || 2 * t >= h) {
                canvas.fillRect(x, y, w, h, reverse);
            } else {
                canvas.fillRect(x, y, w, t, reverse);
                canvas.fillRect(x, y + h - t, w, t, reverse);
                canvas.fillRect(x, y + t, t, h - 2 * t, reverse);
                canvas.fillRect(x + w - t, y + t, t, h - 2 * t, reverse);
            }
        });
    }

    private void drawGraphic(ZplCommand c, FieldState f) {
        List<String> a = c.args();
        if (!a.get(0).equalsIgnoreCase("A") || a.size() < 5) {
            skipped.add("^GF line " + c.line() + " (only ^GFA is interpreted)");
            return;
        }
        GraphicField g = GraphicField.decodeHex(String.join(",", a.subList(4, a.size())),
                c.intArg(2, 0), c.intArg(3, 1));
        boolean[][] dots = g.dots();
        int x = left(f);
        int y = top(f, g.rows(), g.rows());
        boolean reverse = f.reverse;
        label.fields.add(new RenderedField(RenderedField.Kind.GRAPHIC, "^GF", x, y, g.bytesPerRow() * 8, g.rows(), "", 0, ""));
        label.ops.add(canvas -> canvas.blit(dots, x, y, 1, 1, reverse));
    }

    private void endLabel() {
        LabelState l = label;
        label = null;
        if (l.recordingName != null) {
            formats.put(l.recordingName, List.copyOf(l.recording));
            return;
        }
        if (l.recall != null) {
            List<ZplCommand> stored = formats.get(l.recall);
            if (stored == null) {
                skipped.add("^XF" + l.recall + " (no such stored format; label not printed)");
                return;
            }
            label = l;
            l.field = new FieldState();
            for (ZplCommand c : stored) {
                execute(c, true);
            }
            label = null;
        }
        if (!draws) {
            printed.add(new RasterLabel(null, quantity, dotsPerMm, l.fields));
            return;
        }
        BitCanvas canvas = new BitCanvas(printWidth > 0 ? printWidth : defaultWidth,
                labelLength > 0 ? labelLength : defaultLength);
        for (Consumer<BitCanvas> op : l.ops) {
            op.accept(canvas);
        }
        printed.add(new RasterLabel(canvas.toImage(), quantity, dotsPerMm, l.fields));
    }

    /** State of one ^XA..^XZ block. */
    private static final class LabelState {
        final List<Consumer<BitCanvas>> ops = new ArrayList<>();
        final List<RenderedField> fields = new ArrayList<>();
        final Map<Integer, byte[]> fieldData = new HashMap<>();
        FieldState field = new FieldState();
        String recall;
        String recordingName;
        List<ZplCommand> recording;

        void startRecording(String name) {
            recordingName = name;
            recording = new ArrayList<>();
        }
    }

    /** State of one field, from its first command to ^FS. */
    private static final class FieldState {
        int x;
        int y;
        boolean typeset;
        char fontLetter;
        String fontName;
        int fontH;
        int fontW;
        ZplCommand block;
        char hexChar;
        boolean reverse;
        int fieldNumber;
        String data;
        ZplCommand symbol;

        void font(char letter, ZplCommand sizes) {
            fontLetter = Character.toUpperCase(letter);
            fontName = null;
            fontH = sizes.intArg(1, 0);
            fontW = sizes.intArg(2, 0);
        }

        void namedFont(ZplCommand c) {
            fontLetter = '@';
            fontH = c.intArg(1, 0);
            fontW = c.intArg(2, 0);
            fontName = c.arg(3).isEmpty() ? null : ZplNames.normalizeFont(c.arg(3));
        }
    }
}
