package io.tracemark.label;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks ZPL before it may reach a printer: every command is one the project can render and
 * check, parameters are well formed, labels open with {@code ^XA} and close with {@code ^XZ},
 * fields close with {@code ^FS}, {@code ^FH} escapes are valid, and (for templates) merge
 * placeholders appear only inside field data, never where they could inject a command.
 * Problems carry the line number ({@code line 7}).
 */
public final class ZplLinter {

    /** Format commands the rasterizer interprets and this linter checks. */
    public static final Set<String> SUPPORTED = Set.of("XA", "XZ", "PW", "LL", "LH", "LT", "FO", "FT", "FB", "FD",
            "FS", "FH", "FN", "DF", "XF", "CI", "CF", "A", "A@", "CW", "GB", "GF", "BY", "BC", "BE", "BX", "BQ", "FR",
            "PQ", "FX");

    private static final Pattern INT = Pattern.compile("-?\\d+");
    private static final Pattern OBJECT_NAME = Pattern.compile("([REBA]:)?([A-Z0-9_\\-]{1,16})(\\.[A-Z]{3})?",
            Pattern.CASE_INSENSITIVE);
    /** ZPL II guide, ^DF: "o = image name, Accepted Values: 1 to 8 alphanumeric characters" (16 on long-filename firmware). */
    public static final int OBJECT_NAME_LENGTH = 8;
    private static final Set<String> FIELD_DATA = Set.of("FD", "FX");

    private final boolean placeholders;

    private ZplLinter(boolean placeholders) {
        this.placeholders = placeholders;
    }

    /** Lints ZPL to be sent as is: placeholders are errors. */
    public static List<Problem> lint(String zpl) {
        return new ZplLinter(false).run(zpl);
    }

    /** Lints a template: {@code {{field}}} placeholders are allowed in field data ({@code ^FD}) only. */
    public static List<Problem> lintTemplate(String zpl) {
        return new ZplLinter(true).run(zpl);
    }

    private List<Problem> run(String zpl) {
        List<Problem> problems = new ArrayList<>();
        boolean inLabel = false;
        boolean sawLabel = false;
        boolean fieldOpen = false;
        int fieldLine = 0;
        Character hex = null;
        boolean closed = false;
        for (ZplCommand c : ZplParser.parse(zpl)) {
            String where = "line " + c.line();
            if (placeholders && closed) {
                problems.add(new Problem(where, "'" + shorten(c.key() + c.params()) + "' after the template's ^XZ:"
                        + " a template is exactly one format, and anything after its ^XZ would reach the printer"
                        + " as a format of its own"));
                break;
            }
            if (c.prefix() == ' ') {
                problems.add(new Problem(where, "text outside any command: '" + shorten(c.params()) + "'"));
                continue;
            }
            if (c.prefix() == '~') {
                problems.add(new Problem(where, "control command " + c.key() + " does not belong in a label"));
                continue;
            }
            if (!FIELD_DATA.contains(c.name()) && c.params().contains("{{")) {
                problems.add(new Problem(where, "placeholder inside " + c.key()
                        + " parameters: a value could inject commands; placeholders belong in ^FD only"));
            }
            if (!SUPPORTED.contains(c.name())) {
                problems.add(new Problem(where, c.key() + " is not supported (the project cannot render or check it)"));
                continue;
            }
            switch (c.name()) {
                case "XA" -> {
                    if (inLabel) {
                        problems.add(new Problem(where, "^XA inside a label: the previous ^XA has no ^XZ"));
                    }
                    inLabel = true;
                    sawLabel = true;
                    continue;
                }
                case "XZ" -> {
                    if (!inLabel) {
                        problems.add(new Problem(where, "^XZ without ^XA"));
                    }
                    if (fieldOpen) {
                        problems.add(new Problem("line " + fieldLine, "field not closed by ^FS before ^XZ"));
                        fieldOpen = false;
                    }
                    inLabel = false;
                    closed = true;
                    hex = null;
                    continue;
                }
                default -> {
                }
            }
            if (!inLabel) {
                problems.add(new Problem(where, c.key() + " outside ^XA..^XZ"));
            }
            if (c.name().equals("FS")) {
                fieldOpen = false;
                hex = null;
                continue;
            }
            if (!c.name().equals("FX") && !fieldOpen && startsField(c)) {
                fieldOpen = true;
                fieldLine = c.line();
            }
            if (c.name().equals("FH")) {
                hex = c.params().isEmpty() ? '_' : c.params().charAt(0);
            }
            checkParameters(c, where, hex, problems);
        }
        if (inLabel) {
            problems.add(new Problem("end", "label not closed: missing ^XZ"));
        }
        if (!sawLabel) {
            problems.add(new Problem("", "no label: missing ^XA"));
        }
        return problems;
    }

