package io.tracemark.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the byte stream a printer receives into control commands ({@code ~HS}, {@code ~HQES},
 * {@code ~JA}, {@code ~PS}, {@code ~PP}, {@code ~SDnn}, ...) and complete formats ({@code ^XA...^XZ},
 * decoded as UTF-8). Control commands are recognised between formats; inside a format a {@code ~} is
 * field data. Bytes between formats that are neither are ignored, as a printer does.
 */
final class ZplStreamParser {

    /** One unit of the stream. */
    sealed interface Item permits Control, Format {
    }

    /** A control command without its tilde, e.g. {@code HS}, {@code HQES}, {@code SD15}. */
    record Control(String command) implements Item {
    }

    /** A complete format, {@code ^XA} to {@code ^XZ} inclusive. */
    record Format(String zpl) implements Item {
    }

    private final ByteArrayOutputStream format = new ByteArrayOutputStream();
    private final StringBuilder control = new StringBuilder();
    private boolean inFormat;
    private boolean inControl;
    private int controlLength;
    private int last1 = -1;
    private int last2 = -1;

    /** Whether a format has started and not ended (the ~HS "partial format" flag). */
    boolean partialFormat() {
        return inFormat;
    }

    /** Feeds bytes; returns the items they completed, in order. */
    List<Item> feed(byte[] bytes, int length) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (inFormat) {
                format.write(b);
                if (isEnd(b)) {
                    items.add(new Format(format.toString(StandardCharsets.UTF_8)));
                    format.reset();
                    inFormat = false;
                }
            } else if (inControl) {
                control.append((char) b);
                if (control.length() == 2) {
                    String head = control.toString().toUpperCase();
                    controlLength = switch (head) {
                        case "HQ", "SD" -> 4;
                        default -> 2;
                    };
                }
                if (control.length() == controlLength) {
                    items.add(new Control(control.toString().toUpperCase()));
                    control.setLength(0);
                    inControl = false;
                }
            } else if (b == '~') {
                inControl = true;
                controlLength = 2;
            } else if (upper(b) == 'A' && upper(last1) == 'X' && last2 == '^') {
                inFormat = true;
                format.reset();
                format.writeBytes("^XA".getBytes(StandardCharsets.US_ASCII));
            }
            last2 = last1;
            last1 = b;
        }
        return items;
    }

    private boolean isEnd(int b) {
        return upper(b) == 'Z' && upper(last1) == 'X' && last2 == '^';
    }

    private static int upper(int b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
