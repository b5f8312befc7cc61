package io.tracemark.codes;

import java.util.Optional;

/**
 * The North American coupon linters of AIs 8110 ({@code couponcode}) and 8112
 * ({@code couponposoffer}): fields led by variable length indicators (VLI), as the GS1 US
 * "North American Coupon Application Guideline Using GS1 DataBar Expanded Symbols" lays them out
 * and the GS1 Barcode Syntax Tests (lint_couponcode.c, lint_couponposoffer.c) check them.
 */
final class CouponLinters {

    private CouponLinters() {
    }

    /** A refusal inside a coupon, naming the field. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the digits of one coupon from left to right. */
    private static final class Cursor {
        private final String data;
        private int pos;

        Cursor(String data) {
            this.data = data;
        }

        boolean more() {
            return pos < data.length();
        }

        boolean nextIs(char c) {
            return more() && data.charAt(pos) == c;
        }

        char digit(String field, String allowed) {
            if (!more()) {
                throw new Refused(field + " is missing");
            }
            char c = data.charAt(pos++);
            if (allowed.indexOf(c) < 0) {
                throw new Refused(field + " '" + c + "' is not one of " + allowed);
            }
            return c;
        }

        String take(String field, int length) {
            if (data.length() - pos < length) {
                throw new Refused(field + " needs " + length + " digits, only " + (data.length() - pos) + " left");
            }
            String s = data.substring(pos, pos + length);
            pos += length;
            return s;
        }

        /** A VLI digit from {@code allowed} and the field of that length plus {@code extra}. */
        String vliField(String field, String allowed, int extra) {
            int vli = digit(field + " length indicator", allowed) - '0';
            return take(field, vli + extra);
        }

        void companyPrefix(String field, String allowed) {
            String gcp = vliField(field, allowed, 6);
            Gs1Linters.companyPrefixAt(gcp, 0).ifPresent(p -> {
                throw new Refused(field + ": " + p);
            });
        }

        void end() {
            if (more()) {
                throw new Refused("excess data '" + data.substring(pos) + "' after the last field");
            }
        }
    }

    /** AI 8110: the coupon code of the North American coupon guideline. */
    static Optional<String> couponCode(String data) {
        return check(data, c -> {
            c.companyPrefix("company prefix", "0123456");
            c.take("offer code", 6);
            c.vliField("save value", "12345", 0);
            purchase(c, "1st purchase", false);
            if (c.nextIs('1')) {
                c.digit("option", "1");
                c.digit("additional purchase rules code", "0123");
                purchase(c, "2nd purchase", true);
            }
            if (c.nextIs('2')) {
                c.digit("option", "2");
                purchase(c, "3rd purchase", true);
            }
            String expiry = null;
            if (c.nextIs('3')) {
                c.digit("option", "3");
                expiry = date(c, "expiration date");
            }
            if (c.nextIs('4')) {
                c.digit("option", "4");
                String start = date(c, "start date");
                if (expiry != null && start.compareTo(expiry) > 0) {
                    throw new Refused("start date " + start + " is after the expiration date " + expiry);
                }
            }
            if (c.nextIs('5')) {
                c.digit("option", "5");
                c.vliField("serial number", "0123456789", 6);
            }
            if (c.nextIs('6')) {
                c.digit("option", "6");
                c.companyPrefix("retailer company prefix or GLN", "1234567");
            }
            if (c.nextIs('9')) {
                c.digit("option", "9");
                c.digit("save value code", "01256");
                c.digit("save value applies to item", "012");
                c.digit("store coupon flag", "0123456789");
                c.digit("don't multiply flag", "01");
            }
            c.end();
        });
    }

    /** AI 8112: the positive offer file coupon. */
    static Optional<String> positiveOffer(String data) {
        return check(data, c -> {
            c.digit("format code", "01");
            c.vliField("funder ID", "0123456", 6);
            c.take("offer code", 6);
            c.vliField("serial number", "0123456789", 6);
            c.end();
        });
    }

    private static void purchase(Cursor c, String which, boolean withCompanyPrefix) {
        c.vliField(which + " requirement", "12345", 0);
        c.digit(which + " requirement code", "012349");
        c.take(which + " family code", 3);
        if (withCompanyPrefix) {
            if (c.nextIs('9')) {
                c.digit(which + " company prefix length indicator", "9");
            } else {
                c.companyPrefix(which + " company prefix", "0123456");
            }
        }
    }

    private static String date(Cursor c, String field) {
        String d = c.take(field, 6);
        ValueRules.date(d, false).ifPresent(p -> {
            throw new Refused(field + ": " + p);
        });
        return d;
    }

    private static Optional<String> check(String data, java.util.function.Consumer<Cursor> fields) {
        if (!data.chars().allMatch(Character::isDigit)) {
            return Optional.of("a coupon is digits only");
        }
        try {
            fields.accept(new Cursor(data));
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of("coupon " + e.getMessage());
        }
    }
}
