package io.tracemark.printer;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-label print confirmation with {@code ^HV} (ZPL II Programming Guide, ^HV Host Verification:
 * "Use this command to return data from specified fields, along with an optional ASCII header, to the
 * host computer"; parameter a = L: "send one response ... for every label printed"). The driver adds a
 * field numbered {@value #FIELD} holding the unit id and asks for it back with header
 * {@value #HEADER} and CR LF; the field has no {@code ^FO} and is not in the stored format, so it
 * places nothing on the label. Only used with stored formats ({@code ^XF} recalls).
 */
final class HostVerification {

    static final int FIELD = 9999;
    static final String HEADER = "TMHV:";
    private static final Pattern REPLY = Pattern.compile(Pattern.quote(HEADER) + "\\s*(-?\\d{1,19})[\\s\\x00]*");

    private HostVerification() {
    }

    /** {@code zpl} with the unit's verification field before its last {@code ^XZ}. */
    static String append(String zpl, long unitId) {
        int end = zpl.lastIndexOf("^XZ");
        if (end < 0 || !zpl.contains("^XF")) {
            throw new IllegalArgumentException("unit " + unitId + ": host verification confirms ^XF recalls of a"
                    + " stored format ending in ^XZ, and this label is not one");
        }
        // ^HV's header and terminator are ^FH capable: _3A is ':' and _0D_0A is CR LF
        String field = "^FN" + FIELD + "^FD" + unitId + "^FS^FH_^HV" + FIELD + ",20,TMHV_3A,_0D_0A,L^FS";
        return zpl.substring(0, end) + field + zpl.substring(end);
    }

    /** The unit id a reply line confirms, or empty when the line is not a verification reply. */
    static OptionalLong parse(String line) {
        Matcher m = REPLY.matcher(line);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
