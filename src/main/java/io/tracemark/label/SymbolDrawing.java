package io.tracemark.label;

import java.util.List;

/**
 * A symbol laid out in dots: its module pattern and module size, from a ZPL symbol command
 * ({@code ^BX}, {@code ^BQ}, {@code ^BC}, {@code ^BE}) and its decoded field data.
 *
 * @param modules  module pattern, true = dark
 * @param moduleW  dots per module horizontally
 * @param moduleH  dots per module row vertically
 * @param content  the data the symbol carries, as a decoder reports it (FNC1 separators as GS,
 *                 leading FNC1 omitted)
 * @param aimId    the AIM symbology identifier a reader reports for it (ISO/IEC 15424: {@code ]d2} DataMatrix
 *                 with FNC1 first, {@code ]d1} without; {@code ]Q1} QR; {@code ]C1} Code 128 with FNC1 first,
 *                 {@code ]C0} without; {@code ]E0} EAN-13)
 */
record SymbolDrawing(boolean[][] modules, int moduleW, int moduleH, String content, String aimId) {

    int width() {
        return modules.length == 0 ? 0 : modules[0].length * moduleW;
    }

    int height() {
        return modules.length * moduleH;
    }

    void draw(BitCanvas canvas, int x, int y, boolean reverse) {
        canvas.blit(modules, x, y, moduleW, moduleH, reverse);
    }

    static SymbolDrawing of(ZplCommand s, String data, int moduleWidth, int barHeight, int dotsPerMm) {
        return switch (s.name()) {
            case "BX" -> dataMatrix(s, data, barHeight);
            case "BQ" -> qr(s, data, dotsPerMm);
            case "BC" -> oneD(SymbolPainter.code128(code128Content(data)), moduleWidth, s.intArg(1, barHeight),
                    gs1Text(code128Content(data)),
                    code128Content(data).startsWith(String.valueOf(SymbolPainter.CODE128_FNC1)) ? "]C1" : "]C0");
            case "BE" -> oneD(SymbolPainter.ean13(data.trim()), moduleWidth, s.intArg(1, barHeight), data.trim(), "]E0");
            default -> throw new IllegalArgumentException("not a symbol command: " + s);
        };
    }

    private static SymbolDrawing oneD(boolean[] bars, int moduleWidth, int height, String content, String aimId) {
        boolean[][] rows = new boolean[1][];
        rows[0] = bars;
        return new SymbolDrawing(rows, Math.max(1, moduleWidth), Math.max(1, height), content, aimId);
    }

    private static SymbolDrawing dataMatrix(ZplCommand s, String data, int barHeight) {
        String escArg = s.arg(6);
        char esc = escArg.isEmpty() ? '_' : escArg.charAt(0);
        StringBuilder content = new StringBuilder();
        boolean gs1 = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c != esc || i + 1 >= data.length()) {
                content.append(c);
                continue;
            }
            char next = data.charAt(++i);
            if (next == esc) {
                content.append(esc);
            } else if (next == '1') {
                if (content.length() == 0) {
                    gs1 = true;
                } else {
                    content.append(SymbolPainter.GS);
                }
            } else if (next == 'd' && i + 3 < data.length()) {
                content.append((char) Integer.parseInt(data.substring(i + 1, i + 4)));
                i += 3;
            } else if (next >= '@' && next <= '_') {
                content.append((char) (next - '@'));
            } else {
                content.append(esc).append(next);
            }
        }
        boolean[][] modules = SymbolPainter.dataMatrix(content.toString(), gs1);
        int h = s.intArg(1, 0);
        if (h <= 0) {
            h = Math.max(1, Math.round((float) barHeight / Math.max(1, modules.length)));
        }
        return new SymbolDrawing(modules, h, h, content.toString(), gs1 ? "]d2" : "]d1");
    }

    private static SymbolDrawing qr(ZplCommand s, String data, int dotsPerMm) {
        int defaultMag = dotsPerMm <= 6 ? 1 : dotsPerMm <= 8 ? 2 : dotsPerMm <= 12 ? 3 : 6;
        int mag = Math.max(1, Math.min(10, s.intArg(2, defaultMag)));
        char level = s.arg(3).isEmpty() ? 'Q' : Character.toUpperCase(s.arg(3).charAt(0));
        String content = data;
        int comma = data.indexOf(',');
        if (comma >= 0 && comma <= 3) {
            String head = data.substring(0, comma).toUpperCase();
            if (!head.isEmpty() && "HQML".indexOf(head.charAt(0)) >= 0) {
                level = head.charAt(0);
            }
            content = data.substring(comma + 1);
            if (head.length() >= 2 && head.charAt(1) == 'M' && !content.isEmpty()) {
                char mode = Character.toUpperCase(content.charAt(0));
                content = mode == 'B' && content.length() >= 5 ? content.substring(5) : content.substring(1);
            }
        }
        return new SymbolDrawing(SymbolPainter.qr(content, level), mag, mag, content, "]Q1");
    }

    /** ZPL Code 128 invocation codes to ZXing content: {@code >8} is FNC1, subset switches dropped. */
    static String code128Content(String data) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c != '>' || i + 1 >= data.length()) {
                out.append(c);
                continue;
            }
            char code = data.charAt(++i);
            switch (code) {
                case '8' -> out.append(SymbolPainter.CODE128_FNC1);
                case '<' -> out.append('>');
                case '=' -> out.append('~');
                case ';', ':', '9', '5', '6', '7' -> { }
                default -> out.append('>').append(code);
            }
        }
        return out.toString();
    }

    private static String gs1Text(String content) {
        String s = content.startsWith(String.valueOf(SymbolPainter.CODE128_FNC1)) ? content.substring(1) : content;
        return s.replace(SymbolPainter.CODE128_FNC1, SymbolPainter.GS);
    }

    static List<String> names() {
        return List.of("BX", "BQ", "BC", "BE");
    }
}
