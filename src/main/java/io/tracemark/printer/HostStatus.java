package io.tracemark.printer;

import java.util.ArrayList;
import java.util.List;

/**
 * The reply to {@code ~HS} (Host Status Return), every field of its three strings, as laid out in
 * the ZPL II Programming Guide. Each string is {@code <STX>fields<ETX><CR><LF>}:
 * <pre>
 * 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l   comm settings, paper out, pause, label length (dots), formats in
 *                                        buffer, buffer full, diagnostic mode, partial format, unused,
 *                                        corrupt RAM, under temperature, over temperature
 * 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www   function settings, unused, head up, ribbon out, thermal transfer,
 *                                        print mode, print width mode, label waiting, labels remaining,
 *                                        format while printing, graphics stored
 * 3: xxxx,y                              password, static RAM installed
 * </pre>
 * Fields newer firmware appends to string 2 are ignored.
 */
public record HostStatus(
        CommunicationSettings communication, boolean paperOut, boolean paused, int labelLengthDots,
        int formatsInBuffer, boolean bufferFull, boolean diagnosticMode, boolean partialFormat,
        boolean corruptRam, boolean underTemperature, boolean overTemperature,
        FunctionSettings function, boolean headUp, boolean ribbonOut, boolean thermalTransfer,
        PrintMode printMode, int printWidthMode, boolean labelWaiting, long labelsRemaining,
        boolean formatWhilePrinting, int graphicsStored,
        String password, boolean staticRam) {

    static final char STX = 0x02;
    static final char ETX = 0x03;

    /** Labels the printer still owes: formats waiting in its buffer plus labels left in the current batch. */
    public long pendingLabels() {
        return formatsInBuffer + labelsRemaining;
    }

    /**
     * Decodes a complete {@code ~HS} reply (three STX...ETX strings, CR/LF or other bytes between).
     *
     * @throws IllegalArgumentException naming the string and field that do not fit the layout
     */
    public static HostStatus parse(String reply) {
        List<String[]> strings = frames(reply);
        if (strings.size() < 3) {
            throw new IllegalArgumentException("~HS reply has " + strings.size() + " of 3 STX...ETX strings: "
                    + printable(reply));
        }
        String[] s1 = strings.get(0);
        String[] s2 = strings.get(1);
        String[] s3 = strings.get(2);
        expect(s1, 12, 1, reply);
        expect(s2, 11, 2, reply);
        expect(s3, 2, 3, reply);
        return new HostStatus(
                CommunicationSettings.decode(number(s1, 0, 1)), flag(s1, 1, 1), flag(s1, 2, 1), number(s1, 3, 1),
                number(s1, 4, 1), flag(s1, 5, 1), flag(s1, 6, 1), flag(s1, 7, 1),
                flag(s1, 9, 1), flag(s1, 10, 1), flag(s1, 11, 1),
                FunctionSettings.decode(number(s2, 0, 2)), flag(s2, 2, 2), flag(s2, 3, 2), flag(s2, 4, 2),
                PrintMode.of(s2[5].isEmpty() ? '?' : s2[5].charAt(0)), number(s2, 6, 2), flag(s2, 7, 2),
                Long.parseLong(digits(s2, 8, 2)), flag(s2, 9, 2), number(s2, 10, 2),
                s3[0], flag(s3, 1, 3));
    }

    /** The reply a printer in this state sends, byte for byte (used by the virtual printer). */
    public String toWire() {
        String s1 = String.format("%03d,%s,%s,%04d,%03d,%s,%s,%s,000,%s,%s,%s", communication.raw(), b(paperOut),
                b(paused), labelLengthDots, formatsInBuffer, b(bufferFull), b(diagnosticMode), b(partialFormat),
                b(corruptRam), b(underTemperature), b(overTemperature));
        String s2 = String.format("%03d,0,%s,%s,%s,%c,%d,%s,%08d,%s,%03d", function.raw(), b(headUp), b(ribbonOut),
                b(thermalTransfer), printMode.code(), printWidthMode, b(labelWaiting), labelsRemaining,
                b(formatWhilePrinting), graphicsStored);
        String s3 = password + "," + b(staticRam);
        return frame(s1) + frame(s2) + frame(s3);
    }

    private static String frame(String body) {
        return STX + body + ETX + "\r\n";
    }

    private static String b(boolean flag) {
        return flag ? "1" : "0";
    }

    static List<String[]> frames(String reply) {
        List<String[]> strings = new ArrayList<>();
        int at = 0;
        while (true) {
            int stx = reply.indexOf(STX, at);
            int etx = stx < 0 ? -1 : reply.indexOf(ETX, stx);
            if (etx < 0) {
                return strings;
            }
            strings.add(reply.substring(stx + 1, etx).trim().split(",", -1));
            at = etx + 1;
        }
    }

    private static void expect(String[] fields, int count, int string, String reply) {
        if (fields.length < count) {
            throw new IllegalArgumentException("~HS string " + string + " has " + fields.length + " fields, expected "
                    + count + ": " + printable(reply));
        }
    }

    private static int number(String[] fields, int index, int string) {
        return Integer.parseInt(digits(fields, index, string));
    }

    private static String digits(String[] fields, int index, int string) {
        String value = fields[index].trim();
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("~HS string " + string + " field " + (index + 1) + " is '" + value
                    + "', expected digits");
        }
        return value;
    }

    private static boolean flag(String[] fields, int index, int string) {
        String value = fields[index].trim();
        return switch (value) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("~HS string " + string + " field " + (index + 1) + " is '"
                    + value + "', expected 0 or 1");
        };
    }

    static String printable(String reply) {
        return reply.replace("\u0002", "<STX>").replace("\u0003", "<ETX>").replace("\r", "<CR>").replace("\n", "<LF>");
    }
}
