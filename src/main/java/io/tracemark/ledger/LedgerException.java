package io.tracemark.ledger;

import io.tracemark.core.TracemarkException;

/** The ledger refused a request (unknown job, job ended, not enough codes, ...); nothing changed. */
public class LedgerException extends TracemarkException {

    public LedgerException(String message) {
        super(message);
    }
}
