package io.tracemark.label;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * ZPL {@code ^FH} field hex: writing any value so that it prints as itself, and reading it back.
 * The writer escapes every byte a printer could read as something else: the command prefixes
 * {@code ^} and {@code ~}, the hex indicator itself, control characters, DEL, and every non-ASCII
 * byte (UTF-8, printed with {@code ^CI28}); the output is plain printable ASCII.
 */
public final class FieldHex {

    /** The hex indicator the project writes ({@code ^FH_}). */
    public static final char INDICATOR = '_';

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FieldHex() {
    }

    /** Escapes {@code value} for {@code ^FH_^FD...^FS}, also escaping every character in {@code alsoEscape}. */
    public static String escape(String value, String alsoEscape) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == 0x7F || c == '^' || c == '~' || c == INDICATOR || alsoEscape.indexOf(c) >= 0) {
                    appendByte(out, c);
                } else {
                    out.append(c);
                }
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** Escapes {@code value} for {@code ^FH_^FD...^FS}. */
    public static String escape(String value) {
        return escape(value, "");
    }

    /** True when {@code value} would be written unchanged (nothing to escape). */
    public static boolean isPlain(String value) {
        return escape(value).equals(value);
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append(INDICATOR).append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
    }

    /**
     * Decodes raw field data (one char per byte) with hex indicator {@code indicator}
     * ({@code 0} = no ^FH) into bytes. A malformed escape is kept literally, as printers do.
     */
    public static byte[] decode(String raw, char indicator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (indicator != 0 && c == indicator && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0
                    && hex(raw.charAt(i + 2)) >= 0) {
                out.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** Finds the first malformed escape ({@code indicator} not followed by two hex digits), or -1. */
    public static int firstMalformed(String raw, char indicator) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == indicator) {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return i;
                }
                i += 2;
            }
        }
        return -1;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
