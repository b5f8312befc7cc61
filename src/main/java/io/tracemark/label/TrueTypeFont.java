package io.tracemark.label;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Takes one font out of a TrueType Collection ({@code .ttc}), because a printer's {@code ~DY} takes
 * TrueType or OpenType fonts only. Layout per the OpenType specification (Microsoft, "The OpenType
 * Font File": TTC header {@code 'ttcf'}, version, numFonts, an offset per font to its table
 * directory; a table directory is sfntVersion, numTables, searchRange, entrySelector, rangeShift,
 * then 16-byte records of tag, checksum, offset from the start of the file, length). The font's
 * tables are copied into a file of its own, 4-byte aligned, with the offsets rewritten and the
 * {@code head} table's checkSumAdjustment recomputed ({@code 0xB1B0AFBA} minus the file's checksum).
 */
public final class TrueTypeFont {

    private static final int TTCF = 0x74746366;
    private static final int HEAD = 0x68656164;

    private TrueTypeFont() {
    }

    /** Whether {@code data} is a TrueType Collection. */
    public static boolean isCollection(byte[] data) {
        return data.length >= 12 && ByteBuffer.wrap(data).getInt(0) == TTCF;
    }

    /**
     * The font {@code index} of a collection as a standalone TrueType file; a single font is returned as is.
     *
     * @throws IllegalArgumentException when the collection is malformed or has no such font
     */
    public static byte[] extract(byte[] data, int index) {
        if (!isCollection(data)) {
            return data;
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        int fonts = in.getInt(8);
        if (index < 0 || index >= fonts) {
            throw new IllegalArgumentException("the collection holds " + fonts + " font(s), no font " + index);
        }
        int dir = in.getInt(12 + 4 * index);
        int tables = in.getShort(dir + 4) & 0xffff;
        int headerSize = 12 + 16 * tables;
        long size = headerSize;
        for (int t = 0; t < tables; t++) {
            long length = in.getInt(dir + 12 + 16 * t + 12) & 0xffffffffL;
            size += (length + 3) & ~3L;
        }
        if (size > Integer.MAX_VALUE || dir + headerSize > data.length) {
            throw new IllegalArgumentException("malformed TrueType collection: font " + index + " table directory");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(data, dir, 12);
        int at = headerSize;
        int headAt = -1;
        for (int t = 0; t < tables; t++) {
            int record = dir + 12 + 16 * t;
            int tag = in.getInt(record);
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 12);
            if (offset < 0 || length < 0 || (long) offset + length > data.length) {
                throw new IllegalArgumentException("malformed TrueType collection: table "
                        + new String(data, record, 4, StandardCharsets.ISO_8859_1) + " leaves the file");
            }
            out.putInt(12 + 16 * t, tag).putInt(12 + 16 * t + 4, in.getInt(record + 4))
                    .putInt(12 + 16 * t + 8, at).putInt(12 + 16 * t + 12, length);
            out.put(at, data, offset, length);
            if (tag == HEAD && length >= 12) {
                headAt = at;
            }
            at += (length + 3) & ~3;
        }
        byte[] font = out.array();
        if (headAt >= 0) {
            ByteBuffer f = ByteBuffer.wrap(font);
            f.putInt(headAt + 8, 0);
            f.putInt(headAt + 8, (int) (0xB1B0AFBAL - checksum(font)));
        }
        return font;
    }

    private static long checksum(byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(font);
        long sum = 0;
        for (int i = 0; i + 4 <= font.length; i += 4) {
            sum += b.getInt(i) & 0xffffffffL;
        }
        return sum & 0xffffffffL;
    }
}
