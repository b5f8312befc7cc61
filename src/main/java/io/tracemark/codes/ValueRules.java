package io.tracemark.codes;

import io.tracemark.codes.ApplicationIdentifier.ValueRule;
import java.util.Optional;

/** The checks behind {@link ValueRule}; the value already has the right length and characters. */
final class ValueRules {

    private ValueRules() {
    }

    static Optional<String> check(ValueRule rule, String value) {
        return switch (rule) {
            case NONE -> Optional.empty();
            case CHECK_DIGIT -> Gs1CheckDigit.problem(value);
            case DATE -> date(value, true);
            case DATE_TIME -> dateTime(value);
            case COUNTRY -> Iso3166.isNumericCode(value)
                    ? Optional.empty()
                    : Optional.of(value + " is not an ISO 3166-1 numeric country code");
            case ITIP -> itip(value);
        };
    }

    /** YYMMDD; with {@code dayZeroAllowed}, DD=00 means "whole month" (GS1 GenSpecs 7.12). */
    static Optional<String> date(String yymmdd, boolean dayZeroAllowed) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        if (mm < 1 || mm > 12) {
            return Optional.of("month " + yymmdd.substring(2, 4) + " in date " + yymmdd + " is not 01-12");
        }
        if (dd == 0 && dayZeroAllowed) {
            return Optional.empty();
        }
        int days = daysIn(yy, mm);
        if (dd < 1 || dd > days) {
            return Optional.of("day " + yymmdd.substring(4, 6) + " in date " + yymmdd + " is not 01-" + days);
        }
        return Optional.empty();
    }

    private static Optional<String> dateTime(String value) {
        Optional<String> date = date(value.substring(0, 6), false);
        if (date.isPresent()) {
            return date;
        }
        int hh = Integer.parseInt(value.substring(6, 8));
        int mi = Integer.parseInt(value.substring(8, 10));
        if (hh > 23 || mi > 59) {
            return Optional.of("time " + value.substring(6) + " in " + value + " is not hhmm (00-23, 00-59)");
        }
        return Optional.empty();
    }

    private static Optional<String> itip(String value) {
        Optional<String> check = Gs1CheckDigit.problem(value.substring(0, 14));
        if (check.isPresent()) {
            return check;
        }
        int piece = Integer.parseInt(value.substring(14, 16));
        int total = Integer.parseInt(value.substring(16, 18));
        if (piece < 1 || total < 1 || piece > total) {
            return Optional.of("piece " + piece + " of " + total + " must be between 1 and the total");
        }
        return Optional.empty();
    }

    /**
     * Days in a month of a two-digit year. GS1 resolves the century within a window around the
     * current year (GenSpecs 7.12) that always lands in 1951..2098 for today's dates, where
     * "divisible by 4" is the exact leap-year rule (2000 was a leap year, 1900 is outside it).
     */
    private static int daysIn(int yy, int mm) {
        return switch (mm) {
            case 2 -> yy % 4 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
