package io.tracemark.codes;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GS1 Barcode Syntax Tests ("linters") that the syntax dictionary names beside AI components,
 * each written from the rule its reference implementation documents (gs1/gs1-syntax-dictionary
 * {@code src/lint_*.c}) and the GS1 General Specifications section it cites. A linter gets one
 * component's text (charset and length already checked) and says what is wrong with it, if anything.
 */
final class Gs1Linters {

    /** ISO 3166-1 alpha-2 codes as the JDK carries them (officially assigned codes). */
    private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());

    /** ISO 4217 numeric codes as the JDK's currency data carries them. */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getNumericCode() > 0)
            .map(c -> String.format("%03d", c.getNumericCode())).collect(Collectors.toUnmodifiableSet());

    /** EU 2018/574 importer index characters (GS1 GenSpecs, traceability of tobacco products). */
    private static final String IMPORTER_INDEX = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /** Shortest GS1 Company Prefix (GenSpecs 1.4.3: a GS1-8 prefix normalised, at least four digits). */
    private static final int GCP_MIN_LENGTH = 4;

    /** Names of the linters and what each checks. */
    private static final Map<String, Function<String, Optional<String>>> LINTERS = Map.ofEntries(
            Map.entry("csum", Gs1CheckDigit::problem),
            Map.entry("csumalpha", AlphanumericCheckPair::problem),
            Map.entry("gcppos1", v -> companyPrefixAt(v, 0)),
            Map.entry("gcppos2", v -> companyPrefixAt(v, 1)),
            Map.entry("yymmdd", v -> ValueRules.date(v, false)),
            Map.entry("yymmd0", v -> ValueRules.date(v, true)),
            Map.entry("yyyymmdd", v -> ValueRules.date4(v, false)),
            Map.entry("yyyymmd0", v -> ValueRules.date4(v, true)),
            Map.entry("hh", v -> range(v, "hour", 23)),
            Map.entry("mi", v -> range(v, "minute", 59)),
            Map.entry("ss", v -> range(v, "second", 59)),
            Map.entry("hhmi", v -> range(v.substring(0, 2), "hour", 23).or(() -> range(v.substring(2), "minute", 59))),
            Map.entry("iso3166", v -> Iso3166.isNumericCode(v) ? Optional.empty()
                    : Optional.of(v + " is not an ISO 3166-1 numeric country code")),
            Map.entry("iso3166999", v -> v.equals("999") || Iso3166.isNumericCode(v) ? Optional.empty()
                    : Optional.of(v + " is neither an ISO 3166-1 numeric country code nor 999")),
            Map.entry("iso3166alpha2", v -> ALPHA2.contains(v) ? Optional.empty()
                    : Optional.of(v + " is not an ISO 3166-1 alpha-2 country code")),
            Map.entry("iso4217", v -> CURRENCIES.contains(v) ? Optional.empty()
                    : Optional.of(v + " is not an ISO 4217 numeric currency code")),
            Map.entry("iso5218", v -> oneOf(v, "0129", "an ISO/IEC 5218 sex code (0, 1, 2 or 9)")),
            Map.entry("yesno", v -> oneOf(v, "01", "0 (no) or 1 (yes)")),
            Map.entry("winding", v -> oneOf(v, "019", "a winding direction 0, 1 or 9")),
            Map.entry("zero", v -> oneOf(v, "0", "0")),
            Map.entry("hyphen", v -> v.equals("-") ? Optional.empty() : Optional.of("'" + v + "' must be '-'")),
            Map.entry("nonzero", v -> v.chars().allMatch(c -> c == '0') ? Optional.of(v + " must not be zero")
                    : Optional.empty()),
            Map.entry("nozeroprefix", v -> v.startsWith("0") ? Optional.of(v + " must not start with 0")
                    : Optional.empty()),
            Map.entry("hasnondigit", v -> v.chars().allMatch(Character::isDigit)
                    ? Optional.of(v + " must contain a character other than a digit") : Optional.empty()),
            Map.entry("latitude", v -> Long.parseLong(v) > 1_800_000_000L
                    ? Optional.of("latitude " + v + " is more than 1800000000 (90° + 90° in 10⁻⁷ degrees)") : Optional.empty()),
            Map.entry("longitude", v -> Long.parseLong(v) > 3_600_000_000L
                    ? Optional.of("longitude " + v + " is more than 3600000000 (180° + 180° in 10⁻⁷ degrees)")
                    : Optional.empty()),
            Map.entry("pcenc", Gs1Linters::percentEncoding),
            Map.entry("pieceoftotal", Gs1Linters::pieceOfTotal),
            Map.entry("posinseqslash", Gs1Linters::positionInSequence),
            Map.entry("importeridx", v -> v.length() == 1 && IMPORTER_INDEX.indexOf(v.charAt(0)) >= 0 ? Optional.empty()
                    : Optional.of("'" + v + "' is not an importer index (one of - 0-9 A-Z _ a-z)")),
            Map.entry("mediatype", Gs1Linters::mediaType),
            Map.entry("packagetype", v -> PackageTypes.contains(v) ? Optional.empty()
                    : Optional.of(v + " is not a package type code of UN/ECE Recommendation 21 or GS1")),
            Map.entry("iban", Iban::problem),
            Map.entry("couponcode", CouponLinters::couponCode),
            Map.entry("couponposoffer", CouponLinters::positiveOffer));

    private Gs1Linters() {
    }

    /** Whether a linter of this name exists. */
    static boolean known(String name) {
        return LINTERS.containsKey(name);
    }

    /** What linter {@code name} finds wrong with {@code component}, if anything. */
    static Optional<String> lint(String name, String component) {
        Function<String, Optional<String>> linter = LINTERS.get(name);
        if (linter == null) {
            throw new IllegalStateException("GS1 syntax dictionary names linter '" + name + "' that tracemark lacks");
        }
        return linter.apply(component);
    }

    /**
     * The {@code gcppos1} / {@code gcppos2} linters: the component starts with a GS1 Company Prefix
     * at its first ({@code offset} 0) or second ({@code offset} 1) character.
     *
     * <p>What the standard checks, and no more: the GS1 Syntax Engine's {@code lint_gcppos1.c}
     * (gs1/gs1-syntax-engine, {@code src/c-lib/syntax/}, Apache-2.0) requires at least
     * {@code GCP_MIN_LENGTH} = {@value #GCP_MIN_LENGTH} characters ("currently the shortest GS1 Company
     * Prefix is four digits") and that each of them is a digit; {@code lint_gcppos2.c} applies the same
     * check from the second character (and calls a component shorter than two characters too short).
     * The engine ships no table of allocated prefixes: whether a prefix is actually allocated is left
     * to an optional lookup service the user compiles in ({@code GS1_LINTER_CUSTOM_GCP_LOOKUP}, fed
     * the GCP as is, a UPC Company Prefix with "0" prefixed, or a GS1-8 prefix with "00000"), and GS1
     * publishes no such register for offline use. So a well-formed but unallocated prefix passes here
     * as it passes the engine; only a GS1 Company Prefix lookup (GEPIR / Verified by GS1) can say more.
     * The dictionary's older {@code key} and {@code keyoff1} linters are stubs in the engine that
     * accept everything ({@code lint__stubs.c}: "no longer referenced by the Syntax Dictionary"); the
     * shipped dictionary names {@code gcppos1} / {@code gcppos2} in their place.
     */
    static Optional<String> companyPrefixAt(String v, int offset) {
        if (v.length() < offset + GCP_MIN_LENGTH) {
            return Optional.of("'" + v + "' is too short to hold a GS1 Company Prefix from position " + (offset + 1));
        }
        for (int i = offset; i < offset + GCP_MIN_LENGTH; i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return Optional.of("'" + v + "' must start with a GS1 Company Prefix (digits) at position " + (offset + 1)
                        + ", found '" + v.charAt(i) + "' at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> range(String v, String what, int max) {
        return Integer.parseInt(v) > max ? Optional.of(what + " " + v + " is not 00-" + max) : Optional.empty();
    }

    private static Optional<String> oneOf(String v, String allowed, String description) {
        return v.length() == 1 && allowed.indexOf(v.charAt(0)) >= 0 ? Optional.empty()
                : Optional.of("'" + v + "' must be " + description);
    }

    /** RFC 3986 percent-encoding: every {@code %} is followed by two hex digits. */
    private static Optional<String> percentEncoding(String v) {
        for (int i = v.indexOf('%'); i >= 0; i = v.indexOf('%', i + 3)) {
            if (i + 2 >= v.length() || Character.digit(v.charAt(i + 1), 16) < 0 || Character.digit(v.charAt(i + 2), 16) < 0) {
                return Optional.of("broken percent-encoding at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** Piece number then total count, each half the digits; 1 <= piece <= total. */
    private static Optional<String> pieceOfTotal(String v) {
        int half = v.length() / 2;
        int piece = Integer.parseInt(v.substring(0, half));
        int total = Integer.parseInt(v.substring(half));
        if (v.length() % 2 != 0 || piece < 1 || total < 1 || piece > total) {
            return Optional.of("piece " + piece + " of " + total + " must be between 1 and the total");
        }
        return Optional.empty();
    }

    /** {@code <pos>/<end>}: numbers without leading zeros, 1 <= pos <= end. */
    private static Optional<String> positionInSequence(String v) {
        if (!v.matches("[1-9][0-9]*/[1-9][0-9]*")) {
            return Optional.of("'" + v + "' is not a position in a sequence such as 1/2");
        }
        String[] parts = v.split("/");
        return Long.parseLong(parts[0]) > Long.parseLong(parts[1])
                ? Optional.of("position " + parts[0] + " is after the end " + parts[1]) : Optional.empty();
    }

    /** GS1 AIDC media type code list: 01-10 assigned, 80-99 for company-internal use (lint_mediatype.c). */
    private static Optional<String> mediaType(String v) {
        int n = Integer.parseInt(v);
        return (n >= 1 && n <= 10) || n >= 80 ? Optional.empty()
                : Optional.of(v + " is not an AIDC media type (01-10, 80-99)");
    }
}
