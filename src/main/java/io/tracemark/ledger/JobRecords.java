package io.tracemark.ledger;

import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-only facts of a job's ledger rows for records (the batch report, the EPCIS export): its
 * settings, the reasons and grades of its units, the codes it used, a digest of its rows, its units
 * and returned codes one by one. Reads on read connections; never blocks the writer.
 */
public final class JobRecords {

    /**
     * A job's settings as stored.
     *
     * @param productId      the product (null for a job without details)
     * @param expiryDate     ISO date or null
     * @param createdAt      when the job was created
     * @param endedAt        when it ended, or null while open
     */
    public record JobSettings(String job, String traceLevel, long quantity, String state, Instant createdAt,
                              Instant endedAt, String productId, String batch, String productionDate, String expiryDate,
                              String scheme, String template, String printer, String scanner, String minimumGrade,
                              String startedBy) {
    }

    /**
     * One unit of a job.
     *
     * @param verdictAt null while SENT
     */
    public record UnitRow(long seq, String code, String state, String reason, String grade, Instant sentAt,
                          Instant verdictAt) {
    }

    /** A code given back to the platform after this job released it. */
    public record ReturnedCode(String code, Instant returnedAt, String actor) {
    }

    /**
     * @param first the smallest code (text order), null when none
     * @param last  the largest
     * @param count distinct codes allocated to the job
     */
    public record CodeSpan(String first, String last, long count) {
    }

    private final Database db;

    public JobRecords(Database db) {
        this.db = db;
    }

    /** The job's settings, or a StorageException naming the job when there is none. */
    public JobSettings settings(String job) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT j.trace_level, j.quantity, j.state, j.created_at,"
                    + " j.ended_at, d.product_id, d.batch, d.production_date, d.expiry_date, d.scheme, d.template,"
                    + " d.printer, d.scanner, d.minimum_grade, d.started_by FROM jobs j LEFT JOIN job_details d"
                    + " ON d.job_id = j.id WHERE j.id = ?")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StorageException("no job '" + job + "' in " + db.file());
                    }
                    long ended = rs.getLong(5);
                    return new JobSettings(job, rs.getString(1), rs.getLong(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.wasNull() || ended == 0 ? null : Instant.ofEpochMilli(ended),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
                }
            }
        });
    }

    /** Units by final state and reason ({@code REJECTED -> {low-grade -> 3, no-read -> 1}}), states in ledger order. */
    public Map<String, Map<String, Long>> reasons(String job) {
        return db.read(conn -> {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT state, coalesce(reason, ''), count(*) FROM units"
                    + " WHERE job_id = ? GROUP BY state, coalesce(reason, '') ORDER BY state, 2")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), s -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return out;
        });
    }

    /** Verified units by grade (A, B, ...; "" when the reader gave none). */
    public Map<String, Long> grades(String job) {
        return db.read(conn -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(grade, ''), count(*) FROM units"
                    + " WHERE job_id = ? AND state = 'VERIFIED' GROUP BY 1 ORDER BY 1")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** The codes allocated to the job: first and last (text order) and how many. */
    public CodeSpan codes(String job) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT min(c.code), max(c.code), count(DISTINCT c.id)"
                    + " FROM transitions t JOIN codes c ON c.id = t.code_id WHERE t.job_id = ? AND t.to_state = 'ALLOCATED'")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new CodeSpan(rs.getString(1), rs.getString(2), rs.getLong(3));
                }
            }
        });
    }

    /**
     * SHA-256 over the job's unit rows in sequence order, then its transitions in id order, each row a
     * JSON array on its own line: {@code ["unit",seq,"code","state","reason"|null,"grade"|null,sentAtMillis|null,verdictAtMillis|null]}
     * and {@code ["transition",id,"code","from","to","actor","reason"|null,atMillis]}. Anyone with the
     * database can recompute it; any change to a row changes it.
     */
    public String digest(String job) {
        MessageDigest sha = sha256();
        db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT u.seq, c.code, u.state, u.reason, u.grade, u.sent_at,"
                    + " u.verdict_at FROM units u JOIN codes c ON c.id = u.code_id WHERE u.job_id = ? ORDER BY u.seq")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        line(sha, "unit", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                nullableLong(rs, 6), nullableLong(rs, 7));
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT t.id, c.code, t.from_state, t.to_state, t.actor,"
                    + " t.reason, t.at FROM transitions t JOIN codes c ON c.id = t.code_id WHERE t.job_id = ? ORDER BY t.id")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        line(sha, "transition", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7));
                    }
                }
            }
            return null;
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Every unit of the job in sequence order. */
    public void units(String job, Consumer<UnitRow> each) {
        unitsWhere("u.job_id = ?", List.of(job), each);
    }

    /** Every unit whose verdict was given in {@code [from, to)}, in verdict order. */
    public void unitsJudged(Instant from, Instant to, Consumer<UnitRow> each) {
        unitsWhere("u.verdict_at >= ? AND u.verdict_at < ?", List.of(from.toEpochMilli(), to.toEpochMilli()), each);
    }

    /** The jobs with unit verdicts in {@code [from, to)}. */
    public List<String> jobsJudged(Instant from, Instant to) {
        return db.read(conn -> {
            List<String> jobs = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT job_id FROM units WHERE verdict_at >= ?"
                    + " AND verdict_at < ? ORDER BY job_id")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(rs.getString(1));
                    }
                }
            }
            return jobs;
        });
    }

    /** Codes this job released that were then given back to the platform (RETURNED), in return order. */
    public List<ReturnedCode> returned(String job) {
        return db.read(conn -> {
            List<ReturnedCode> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT c.code, r.at, r.actor FROM transitions rel"
                    + " JOIN codes c ON c.id = rel.code_id JOIN transitions r ON r.code_id = c.id AND r.to_state = 'RETURNED'"
                    + " WHERE rel.job_id = ? AND rel.from_state = 'ALLOCATED' AND rel.to_state = 'AVAILABLE'"
                    + " AND c.state = 'RETURNED' ORDER BY r.at, c.code")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReturnedCode(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    private void unitsWhere(String where, List<Object> args, Consumer<UnitRow> each) {
        db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT u.seq, c.code, u.state, u.reason, u.grade, u.sent_at,"
                    + " u.verdict_at FROM units u JOIN codes c ON c.id = u.code_id WHERE " + where
                    + " ORDER BY " + (where.startsWith("u.job_id") ? "u.seq" : "u.verdict_at, u.id"))) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long sent = nullableLong(rs, 6);
                        Long verdict = nullableLong(rs, 7);
                        each.accept(new UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), sent == null ? null : Instant.ofEpochMilli(sent),
                                verdict == null ? null : Instant.ofEpochMilli(verdict)));
                    }
                }
            }
            return null;
        });
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void line(MessageDigest sha, String kind, Object... values) {
        StringBuilder b = new StringBuilder("[\"").append(kind).append('"');
        for (Object v : values) {
            b.append(',');
            if (v == null) {
                b.append("null");
            } else if (v instanceof String s) {
                json(b, s);
            } else {
                b.append(v);
            }
        }
        b.append("]\n");
        sha.update(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void json(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

