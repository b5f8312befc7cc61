package io.tracemark.label;

import java.util.List;
import java.util.Map;

/**
 * One template merged with one job's values, ready to write each unit's label: only the unit
 * fields (the code and what derives from it) are encoded per label. Immutable and thread-safe.
 * Writes exactly what {@link LabelWriter#label} and {@link LabelWriter#recall} write for the job's
 * values overlaid with the unit's.
 */
public final class JobLabels {

    private final LabelWriter writer;
    private final LabelValues job;
    /** The label's ZPL merged once (strings) and the slots merged for each unit, in order. */
    private final List<Object> full;

    JobLabels(LabelWriter writer, LabelValues job, List<Object> full) {
        this.writer = writer;
        this.job = job;
        this.full = List.copyOf(full);
    }

    public LabelWriter writer() {
        return writer;
    }

    /** The job's values. */
    public LabelValues jobValues() {
        return job;
    }

    /** The job's values overlaid with one unit's (e.g. {@code Map.of("gs1", "(01)…(21)…")}). */
    public LabelValues unitValues(Map<String, ?> unit) {
        return job.with(unit);
    }

    /** A complete label for one unit; identical to {@link LabelWriter#label} with job and unit values together. */
    public String label(Map<String, ?> unit) {
        LabelValues values = unitValues(unit);
        if (!onlyUnitFields(unit)) {
            return writer.label(values); // a job field set per unit: merged once it would be stale
        }
        StringBuilder out = new StringBuilder(1024);
        for (Object part : full) {
            if (part instanceof String s) {
                out.append(s);
            } else {
                writer.appendUnitField(out, (TemplateSlot) part, values);
            }
        }
        return out.toString();
    }

    /** Whether {@code unit} sets only unit fields (the job fields merged once cannot differ). */
    private static boolean onlyUnitFields(Map<String, ?> unit) {
        for (Map.Entry<String, ?> e : unit.entrySet()) {
            if (!e.getKey().startsWith("_") && e.getValue() != null
                    && !TemplateField.find(e.getKey()).map(TemplateField::unit).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /** The stored format of this job (send once, before the first {@link #recall}). */
    public String storedFormat() {
        return writer.storedFormat(job);
    }

    /** One unit's label recalling the stored format. */
    public String recall(Map<String, ?> unit) {
        return writer.recall(unitValues(unit));
    }
}
