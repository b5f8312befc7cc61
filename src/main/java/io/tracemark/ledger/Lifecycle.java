package io.tracemark.ledger;

import io.tracemark.core.CodeState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal state changes of a code or unit (DESIGN.md section 2):
 * AVAILABLE -> ALLOCATED -> SENT -> VERIFIED | REJECTED | VOIDED; ALLOCATED -> AVAILABLE (release);
 * AVAILABLE -> RETURNED (given back to the platform); AVAILABLE -> QUARANTINED (after a restore, a code the
 * replaced database may have sent; an ALLOCATED one is released first). Nothing else.
 */
public final class Lifecycle {

    private static final Map<CodeState, Set<CodeState>> NEXT = Map.of(
            CodeState.AVAILABLE, EnumSet.of(CodeState.ALLOCATED, CodeState.RETURNED, CodeState.QUARANTINED),
            CodeState.ALLOCATED, EnumSet.of(CodeState.SENT, CodeState.AVAILABLE),
            CodeState.SENT, EnumSet.of(CodeState.VERIFIED, CodeState.REJECTED, CodeState.VOIDED),
            CodeState.VERIFIED, EnumSet.noneOf(CodeState.class),
            CodeState.REJECTED, EnumSet.noneOf(CodeState.class),
            CodeState.VOIDED, EnumSet.noneOf(CodeState.class),
            CodeState.RETURNED, EnumSet.noneOf(CodeState.class),
            CodeState.QUARANTINED, EnumSet.noneOf(CodeState.class));

    private Lifecycle() {
    }

    /** Whether {@code from -> to} is a legal change. */
    public static boolean allowed(CodeState from, CodeState to) {
        return NEXT.get(from).contains(to);
    }

    /** Throws {@link IllegalTransitionException} unless {@code from -> to} is legal. */
    static void check(String code, CodeState from, CodeState to, String where) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException(code, from, to, where);
        }
    }
}
