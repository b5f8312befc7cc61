package io.tracemark.codes;

import java.util.Optional;

/**
 * The rule master data applies to a producer's USCC: a valid code is accepted; a code whose check
 * character fails ({@linkplain Verdict#confirmable() confirmable}) only once a person has confirmed
 * it with the registration authority; any other invalid code never.
 */
public final class UsccRegistration {

    private static final UsccScheme SCHEME = new UsccScheme();

    private UsccRegistration() {
    }

    /**
     * Why {@code uscc} may not be registered, if it may not.
     *
     * @param confirmed whether a person's confirmation of this very code is on record
     */
    public static Optional<String> refusal(String uscc, boolean confirmed) {
        Verdict v = SCHEME.validate(uscc);
        if (v.valid() || (v.confirmable() && confirmed)) {
            return Optional.empty();
        }
        return Optional.of(v.confirmable()
                ? v.reason() + "; it is accepted only once a person confirms it" : v.reason());
    }

    /** Why a person may not confirm {@code uscc}: it is valid (nothing to confirm) or invalid beyond its check. */
    public static Optional<String> confirmationRefusal(String uscc) {
        Verdict v = SCHEME.validate(uscc);
        if (v.confirmable()) {
            return Optional.empty();
        }
        return Optional.of(v.valid() ? "USCC " + uscc + " is valid: there is nothing to confirm"
                : "USCC " + uscc + " cannot be confirmed, it is " + v.reason());
    }
}