    private static boolean startsField(ZplCommand c) {
        return switch (c.name()) {
            case "FO", "FT", "FD", "FN", "GB", "GF", "BC", "BE", "BX", "BQ", "A", "A@", "FB", "FH", "FR" -> true;
            default -> false;
        };
    }

    private void checkParameters(ZplCommand c, String where, Character hex, List<Problem> problems) {
        List<String> a = c.args();
        switch (c.name()) {
            case "FO", "FT" -> ints(c, where, problems, 0, 1);
            case "PW", "LL", "LT", "PQ", "FN" -> ints(c, where, problems, 0);
            case "LH" -> ints(c, where, problems, 0, 1);
            case "GB" -> {
                ints(c, where, problems, 0, 1, 2, 4);
                if (!a.get(0).isEmpty() && a.size() > 3 && !a.get(3).isEmpty() && !a.get(3).matches("[BWbw]")) {
                    problems.add(new Problem(where, "^GB line color must be B or W, got '" + a.get(3) + "'"));
                }
            }
            case "BY" -> ints(c, where, problems, 0, 2);
            case "CI" -> {
                ints(c, where, problems, 0);
                if (!a.get(0).equals("28") && !a.get(0).equals("0")) {
                    problems.add(new Problem(where, "^CI" + a.get(0) + " not supported: use ^CI28 (UTF-8)"));
                }
            }
            case "CF" -> ints(c, where, problems, 1, 2);
            case "CW" -> {
                if (a.size() < 2 || a.get(0).length() != 1 || !OBJECT_NAME.matcher(a.get(1)).matches()) {
                    problems.add(new Problem(where, "^CW needs a font letter and a font name, e.g. ^CWJ,E:SIMSUN.TTF"));
                }
            }
            case "A" -> font(c, where, problems, c.params().isEmpty() ? "" : c.params().substring(1));
            case "A@" -> {
                font(c, where, problems, c.params());
                if (a.size() < 4 || !OBJECT_NAME.matcher(a.get(3)).matches()) {
                    problems.add(new Problem(where, "^A@ needs a font name such as E:SIMSUN.TTF"));
                }
            }
            case "FB" -> {
                ints(c, where, problems, 0, 1, 2, 4);
                if (a.size() > 3 && !a.get(3).isEmpty() && !a.get(3).matches("[LCRJlcrj]")) {
                    problems.add(new Problem(where, "^FB justification must be L, C, R or J"));
                }
            }
            case "FH" -> {
                if (c.params().length() > 1) {
                    problems.add(new Problem(where, "^FH takes one indicator character"));
                }
            }
            case "FD" -> fieldData(c, where, hex, problems);
            case "DF", "XF" -> {
                var name = OBJECT_NAME.matcher(c.params());
                if (!name.matches()) {
                    problems.add(new Problem(where, c.key() + " needs a format name such as R:ITEM.ZPL"));
                } else if (name.group(2).length() > OBJECT_NAME_LENGTH) {
                    problems.add(new Problem(where, c.key() + " name '" + name.group(2) + "' has "
                            + name.group(2).length() + " characters; ZPL takes 1 to " + OBJECT_NAME_LENGTH
                            + " (only long-filename firmware takes 16)"));
                }
            }
            case "GF" -> {
                if (!a.get(0).equalsIgnoreCase("A") || a.size() < 5) {
                    problems.add(new Problem(where, "^GF must be ASCII hex: ^GFA,bytes,bytes,bytesPerRow,data"));
                } else {
                    ints(c, where, problems, 1, 2, 3);
                }
            }
            case "BX" -> dataMatrix(c, where, hex, problems);
            case "BC" -> {
                orientation(c, where, problems);
                ints(c, where, problems, 1);
                if (a.size() > 5 && !a.get(5).isEmpty() && !a.get(5).equalsIgnoreCase("N")) {
                    problems.add(new Problem(where, "^BC mode must be N (invocation codes such as >;>8 carry GS1)"));
                }
            }
            case "BE" -> {
                orientation(c, where, problems);
                ints(c, where, problems, 1);
            }
            case "BQ" -> {
                orientation(c, where, problems);
                ints(c, where, problems, 1, 2);
                if (a.size() > 1 && !a.get(1).isEmpty() && !a.get(1).equals("2")) {
                    problems.add(new Problem(where, "^BQ model must be 2"));
                }
                int mag = c.intArg(2, 2);
                if (mag < 1 || mag > 10) {
                    problems.add(new Problem(where, "^BQ magnification must be 1..10, got " + mag));
                }
            }
            default -> {
            }
        }
    }

