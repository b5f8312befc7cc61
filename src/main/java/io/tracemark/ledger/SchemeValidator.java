package io.tracemark.ledger;

import io.tracemark.codes.CodeScheme;
import io.tracemark.codes.Verdict;
import java.util.Optional;

/** Adapts a code standard ({@link CodeScheme}) to the ledger's import check. */
public final class SchemeValidator {

    private SchemeValidator() {
    }

    /**
     * A validator refusing every code the scheme finds invalid, with the scheme's reason
     * ({@code invalid: check digit should be 2}). Codes valid with warnings are accepted.
     */
    public static CodeValidator of(CodeScheme scheme) {
        return code -> {
            Verdict verdict = scheme.validate(code);
            return verdict.valid() ? Optional.empty() : Optional.of(verdict.reason());
        };
    }
}
