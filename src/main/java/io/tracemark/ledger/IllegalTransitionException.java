package io.tracemark.ledger;

import io.tracemark.core.CodeState;

/**
 * A state change that DESIGN.md section 2 does not allow (SENT to AVAILABLE, VERIFIED twice,
 * REJECTED to VERIFIED, ...). Thrown before anything is written: nothing changed.
 */
public class IllegalTransitionException extends LedgerException {

    private final String code;
    private final CodeState from;
    private final CodeState to;

    public IllegalTransitionException(String code, CodeState from, CodeState to, String where) {
        super("code " + code + ": " + from + " -> " + to + " is not allowed" + (where.isEmpty() ? "" : " (" + where + ")"));
        this.code = code;
        this.from = from;
        this.to = to;
    }

    public String code() {
        return code;
    }

    public CodeState from() {
        return from;
    }

    public CodeState to() {
        return to;
    }
}
