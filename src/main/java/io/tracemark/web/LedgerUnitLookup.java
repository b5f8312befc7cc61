package io.tracemark.web;

import io.tracemark.core.CodeState;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link UnitLookup} on the station's code ledger. */
public final class LedgerUnitLookup implements UnitLookup {

    private final CodeLedger ledger;

    public LedgerUnitLookup(CodeLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The code's state and, once printed, its unit (for a shared code the unit whose verdict is due
     * next, else the latest): {@code code, codeState, codeOpenScs, unitId, jobId, seq, state, openScs, reason, grade}.
     */
    @Override
    public Optional<Map<String, Object>> unit(String code) {
        Optional<CodeState> codeState = ledger.codeState(code);
        if (codeState.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("codeState", codeState.get().name());
        out.put("codeOpenScs", codeState.get().openScs());
        Optional<Unit> unit = ledger.unitByCode(code);
        unit.ifPresent(u -> {
            out.put("unitId", u.id());
            out.put("jobId", u.jobId());
            out.put("seq", u.seq());
            out.put("state", u.state().name());
            out.put("openScs", u.state().openScs());
            out.put("reason", u.reason().orElse(null));
            out.put("grade", u.grade().orElse(null));
        });
        return Optional.of(out);
    }

    /** How many codes the ledger holds in each state. */
    @Override
    public Map<String, Object> pool() {
        Map<String, Object> counts = new LinkedHashMap<>();
        ledger.countCodesByState().forEach((state, n) -> counts.put(state.name(), n));
        return counts;
    }
}
