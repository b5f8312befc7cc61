package io.tracemark.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the byte stream a printer receives into control commands ({@code ~HS}, {@code ~HQES},
 * {@code ~HQOD}, {@code ~JA}, {@code ~PS}, {@code ~PP}, {@code ~SDnn}, ...), object downloads
 * ({@code ~DYd:f,b,x,t,w,data}), SGD commands ({@code ! U1 getvar "name"} lines) and complete formats
 * ({@code ^XA...^XZ}, decoded as UTF-8). Control commands are recognised between formats; inside a
 * format a {@code ~} is field data. Bytes between formats that are none of these are ignored, as a
 * printer does.
 */
final class ZplStreamParser {

    /** One unit of the stream. */
    sealed interface Item permits Control, Format, Download, Sgd {
    }

    /**
     * A {@code ~DY} object download: the header fields (device and name, format, extension, size, width)
     * and the data decoded (ASCII hex for format A, raw bytes otherwise).
     */
    record Download(String name, String format, String extension, byte[] data) implements Item {
    }

    /** One SGD command line, e.g. {@code ! U1 getvar "odometer.total_label_count"}. */
    record Sgd(String line) implements Item {
    }

    /** A control command without its tilde, e.g. {@code HS}, {@code HQES}, {@code SD15}. */
    record Control(String command) implements Item {
    }

    /** A complete format, {@code ^XA} to {@code ^XZ} inclusive. */
    record Format(String zpl) implements Item {
    }

    private final ByteArrayOutputStream format = new ByteArrayOutputStream();
    private final StringBuilder control = new StringBuilder();
    private final StringBuilder sgd = new StringBuilder();
    private final StringBuilder downloadHeader = new StringBuilder();
    private java.io.ByteArrayOutputStream downloadData;
    private long downloadLeft;
    private int hexHigh = -1;
    private String[] downloadFields;
    private boolean inFormat;
    private boolean inControl;
    private boolean inSgd;
    private boolean inDownloadHeader;
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
            if (downloadData != null) {
                downloadByte(b, items);
                continue;
            }
            if (inDownloadHeader) {
                downloadHeaderByte(b, items);
                continue;
            }
            if (inSgd) {
                if (b == '\n') {
                    items.add(new Sgd(sgd.toString().trim()));
                    sgd.setLength(0);
                    inSgd = false;
                } else if (sgd.length() < 4096) {
                    sgd.append((char) b);
                }
                continue;
            }
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
                if (control.length() == 2 && control.toString().equalsIgnoreCase("DY")) {
                    control.setLength(0);
                    inControl = false;
                    inDownloadHeader = true;
                    downloadHeader.setLength(0);
                } else if (control.length() == controlLength) {
                    items.add(new Control(control.toString().toUpperCase()));
                    control.setLength(0);
                    inControl = false;
                }
            } else if (b == '!' && !inFormat) {
                inSgd = true;
                sgd.setLength(0);
                sgd.append('!');
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

    /** Header {@code d:f,b,x,t,w,}: five commas, then {@code t} bytes of data (twice as many hex digits for A). */
    private void downloadHeaderByte(int b, List<Item> items) {
        downloadHeader.append((char) b);
        if (b != ',' || downloadHeader.chars().filter(c -> c == ',').count() < 5) {
            if (downloadHeader.length() > 256) {
                inDownloadHeader = false;
            }
            return;
        }
        inDownloadHeader = false;
        downloadFields = downloadHeader.toString().split(",", -1);
        try {
            downloadLeft = Long.parseLong(downloadFields[3].trim());
        } catch (NumberFormatException e) {
            return;
        }
        downloadData = new java.io.ByteArrayOutputStream((int) Math.min(downloadLeft, 16 << 20));
        hexHigh = -1;
        if (downloadLeft == 0) {
            finishDownload(items);
        }
    }

    private void downloadByte(int b, List<Item> items) {
        if (downloadFields[1].trim().equalsIgnoreCase("A")) {
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                return;
            }
            if (hexHigh < 0) {
                hexHigh = digit;
                return;
            }
            downloadData.write(hexHigh << 4 | digit);
            hexHigh = -1;
        } else {
            downloadData.write(b);
        }
        if (--downloadLeft == 0) {
            finishDownload(items);
        }
    }

    private void finishDownload(List<Item> items) {
        items.add(new Download(downloadFields[0].trim().toUpperCase(), downloadFields[1].trim().toUpperCase(),
                downloadFields[2].trim().toUpperCase(), downloadData.toByteArray()));
        downloadData = null;
    }

    private boolean isEnd(int b) {
        return upper(b) == 'Z' && upper(last1) == 'X' && last2 == '^';
    }

    private static int upper(int b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
