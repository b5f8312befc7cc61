package io.tracemark.pack;

import io.tracemark.core.TracemarkException;
import java.util.Map;

/**
 * A packing request broke a rule; nothing was changed. The message names the code, the parent and the numbers;
 * {@link #params()} gives the same values by name, for a panel that says it in the user's language.
 */
public class PackRefusedException extends TracemarkException {

    private final Refusal refusal;
    private final Map<String, String> params;

    public PackRefusedException(Refusal refusal, String message) {
        this(refusal, message, Map.of());
    }

    public PackRefusedException(Refusal refusal, String message, Map<String, String> params) {
        super(message);
        this.refusal = refusal;
        this.params = Map.copyOf(params);
    }

    /** Which rule refused the request. */
    public Refusal refusal() {
        return refusal;
    }

    /** The values the message names (code, role, unit, …), by name; empty where the rule gives none. */
    public Map<String, String> params() {
        return params;
    }
}
