package io.tracemark.platform.reference;

import io.tracemark.codes.OpaqueScheme;
import io.tracemark.codes.RandomSerials;
import io.tracemark.platform.wire.CodePattern;
import io.tracemark.platform.wire.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generates activated codes per scheme: GS1 serials per GTIN (element string {@code (01)…(21)…} or
 * Digital Link URI), random by default and then an explicit list, or counted as a numeric interval
 * when the product's {@link SerialSettings} say sequential; and opaque digital identity codes
 * (random, as an explicit list).
 */
final class CodeGenerator {

    /** Digits of a GS1 serial (AI 21 allows up to 20 characters). */
    static final int SERIAL_WIDTH = 10;
    /** Characters of an opaque code after its prefix: no I, O (read as 1, 0). */
    private static final String OPAQUE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int OPAQUE_LENGTH = 16;

    /**
     * What was generated: either an interval or an explicit list.
     *
     * @param serialPrefix for GS1 codes, what precedes the serial in each code; null for opaque codes
     */
    record Generated(CodePattern pattern, List<String> codes, String serialPrefix) {
        long count() {
            return pattern != null ? pattern.count() : codes.size();
        }

        List<String> all() {
            return pattern != null ? pattern.expand() : codes;
        }
    }

    private final Random random;
    private final Supplier<String> resolverBase;

    CodeGenerator(Random random, Supplier<String> resolverBase) {
        this.random = random;
        this.resolverBase = resolverBase;
    }

    /** The station's opaque scheme for this platform's digital identity codes: GD + product letters + 16 characters. */
    static OpaqueScheme digitalIdentityScheme() {
        return OpaqueScheme.of("digital-identity", "GD[A-Z0-9]{1,40}[0-9A-HJ-NP-Z]{16}", 64);
    }

    /** Schemes this platform can issue. */
    static boolean issues(String scheme) {
        return "gs1".equals(scheme) || "digital-link".equals(scheme) || "digital-identity".equals(scheme);
    }

    Generated generate(Connection c, Product product, SerialSettings serials, String scheme, int quantity)
            throws SQLException {
        return switch (scheme) {
            case "gs1" -> gs1(c, product, serials, quantity, "(01)" + product.gtin() + "(21)");
            case "digital-link" -> gs1(c, product, serials, quantity,
                    resolverBase.get() + "/01/" + product.gtin() + "/21/");
            case "digital-identity" -> opaque(c, product, quantity);
            default -> throw ApiException.badRequest("scheme", "this platform does not issue '" + scheme + "'");
        };
    }

    private Generated gs1(Connection c, Product product, SerialSettings serials, int quantity, String prefix)
            throws SQLException {
        long first = PlatformDatabase.next(c, "serial:" + product.gtin(), quantity);
        if (!serials.random()) {
            return new Generated(new CodePattern(prefix, first, first + quantity - 1, SERIAL_WIDTH, ""), null, prefix);
        }
        RandomSerials draw;
        try {
            // sized for every serial this GTIN has had, so the guessing limit covers all codes in circulation
            draw = new RandomSerials(serials.alphabet(), serials.length(), first + quantity - 1, random);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("serials", "product " + product.id() + ": " + e.getMessage());
        }
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < quantity) {
            String code = prefix + draw.next();
            if (!exists(c, code)) {
                codes.add(code);
            }
        }
        return new Generated(null, new ArrayList<>(codes), prefix);
    }

    private Generated opaque(Connection c, Product product, int quantity) throws SQLException {
        String prefix = "GD" + product.id().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < quantity) {
            String code = prefix + randomChars();
            if (!exists(c, code)) {
                codes.add(code);
            }
        }
        return new Generated(null, new ArrayList<>(codes), null);
    }

    private String randomChars() {
        StringBuilder sb = new StringBuilder(OPAQUE_LENGTH);
        for (int i = 0; i < OPAQUE_LENGTH; i++) {
            sb.append(OPAQUE_ALPHABET.charAt(random.nextInt(OPAQUE_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean exists(Connection c, String code) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM codes WHERE code = ?")) {
            ps.setString(1, code);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A GTIN-14 from a GS1 company prefix and an item reference, with its check digit. */
    static String gtin(String companyPrefix, long itemReference) {
        String body = "0" + companyPrefix;
        String item = Long.toString(itemReference);
        body += "0".repeat(13 - body.length() - item.length()) + item;
        return body + checkDigit(body);
    }

    /** GS1 mod-10 check digit of the digits given (weights 3,1,3… from the right). */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? 3 * d : d;
        }
        return (10 - sum % 10) % 10;
    }
}
