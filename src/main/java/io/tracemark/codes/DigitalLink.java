package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Uncompressed GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax 1.x):
 * {@code https://id.example.cn/01/06912345678904/10/L1/21/ABC?17=271231}. Which AIs may be a
 * primary key, their qualifiers and the qualifiers' order ({@code dlpkey}, with alternative
 * sequences such as {@code 22,10,21|235} for (01)) and which AIs may stand in the query string as
 * data attributes (flag {@code ?}) come from the GS1 Barcode Syntax Dictionary. Values are
 * percent-encoded.
 */
public final class DigitalLink {

    private static final String WHAT = "GS1 Digital Link";

    private DigitalLink() {
    }

    /** Whether {@code ai} may be the primary key of a Digital Link. */
    public static boolean isPrimaryKey(String ai) {
        return SyntaxDictionary.find(ai).map(ApplicationIdentifier::primaryKey).orElse(false);
    }

    /**
     * Builds the URI for {@code data} under {@code base} (scheme and host, optionally a path, e.g.
     * {@code https://id.example.cn}). The first primary-key AI in {@code data} becomes the key, its
     * qualifiers follow in the path in their order, every other AI goes into the query.
     *
     * @throws InvalidInputException if {@code data} is invalid, holds no primary key, mixes
     *                               qualifier sequences, or holds an AI that may not be a data attribute
     */
    public static String build(ElementString data, String base) {
        List<Problem> problems = new ArrayList<>(data.validate());
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            problems.add(new Problem("base", "'" + base + "' must start with http:// or https://"));
        }
        Element key = data.elements().stream().filter(e -> isPrimaryKey(e.ai())).findFirst().orElse(null);
        List<String> qualifiers = List.of();
        if (key == null) {
            problems.add(new Problem("", "no primary key: needs one of " + primaryKeys()));
        } else {
            List<String> present = data.elements().stream().map(Element::ai)
                    .filter(ai -> qualifierSequences(key.ai()).stream().anyMatch(seq -> seq.contains(ai))).toList();
            qualifiers = qualifierSequences(key.ai()).stream().filter(seq -> seq.containsAll(present)).findFirst()
                    .orElse(null);
            if (qualifiers == null) {
                problems.add(new Problem("", "qualifiers " + present + " of (" + key.ai() + ") do not go together: "
                        + sequences(key.ai())));
                qualifiers = List.of();
            }
            for (Element e : data.elements()) {
                if (e != key && !qualifiers.contains(e.ai()) && !dataAttribute(e.ai())) {
                    problems.add(new Problem("(" + e.ai() + ")", "may not be a Digital Link data attribute"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(WHAT, problems);
        }
        StringBuilder uri = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        uri.append('/').append(key.ai()).append('/').append(encode(key.value()));
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
     * attributes). The path may have a prefix before the primary key. Query parameters that are
     * not AIs (e.g. {@code linkType}) are ignored. A GTIN in the path must have 14 digits.
     *
     * @throws InvalidInputException listing every reason the URI is refused: not lower-case
     *                               http(s), no primary key, qualifiers out of order or foreign to
     *                               the key, AIs that may not be data attributes in the query, bad
     *                               percent-encoding, invalid values
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

    /** The alternative qualifier sequences of primary key {@code key} (one empty sequence when it has none). */
    static List<List<String>> qualifierSequences(String key) {
        return SyntaxDictionary.find(key).flatMap(ApplicationIdentifier::keyQualifiers).orElse(List.of());
    }

    /** Whether {@code ai} may stand in the query string (dictionary flag {@code ?}). */
    static boolean dataAttribute(String ai) {
        return SyntaxDictionary.find(ai).map(ApplicationIdentifier::dataAttribute).orElse(false);
    }

    /** {@code 22 -> 10 -> 21 or 235}. */
    static String sequences(String key) {
        List<List<String>> seqs = qualifierSequences(key);
        if (seqs.stream().allMatch(List::isEmpty)) {
            return "(" + key + ") takes no qualifiers";
        }
        return "after (" + key + ") the order is " + String.join(" or ", seqs.stream()
                .map(seq -> String.join(" -> ", seq)).toList());
    }

    private static String primaryKeys() {
        return String.join(", ", SyntaxDictionary.all().stream().filter(ApplicationIdentifier::primaryKey)
                .map(ai -> "(" + ai.ai() + ")").toList());
    }
}
