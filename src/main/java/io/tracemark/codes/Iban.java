package io.tracemark.codes;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 13616 IBAN (AI 8007): an ISO 3166-1 alpha-2 country code, two check digits, then up to 30
 * letters and digits; moved to the end, letters as 10..35, the number is 1 modulo 97.
 */
final class Iban {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_LENGTH = 34;

    private Iban() {
    }

    static Optional<String> problem(String v) {
        if (v.length() < 5 || v.length() > MAX_LENGTH) {
            return Optional.of("an IBAN has 5 to " + MAX_LENGTH + " characters, not " + v.length());
        }
        if (!COUNTRIES.contains(v.substring(0, 2))) {
            return Optional.of("IBAN " + v + " does not start with an ISO 3166-1 alpha-2 country code");
        }
        if (!Character.isDigit(v.charAt(2)) || !Character.isDigit(v.charAt(3))) {
            return Optional.of("IBAN " + v + ": positions 3-4 must be check digits");
        }
        String rearranged = v.substring(4) + v.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.digit(c, 36);
            if (value < 0 || Character.isLowerCase(c)) {
                return Optional.of("IBAN " + v + ": '" + c + "' is not a digit or capital letter");
            }
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder == 1 ? Optional.empty() : Optional.of("IBAN " + v + " fails its mod-97 check");
    }
}
