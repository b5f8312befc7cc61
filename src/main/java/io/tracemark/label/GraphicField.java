package io.tracemark.label;

import java.util.Arrays;

/**
 * ZPL {@code ^GFA} graphics: 1-bit rows packed MSB first, written as ASCII hex with Zebra's
 * run-length compression ({@code G..Y} = 1..19, {@code g..z} = 20..400 repeats of the next hex
 * digit, {@code ,} = rest of row white, {@code !} = rest of row black, {@code :} = repeat the
 * previous row). Decoding accepts both plain and compressed hex.
 *
 * @param bytesPerRow bytes in one packed row
 * @param rows        number of rows
 * @param data        packed rows, {@code bytesPerRow * rows} bytes, bit set = black
 */
public record GraphicField(int bytesPerRow, int rows, byte[] data) {

    /** Packs a mask (true = black) into rows. */
    public static GraphicField of(boolean[][] dots) {
        int rows = dots.length;
        int width = rows == 0 ? 0 : dots[0].length;
        int bpr = Math.max(1, (width + 7) / 8);
        byte[] data = new byte[bpr * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < dots[y].length; x++) {
                if (dots[y][x]) {
                    data[y * bpr + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return new GraphicField(bpr, rows, data);
    }

    /** The dots, true = black, {@code bytesPerRow * 8} wide. */
    public boolean[][] dots() {
        boolean[][] out = new boolean[rows][bytesPerRow * 8];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < bytesPerRow * 8; x++) {
                out[y][x] = (data[y * bytesPerRow + (x >> 3)] & (0x80 >>> (x & 7))) != 0;
            }
        }
        return out;
    }

    /** The complete {@code ^GFA,b,c,d,data} command, compressed. */
    public String toZpl() {
        return "^GFA," + data.length + "," + data.length + "," + bytesPerRow + "," + compressedHex();
    }

    /** Compressed ASCII hex of all rows. */
    public String compressedHex() {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (int y = 0; y < rows; y++) {
            String row = hexRow(y);
            if (row.equals(previous)) {
                out.append(':');
                continue;
            }
            previous = row;
            out.append(compressRow(row));
        }
        return out.toString();
    }

    private String hexRow(int y) {
        StringBuilder sb = new StringBuilder(bytesPerRow * 2);
        for (int i = 0; i < bytesPerRow; i++) {
            int b = data[y * bytesPerRow + i] & 0xFF;
            sb.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
        }
        return sb.toString();
    }

    private static String compressRow(String row) {
        int end = row.length();
        while (end > 0 && row.charAt(end - 1) == '0') {
            end--;
        }
        boolean whiteTail = end < row.length();
        if (!whiteTail) {
            int ones = row.length();
            while (ones > 0 && row.charAt(ones - 1) == 'F') {
                ones--;
            }
            if (ones < row.length() && row.length() - ones > 2) {
                return runs(row.substring(0, ones)) + "!";
            }
        }
        return runs(row.substring(0, end)) + (whiteTail ? "," : "");
    }

    private static String runs(String hex) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < hex.length()) {
            char c = hex.charAt(i);
            int j = i;
            while (j < hex.length() && hex.charAt(j) == c) {
                j++;
            }
            int count = j - i;
            if (count > 2) {
                out.append(repeatCode(count));
                out.append(c);
            } else {
                out.append(String.valueOf(c).repeat(count));
            }
            i = j;
        }
        return out.toString();
    }

    private static String repeatCode(int count) {
        StringBuilder sb = new StringBuilder();
        int high = count / 20;
        while (high > 0) {
            int chunk = Math.min(high, 20);
            sb.append((char) ('g' + chunk - 1));
            high -= chunk;
        }
        int low = count % 20;
        if (low > 0) {
            sb.append((char) ('G' + low - 1));
        }
        return sb.toString();
    }

    /**
     * Decodes {@code ^GF} field data in ASCII hex (format A), plain or compressed.
     *
     * @throws IllegalArgumentException on a character that is neither hex nor a compression code
     */
    public static GraphicField decodeHex(String hexData, int totalBytes, int bytesPerRow) {
        int bpr = Math.max(1, bytesPerRow);
        int rows = Math.max(0, totalBytes / bpr);
        byte[] data = new byte[bpr * rows];
        int digitsPerRow = bpr * 2;
        char[] row = new char[digitsPerRow];
        char[] previous = new char[digitsPerRow];
        Arrays.fill(previous, '0');
        int y = 0;
        int pos = 0;
        int repeat = 0;
        for (int i = 0; i < hexData.length() && y < rows; i++) {
            char c = hexData.charAt(i);
            if (c >= 'G' && c <= 'Y') {
                repeat += c - 'G' + 1;
            } else if (c >= 'g' && c <= 'z') {
                repeat += (c - 'g' + 1) * 20;
            } else if (c == ',' || c == '!') {
                Arrays.fill(row, pos, digitsPerRow, c == ',' ? '0' : 'F');
                pos = digitsPerRow;
            } else if (c == ':') {
                System.arraycopy(previous, 0, row, 0, digitsPerRow);
                pos = digitsPerRow;
            } else if (Character.digit(c, 16) >= 0) {
                int count = Math.max(1, repeat);
                repeat = 0;
                for (int k = 0; k < count && pos < digitsPerRow; k++) {
                    row[pos++] = Character.toUpperCase(c);
                }
            } else if (!Character.isWhitespace(c)) {
                throw new IllegalArgumentException("^GF data: unexpected character '" + c + "' at " + i);
            }
            if (pos == digitsPerRow) {
                for (int b = 0; b < bpr; b++) {
                    data[y * bpr + b] = (byte) Integer.parseInt(new String(row, b * 2, 2), 16);
                }
                System.arraycopy(row, 0, previous, 0, digitsPerRow);
                y++;
                pos = 0;
            }
        }
        return new GraphicField(bpr, rows, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphicField g && g.bytesPerRow == bytesPerRow && g.rows == rows
                && Arrays.equals(g.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + bytesPerRow;
    }

    @Override
    public String toString() {
        return "GraphicField[" + bytesPerRow + "x" + rows + "]";
    }
}
