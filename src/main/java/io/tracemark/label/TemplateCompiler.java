package io.tracemark.label;

import io.tracemark.core.Problem;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns template ZPL into literal ZPL runs and {@link TemplateSlot}s for one printer target:
 * coordinates scaled from the designed resolution, the logical CJK font ({@value LabelTemplate#CJK_FONT})
 * resolved to the printer's font or to bitmap graphics, every field's data rewritten to be
 * written with {@code ^FH}. Reports every problem it finds, with line numbers.
 */
final class TemplateCompiler {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*(?::([^}]*))?}}");

    private static final Set<String> FIELD_COMMANDS = Set.of("FO", "FT", "A", "A@", "FB", "FH", "FR", "FN", "FD",
            "GB", "GF", "BC", "BE", "BX", "BQ", "FS");
    private static final Map<String, int[]> SCALED = Map.ofEntries(
            Map.entry("FO", new int[] {0, 1}), Map.entry("FT", new int[] {0, 1}), Map.entry("PW", new int[] {0}),
            Map.entry("LL", new int[] {0}), Map.entry("LH", new int[] {0, 1}), Map.entry("GB", new int[] {0, 1, 2}),
            Map.entry("A", new int[] {1, 2}), Map.entry("A@", new int[] {1, 2}), Map.entry("CF", new int[] {1, 2}),
            Map.entry("BY", new int[] {0, 2}), Map.entry("BX", new int[] {1}), Map.entry("BQ", new int[] {2}),
            Map.entry("BC", new int[] {1}), Map.entry("BE", new int[] {1}), Map.entry("FB", new int[] {0, 2}));

    /** Literal ZPL or a slot. */
    sealed interface Part permits Literal, Slot {
    }

    record Literal(String zpl) implements Part {
    }

    record Slot(TemplateSlot slot) implements Part {
    }

    private final Map<String, TemplateField> declared;
    private final int designDotsPerMm;
    private final LabelTarget target;
    private final List<Problem> problems = new ArrayList<>();

    TemplateCompiler(Map<String, TemplateField> declared, int designDotsPerMm, LabelTarget target) {
        this.declared = declared;
        this.designDotsPerMm = designDotsPerMm;
        this.target = target;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The label body between ^XA and ^XZ (both excluded), with ^CI28 first. */
    List<Part> compile(String zpl) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder("^CI28");
        List<ZplCommand> field = null;
        for (ZplCommand c : ZplParser.parse(zpl)) {
            if (c.prefix() != '^' || c.name().equals("FX") || c.name().equals("XA") || c.name().equals("XZ")
                    || (c.name().equals("CI") && c.arg(0).equals("28"))) {
                continue;
            }
            if (field == null && !FIELD_COMMANDS.contains(c.name())) {
                literal.append(scaled(c));
                continue;
            }
            if (field == null) {
                field = new ArrayList<>();
            }
            field.add(c);
            if (c.name().equals("FS")) {
                Part part = field(field);
                if (part instanceof Literal l) {
                    literal.append(l.zpl());
                } else {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                    parts.add(part);
                }
                field = null;
            }
        }
        parts.add(new Literal(literal.toString()));
        return parts;
    }

    private Part field(List<ZplCommand> commands) {
        ZplCommand data = null;
        ZplCommand symbol = null;
        ZplCommand font = null;
        ZplCommand block = null;
        Character hex = null;
        StringBuilder prefix = new StringBuilder();
        StringBuilder origin = new StringBuilder();
        boolean typeset = false;
        for (ZplCommand c : commands) {
            switch (c.name()) {
                case "FD" -> data = c;
                case "FH" -> hex = c.params().isEmpty() ? '_' : c.params().charAt(0);
                case "FS" -> { }
                default -> {
                    if (Set.of("BX", "BC", "BQ", "BE").contains(c.name())) {
                        symbol = c;
                    } else if (c.name().equals("A") || c.name().equals("A@")) {
                        font = c;
                    } else if (c.name().equals("FB")) {
                        block = c;
                    }
                    if (c.name().equals("FO") || c.name().equals("FT") || c.name().equals("FR")) {
                        origin.append(scaled(c));
                        typeset |= c.name().equals("FT");
                    }
                }
            }
        }
        boolean cjk = font != null && font.name().equals("A@")
                && ZplNames.normalizeFont(font.arg(3)).equals(LabelTemplate.CJK_FONT);
        for (ZplCommand c : commands) {
            if (!Set.of("FD", "FH", "FS").contains(c.name())) {
                prefix.append(c == font && cjk ? cjkFont(c) : scaled(c));
            }
        }
        String where = "line " + (data != null ? data.line() : commands.get(0).line());
        if (data == null || (!PLACEHOLDER.matcher(data.params()).find() && !cjk)) {
            StringBuilder out = new StringBuilder();
            for (ZplCommand c : commands) {
                out.append(c == font && cjk ? cjkFont(c) : scaled(c));
            }
            return new Literal(out.toString());
        }
        List<TemplateSlot.Piece> pieces = pieces(data.params(), hex, where);
        TemplateSlot.Kind kind = symbol == null ? TemplateSlot.Kind.TEXT : switch (symbol.name()) {
            case "BX" -> TemplateSlot.Kind.DATAMATRIX;
            case "BC" -> TemplateSlot.Kind.CODE128;
            case "BQ" -> TemplateSlot.Kind.QR;
            default -> TemplateSlot.Kind.EAN13;
        };
        if (kind != TemplateSlot.Kind.TEXT && (pieces.size() != 1 || !pieces.get(0).isPlaceholder())) {
            problems.add(new Problem(where, "a symbol field's data must be exactly one placeholder, e.g. ^FD{{gs1}}^FS"));
        }
        if (kind == TemplateSlot.Kind.QR && pieces.stream().anyMatch(p -> p.isPlaceholder()
                && declared.containsKey(p.field()) && declared.get(p.field()).type() == FieldType.GS1)) {
            problems.add(new Problem(where, "GS1 data in QR is not supported: put {{digitalLink}} in the QR code"));
        }
        boolean bitmap = cjk && target.cjkMode() == CjkFontMode.BITMAP;
        if (bitmap && typeset) {
            problems.add(new Problem(where, "Chinese text fields must be placed with ^FO, not ^FT"));
        }
        char escape = kind == TemplateSlot.Kind.DATAMATRIX && symbol.arg(6).length() == 1 ? symbol.arg(6).charAt(0) : 0;
        boolean unit = pieces.stream().anyMatch(p -> p.isPlaceholder() && declared.containsKey(p.field())
                && declared.get(p.field()).unit());
        TemplateSlot.TextStyle style = font == null ? null : new TemplateSlot.TextStyle(
                scale(font.intArg(1, 0)), scale(font.intArg(2, 0)), block == null ? null : scaledCommand(block));
        return new Slot(new TemplateSlot(prefix.toString(), origin.toString(), kind, escape, block != null, pieces,
                unit, bitmap, style));
    }

    private List<TemplateSlot.Piece> pieces(String data, Character hex, String where) {
        List<TemplateSlot.Piece> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(data);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                pieces.add(new TemplateSlot.Piece(unescape(data.substring(last, m.start()), hex), null, null));
            }
            String name = m.group(1);
            String pattern = m.group(2);
            TemplateField f = declared.get(name);
            if (f == null) {
                problems.add(new Problem(where, "unknown placeholder {{" + name + "}}: not declared in the sidecar's fields"));
            } else if (pattern != null && f.type() != FieldType.DATE) {
                problems.add(new Problem(where, "{{" + name + ":" + pattern + "}}: only dates take a format"));
            } else if (pattern != null) {
                try {
                    DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(where, "{{" + name + ":" + pattern + "}}: bad date pattern: " + e.getMessage()));
                }
            }
            pieces.add(new TemplateSlot.Piece(null, name, pattern));
            last = m.end();
        }
        if (last < data.length()) {
            pieces.add(new TemplateSlot.Piece(unescape(data.substring(last), hex), null, null));
        }
        return pieces;
    }

    /** Template literal text: the template's own ^FH escapes decoded, UTF-8 kept. */
    private static String unescape(String literal, Character hex) {
        if (hex == null) {
            return literal;
        }
        byte[] bytes = FieldHex.decode(new String(literal.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1), hex);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String cjkFont(ZplCommand font) {
        return "^A@" + orientationAndSize(font) + "," + target.residentFontName();
    }

    private String orientationAndSize(ZplCommand font) {
        String o = font.arg(0).isEmpty() ? "N" : font.arg(0);
        return o + "," + scale(font.intArg(1, 0)) + "," + scale(font.intArg(2, 0));
    }

    private String scaled(ZplCommand c) {
        return scaledCommand(c).toString();
    }

    private ZplCommand scaledCommand(ZplCommand c) {
        int[] indexes = SCALED.get(c.name());
        if (indexes == null || target.dotsPerMm() == designDotsPerMm) {
            return c;
        }
        boolean fontLetter = c.name().equals("A");
        String params = fontLetter ? c.params().substring(Math.min(1, c.params().length())) : c.params();
        List<String> args = new ZplCommand('^', c.name(), params, c.line()).args();
        for (int i : indexes) {
            if (i < args.size() && args.get(i).matches("\\d+")) {
                args.set(i, String.valueOf(scale(Integer.parseInt(args.get(i)))));
            }
        }
        String joined = String.join(",", args);
        return new ZplCommand('^', c.name(), fontLetter ? c.params().charAt(0) + joined : joined, c.line());
    }

    int scale(int dots) {
        if (dots == 0 || target.dotsPerMm() == designDotsPerMm) {
            return dots;
        }
        return Math.max(1, (int) Math.round((double) dots * target.dotsPerMm() / designDotsPerMm));
    }
}
