package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Uncompressed GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax 1.x):
 * {@code https://id.example.cn/01/06912345678904/10/L1/21/ABC?17=271231}. The primary key and its
 * qualifiers (in their fixed order, e.g. 22, 10, 21 after 01) form the path; every other AI goes
 * into the query string as a data attribute. Values are percent-encoded.
 */
public final class DigitalLink {

    private static final String WHAT = "GS1 Digital Link";

    /** Primary keys tracemark supports, each with its qualifiers in the order the path must have. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "01", List.of("22", "10", "21"),
            "00", List.of(),
            "414", List.of("254"),
            "417", List.of(),
            "8006", List.of("22", "10", "21"),
            "402", List.of());

    private DigitalLink() {
    }

    /** Whether {@code ai} may be the primary key of a Digital Link. */
    public static boolean isPrimaryKey(String ai) {
        return KEYS.containsKey(ai);
    }

    /**
     * Builds the URI for {@code data} under {@code base} (scheme and host, optionally a path, e.g.
     * {@code https://id.example.cn}). The first primary-key AI in {@code data} becomes the key.
     *
     * @throws InvalidInputException if {@code data} is invalid or holds no primary key
     */
    public static String build(ElementString data, String base) {
        List<Problem> problems = new ArrayList<>(data.validate());
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            problems.add(new Problem("base", "'" + base + "' must start with http:// or https://"));
        }
        Element key = data.elements().stream().filter(e -> isPrimaryKey(e.ai())).findFirst().orElse(null);
        if (key == null) {
            problems.add(new Problem("", "no primary key: needs one of (01), (00), (414), (417), (8006), (402)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(WHAT, problems);
        }
        StringBuilder uri = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        uri.append('/').append(key.ai()).append('/').append(encode(key.value()));
        List<String> qualifiers = KEYS.get(key.ai());
        for (String q : qualifiers) {
            data.get(q).ifPresent(v -> uri.append('/').append(q).append('/').append(encode(v)));
        }
        char joiner = '?';
        for (Element e : data.elements()) {
            if (e != key && !qualifiers.contains(e.ai())) {
                uri.append(joiner).append(e.ai()).append('=').append(encode(e.value()));
                joiner = '&';
            }
        }
        return uri.toString();
    }

    /**
     * Reads a Digital Link URI back into its element string (key, qualifiers, then query data
     * attributes). Query parameters that are not AIs (e.g. {@code linkType}) are ignored. A GTIN-8,
     * -12 or -13 in the path is padded to 14 digits.
     *
     * @throws InvalidInputException listing every reason the URI is refused: not http(s), no
     *                               primary key, qualifiers out of order or foreign to the key,
     *                               bad percent-encoding, invalid values
     */
    public static ElementString parse(String uri) {
        return new DigitalLinkReader(uri).read();
    }

    /** Percent-encodes a value: everything but {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX} (UTF-8). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8); {@code +} stays a plus sign.
     *
     * @throws IllegalArgumentException on a broken escape
     */
    public static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("broken percent-encoding at '"
                            + text.substring(i, Math.min(text.length(), i + 3)) + "'");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static List<String> qualifiersOf(String key) {
        return KEYS.get(key);
    }
}
