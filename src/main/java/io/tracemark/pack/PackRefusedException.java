package io.tracemark.pack;

import io.tracemark.core.TracemarkException;

/** A packing request broke a rule; nothing was changed. The message names the code, the parent and the numbers. */
public class PackRefusedException extends TracemarkException {

    private final Refusal refusal;

    public PackRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    /** Which rule refused the request. */
    public Refusal refusal() {
        return refusal;
    }
}
