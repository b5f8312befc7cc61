package io.tracemark.web;

import io.tracemark.core.CodeState;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Job;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.ledger.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Override
    public List<io.tracemark.ledger.VerdictMinute> verdictsByMinute(java.time.Instant from, java.time.Instant to) {
        return ledger.verdictsByMinute(from, to);
    }

    @Override
    public List<Map<String, Object>> jobs(int limit) {
        List<Job> all = ledger.jobs();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            Job job = all.get(i);
            Reconciliation books = ledger.reconcile(job.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("jobId", job.id());
            row.put("state", job.state().name());
            row.put("traceLevel", job.traceLevel().name());
            row.put("quantity", job.quantity());
            row.put("createdAt", job.createdAt().toString());
            row.put("endedAt", job.endedAt().map(Object::toString).orElse(null));
            row.put("allocated", books.allocated());
            row.put("sent", books.sent());
            row.put("verified", books.verified());
            row.put("rejected", books.rejected());
            row.put("voided", books.voided());
            row.put("inFlight", books.inFlight());
            row.put("released", books.released());
            row.put("balanced", books.balanced());
            out.add(row);
        }
        return out;
    }

    /** How many codes the ledger holds in each state. */
    @Override
    public Map<String, Object> pool() {
        Map<String, Object> counts = new LinkedHashMap<>();
        ledger.countCodesByState().forEach((state, n) -> counts.put(state.name(), n));
        return counts;
    }
}
