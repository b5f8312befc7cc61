package io.tracemark.codes;

import java.util.Optional;

/** Calendar checks of the date linters ({@code yymmdd}, {@code yymmd0}, {@code yyyymmdd}, {@code yyyymmd0}). */
final class ValueRules {

    private ValueRules() {
    }

    /** YYMMDD; with {@code dayZeroAllowed}, DD=00 means "whole month" (GS1 GenSpecs 7.12). */
    static Optional<String> date(String yymmdd, boolean dayZeroAllowed) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        // GS1 resolves the century within a window around the current year (GenSpecs 7.12) that
        // always lands in 1951..2098 for today's dates, where "divisible by 4" is the exact rule.
        return monthAndDay(yymmdd, yymmdd.substring(2), yy % 4 == 0, dayZeroAllowed);
    }

    /** YYYYMMDD (AIs 7250, 7251), Gregorian leap years; DD=00 allowed with {@code dayZeroAllowed}. */
    static Optional<String> date4(String yyyymmdd, boolean dayZeroAllowed) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return monthAndDay(yyyymmdd, yyyymmdd.substring(4), leap, dayZeroAllowed);
    }

    private static Optional<String> monthAndDay(String date, String mmdd, boolean leap, boolean dayZeroAllowed) {
        int mm = Integer.parseInt(mmdd.substring(0, 2));
        int dd = Integer.parseInt(mmdd.substring(2, 4));
        if (mm < 1 || mm > 12) {
            return Optional.of("month " + mmdd.substring(0, 2) + " in date " + date + " is not 01-12");
        }
        if (dd == 0 && dayZeroAllowed) {
            return Optional.empty();
        }
        int days = switch (mm) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (dd < 1 || dd > days) {
            return Optional.of("day " + mmdd.substring(2, 4) + " in date " + date + " is not 01-" + days);
        }
        return Optional.empty();
    }
}
