package io.tracemark.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * High-water marks of the station database: how far its ledger had come. A database that holds
 * less than marks written earlier has lost committed transactions (a deleted write-ahead log, a
 * file copied back from an older state). Kept outside the database by {@link Witness} and in every
 * backup.
 *
 * @param units       the highest unit id (a unit row is made when its code is SENT)
 * @param outbox      the highest outbox sequence (events for the platform)
 * @param transitions the highest ledger transition id
 * @param audit       the highest audit log id
 * @param lastJob     the id of the job created last ("" before the first)
 * @param jobSent     per job, the sequence number of its last unit SENT (the most recent jobs, at
 *                    most {@link #JOBS_KEPT}, in the order they were last touched)
 */
public record Marks(long units, long outbox, long transitions, long audit, String lastJob, Map<String, Long> jobSent) {

    /** Jobs whose last SENT unit is kept. */
    public static final int JOBS_KEPT = 16;

    /** The marks of an empty database. */
    public static final Marks NONE = new Marks(0, 0, 0, 0, "", Map.of());

    public Marks {
        jobSent = Collections.unmodifiableMap(new LinkedHashMap<>(jobSent));
    }

    /** Each mark the higher of this and {@code other}'s (marks never go down by themselves). */
    public Marks max(Marks other) {
        LinkedHashMap<String, Long> jobs = new LinkedHashMap<>(jobSent);
        other.jobSent.forEach((job, seq) -> {
            Long before = jobs.remove(job);
            jobs.put(job, before == null ? seq : Math.max(before, seq));
        });
        while (jobs.size() > JOBS_KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        return new Marks(Math.max(units, other.units), Math.max(outbox, other.outbox),
                Math.max(transitions, other.transitions), Math.max(audit, other.audit),
                other.lastJob.isEmpty() ? lastJob : other.lastJob, jobs);
    }

    /**
     * What {@code ledger} lacks of these marks, one sentence each (empty when it holds at least as
     * much). {@code ledger} must carry a value for every job named here (see {@link LedgerMarks#of}).
     */
    public List<String> missingFrom(Marks ledger, boolean lastJobPresent) {
        List<String> missing = new ArrayList<>();
        jobSent.forEach((job, seq) -> {
            long has = ledger.jobSent.getOrDefault(job, 0L);
            if (has < seq) {
                missing.add("job " + job + ": units " + (has + 1) + ".." + seq + " had been SENT (" + (seq - has)
                        + " labels printed or on their way), the ledger ends at unit " + has);
            }
        });
        if (!lastJob.isEmpty() && !lastJobPresent) {
            missing.add("job " + lastJob + " had been created; the ledger does not know it");
        }
        behind(missing, "units", units, ledger.units);
        behind(missing, "outbox events for the platform", outbox, ledger.outbox);
        behind(missing, "ledger transitions", transitions, ledger.transitions);
        behind(missing, "audit log entries", audit, ledger.audit);
        return missing;
    }

    private static void behind(List<String> missing, String what, long expected, long has) {
        if (has < expected) {
            missing.add(what + ": " + (expected - has) + " missing (the ledger ends at " + has + ", the witness at "
                    + expected + ")");
        }
    }

    /** One line per mark, {@code key=value} (job ids hold no '=' or line break: see JobIds). */
    public String encode() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("units=").append(units).append('\n')
                .append("outbox=").append(outbox).append('\n')
                .append("transitions=").append(transitions).append('\n')
                .append("audit=").append(audit).append('\n')
                .append("lastJob=").append(lastJob).append('\n');
        jobSent.forEach((job, seq) -> sb.append("job.").append(job).append('=').append(seq).append('\n'));
        return sb.toString();
    }

    /** Reads what {@link #encode} wrote. */
    public static Marks decode(String text) {
        long units = 0;
        long outbox = 0;
        long transitions = 0;
        long audit = 0;
        String lastJob = "";
        Map<String, Long> jobs = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "units" -> units = Long.parseLong(value);
                case "outbox" -> outbox = Long.parseLong(value);
                case "transitions" -> transitions = Long.parseLong(value);
                case "audit" -> audit = Long.parseLong(value);
                case "lastJob" -> lastJob = value;
                default -> {
                    if (key.startsWith("job.")) {
                        jobs.put(key.substring(4), Long.parseLong(value));
                    }
                }
            }
        }
        return new Marks(units, outbox, transitions, audit, lastJob, jobs);
    }

    /** The marks as a JSON-friendly map (for {@code --json} documents). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", units);
        m.put("outbox", outbox);
        m.put("transitions", transitions);
        m.put("audit", audit);
        m.put("lastJob", lastJob);
        m.put("jobSent", jobSent);
        return m;
    }
}