    private void dataMatrix(ZplCommand c, String where, Character hex, List<Problem> problems) {
        orientation(c, where, problems);
        ints(c, where, problems, 1, 2);
        List<String> a = c.args();
        if (!(a.size() > 2 && a.get(2).equals("200"))) {
            problems.add(new Problem(where, "^BX quality must be 200 (ECC 200)"));
        }
        String esc = a.size() > 6 ? a.get(6) : "";
        if (esc.length() != 1) {
            problems.add(new Problem(where, "^BX escape character (7th parameter) must be set explicitly: "
                    + "its default differs between firmware versions"));
        } else if (esc.charAt(0) == FieldHex.INDICATOR || esc.equals(",")) {
            problems.add(new Problem(where, "^BX escape character '" + esc + "' must differ from the ^FH indicator '"
                    + FieldHex.INDICATOR + "'"));
        }
    }

    private void fieldData(ZplCommand c, String where, Character hex, List<Problem> problems) {
        String data = c.params();
        if (!placeholders && data.contains("{{")) {
            problems.add(new Problem(where, "unmerged placeholder in field data: '" + shorten(data) + "'"));
        }
        if (hex != null) {
            String withoutPlaceholders = data.replaceAll("\\{\\{[^}]*}}", "");
            int bad = FieldHex.firstMalformed(withoutPlaceholders, hex);
            if (bad >= 0) {
                problems.add(new Problem(where, "^FH escape '" + hex + "' not followed by two hex digits in '"
                        + shorten(data) + "'"));
            }
        }
        for (char ch : data.toCharArray()) {
            if (ch < 0x20 || ch == 0x7F) {
                problems.add(new Problem(where, "control character " + String.format("0x%02X", (int) ch)
                        + " in field data: write it as a ^FH escape"));
                break;
            }
        }
    }

    private static void font(ZplCommand c, String where, List<Problem> problems, String params) {
        ZplCommand sizes = new ZplCommand('^', c.name(), params, c.line());
        String o = sizes.arg(0);
        if (!o.isEmpty() && !o.equalsIgnoreCase("N")) {
            problems.add(new Problem(where, c.key() + " orientation '" + o + "' not supported: use N"));
        }
        ints(sizes, where, problems, 1, 2);
    }

    private static void orientation(ZplCommand c, String where, List<Problem> problems) {
        String o = c.arg(0);
        if (!o.isEmpty() && !o.equalsIgnoreCase("N")) {
            problems.add(new Problem(where, c.key() + " orientation '" + o + "' not supported: use N"));
        }
    }

    private static void ints(ZplCommand c, String where, List<Problem> problems, int... indexes) {
        List<String> a = c.args();
        for (int i : indexes) {
            if (i < a.size() && !a.get(i).isEmpty() && !INT.matcher(a.get(i)).matches()) {
                problems.add(new Problem(where, c.key() + " parameter " + (i + 1) + " must be a whole number, got '"
                        + shorten(a.get(i)) + "'"));
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
