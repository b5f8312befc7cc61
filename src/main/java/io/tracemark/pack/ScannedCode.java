package io.tracemark.pack;

import io.tracemark.codes.ElementString;
import io.tracemark.core.TracemarkException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger codes a scan may stand for. A reader sends GS1 data raw (AIs without brackets, GS between
 * variable-length fields, maybe after an AIM symbology identifier such as {@code ]d2}); a hand scanner as a
 * keyboard wedge types the same, often with the GS left out or typed as another character. The ledger keeps
 * GS1 codes bracketed, {@code (01)…(21)…}. So a scan is tried as given, then as a GS1 element string.
 */
final class ScannedCode {

    private static final List<String> AIM_GS1 = List.of("]d2", "]C1", "]Q3", "]e0", "]J1");

    private ScannedCode() {
    }

    /** The codes to look up for {@code scan}, the scan itself first. */
    static Set<String> candidates(String scan) {
        Set<String> out = new LinkedHashSet<>();
        String s = scan.strip();
        out.add(s);
        for (String aim : AIM_GS1) {
            if (s.startsWith(aim)) {
                s = s.substring(aim.length());
                break;
            }
        }
        for (char separator : new char[] {ElementString.GS, '|', '~'}) {
            try {
                out.add(ElementString.parseRaw(s, separator).toBracketed());
            } catch (TracemarkException | IllegalArgumentException notGs1) {
                // not an element string with this separator
            }
        }
        try {
            out.add(ElementString.parse(s).toBracketed());
        } catch (TracemarkException | IllegalArgumentException notGs1) {
            // not an element string
        }
        return out;
    }
}
