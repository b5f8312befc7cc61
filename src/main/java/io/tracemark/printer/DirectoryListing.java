package io.tracemark.printer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply to {@code ^HW} (Host Directory List). ZPL II guide: "Each line listing an object begins
 * with the asterisk (*) followed by a blank space. There are eight spaces for the object name, followed
 * by a period and three spaces for the extension. The extension is followed by two blank spaces, six
 * spaces for the object size, two blank spaces, and three spaces for option flags", between
 * {@code <STX>DIR R:} and {@code -xxxxxxx bytes free<ETX>}. Names up to 16 characters (long-filename
 * firmware) are read too.
 */
public final class DirectoryListing {

    private static final Pattern DRIVE = Pattern.compile("DIR\\s+([A-Z]:)");
    private static final Pattern OBJECT = Pattern.compile("\\*\\s*([A-Za-z0-9_\\-]{1,16})\\s*\\.([A-Za-z0-9]{1,3})\\s+(\\d+)");

    private DirectoryListing() {
    }

    /** Object names with their sizes in bytes, e.g. {@code E:TMCJK.TTF -> 4200000}. */
    public static Map<String, Long> parse(String reply) {
        Matcher d = DRIVE.matcher(reply);
        String drive = d.find() ? d.group(1) : "R:";
        Map<String, Long> objects = new LinkedHashMap<>();
        Matcher m = OBJECT.matcher(reply);
        while (m.find()) {
            objects.put((drive + m.group(1) + "." + m.group(2)).toUpperCase(Locale.ROOT), Long.parseLong(m.group(3)));
        }
        return objects;
    }

    /** The reply a printer holding {@code objects} on {@code drive} sends (used by the virtual printer). */
    public static String toWire(String drive, Map<String, Long> objects, long bytesFree) {
        StringBuilder out = new StringBuilder().append(HostStatus.STX).append("\r\nDIR ").append(drive).append("\r\n");
        objects.forEach((full, size) -> {
            String name = full.substring(2);
            int dot = name.lastIndexOf('.');
            out.append(String.format("* %-8s.%-3s  %6d  %3s\r\n", name.substring(0, dot), name.substring(dot + 1),
                    size, ""));
        });
        return out.append("\r\n-").append(bytesFree).append(" bytes free\r\n").append(HostStatus.ETX).toString();
    }
}
