package io.tracemark.verify;

import io.tracemark.codes.DigitalLink;
import io.tracemark.codes.ElementString;
import io.tracemark.core.TracemarkException;
import java.util.Optional;

/** Decoded data in canonical form, so that equal codes compare equal however they were encoded. */
public final class Content {

    private static final int MAX_PRINTABLE = 120;

    private Content() {
    }

    /**
     * The GS1 element string in decoded data: raw data under a GS1 symbology identifier, or a
     * Digital Link URI. Empty when the data holds none.
     */
    public static Optional<ElementString> elementString(String data, String symbologyId) {
        try {
            if (Symbology.gs1(symbologyId)) {
                return Optional.of(ElementString.parseRaw(data, ElementString.GS));
            }
            if (data.startsWith("http://") || data.startsWith("https://")) {
                return Optional.of(DigitalLink.parse(data));
            }
        } catch (TracemarkException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The canonical form used to compare codes (e.g. to find duplicates): the bracketed element string
     * for GS1 data and Digital Links, otherwise the text itself.
     */
    public static String canonical(String data, String symbologyId) {
        return elementString(data, symbologyId).map(ElementString::toBracketed).orElse(data);
    }

    /** The data with control characters shown as {@code <GS>} / {@code \xNN}, cut to a readable length. */
    public static String printable(String data) {
        if (data.length() < MAX_PRINTABLE && plain(data)) {
            return data;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length() && sb.length() < MAX_PRINTABLE; i++) {
            char c = data.charAt(i);
            if (c == 29) {
                sb.append("<GS>");
            } else if (c < 32 || c == 127) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_PRINTABLE) {
            sb.setLength(MAX_PRINTABLE);
            sb.append("…");
        }
        return sb.toString();
    }

    private static boolean plain(String data) {
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < 32 || c == 127) {
                return false;
            }
        }
        return true;
    }
}
