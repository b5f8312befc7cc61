package io.tracemark.ledger;

import java.util.Optional;

/**
 * Checks one code against the rules of its scheme before it enters the ledger. Implemented by
 * adapting the code standards ({@code io.tracemark.codes}) or, for opaque platform codes, a pattern.
 */
@FunctionalInterface
public interface CodeValidator {

    /**
     * Checks one code.
     *
     * @param code the code, trimmed, never empty
     * @return why the code is not valid for the scheme, or empty when it is
     */
    Optional<String> problem(String code);

    /** Accepts every code that passes the ledger's own syntax rules (see {@link CodeSyntax}). */
    static CodeValidator anyCode() {
        return code -> Optional.empty();
    }
}
