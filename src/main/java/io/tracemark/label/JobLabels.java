package io.tracemark.label;

import java.util.List;
import java.util.Map;

/**
 * One template merged with one job's values, ready to write each unit's label: only the unit
 * fields (the code and what derives from it) are encoded per label. Immutable and thread-safe.
 */
public final class JobLabels {

    private final LabelWriter writer;
    private final LabelValues job;
    private final List<Object> full;
    private final String storedFormat;

    JobLabels(LabelWriter writer, LabelValues job, List<Object> full) {
        this.writer = writer;
        this.job = job;
        this.full = full;
        this.storedFormat = writer.storedFormat(job);
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

    /** The stored format of this job (send once, before the first {@link #recall}). */
    public String storedFormat() {
        return storedFormat;
    }

    /** One unit's label recalling the stored format. */
    public String recall(Map<String, ?> unit) {
        return writer.recall(unitValues(unit));
    }
}
