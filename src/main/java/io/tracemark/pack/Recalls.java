package io.tracemark.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import io.tracemark.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recall at the station (guideline 6.4): from a problem product back to every unit, case, pallet and buyer
 * ({@link #find}), and the recall notice ({@link #announce}): the recall recorded (table {@code recall_notices},
 * audited) and a {@code RECALLED} unit event per verified unit appended to the outbox in the same transaction,
 * so the platform warns consumers who scan one of them.
 *
 * <p>Buyers' contacts are in the results for those who may see them; they are never written to the audit log.
 */
public final class Recalls {

    static final String RECALLED = "unit.recalled";
    static final int MAX_REASON = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Transactions writes;
    private final Clock clock;
    private final AuditLog audit;
    private final Outbox outbox;

    public Recalls(Database db, Transactions writes, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
        this.outbox = new Outbox(db, writes, clock);
    }

    public Recalls(Database db) {
        this(db, db, Clock.systemUTC());
    }

    /**
     * The archives of jobs that left the live database (retention): each opened read-only with the jobs it is
     * the home of (a job whose move did not finish is still read live, never twice). Closed by the caller.
     */
    @FunctionalInterface
    public interface ArchiveSource {
        ArchiveSource NONE = List::of;

        List<Map.Entry<Database, java.util.Set<String>>> open();
    }

    private ArchiveSource archives = ArchiveSource.NONE;

    /** Makes {@link #find} read the archives too. */
    public Recalls withArchives(ArchiveSource source) {
        this.archives = source;
        return this;
    }

    /**
     * Every unit the selector covers, read in one snapshot of the live database and then in each archive (the
     * same statements on the archive's own connection), unioned.
     */
    public RecallResult find(RecallSelector selector) {
        List<RecalledUnit> units = new ArrayList<>();
        InvalidInputException notHere = null;
        try {
            units.addAll(db.read(conn -> new RecallQuery(conn).find(selector)).units());
        } catch (InvalidInputException e) {
            notHere = e;
        }
        for (Map.Entry<Database, java.util.Set<String>> archive : archives.open()) {
            try (Database a = archive.getKey()) {
                a.read(conn -> new RecallQuery(conn).find(selector)).units().stream()
                        .filter(u -> archive.getValue().contains(u.job())).forEach(units::add);
            } catch (InvalidInputException notInThisArchive) {
                // the selector names nothing in it
            }
        }
        if (units.isEmpty() && notHere != null) {
            throw notHere;
        }
        return new RecallResult(selector, units);
    }

    /**
     * Records the recall and queues one RECALLED event per verified unit it covers, all in one transaction.
     *
     * @throws InvalidInputException when the reason or the person is missing, the reason is too long, or the
     *         selector names nothing at this station; nothing is stored then
     */
    public RecallNotice announce(RecallSelector selector, String reason, String by) {
        List<Problem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            problems.add(new Problem("reason", "the reason consumers are told is required (at most " + MAX_REASON
                    + " characters)"));
        }
        if (by == null || by.isBlank()) {
            problems.add(new Problem("by", "the person recording the recall is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("recall notice", problems);
        }
        String why = reason.strip();
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            RecallResult result = new RecallQuery(conn).find(selector);
            long id;
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO recall_notices (selector, reason, units, "
                    + "created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, selector.describe());
                ps.setString(2, why);
                ps.setLong(3, result.units().size());
                ps.setLong(4, now);
                ps.setString(5, by);
                try (ResultSet keys = ps.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            long events = 0;
            for (RecalledUnit u : result.units()) {
                if ("VERIFIED".equals(u.state())) {
                    outbox.append(conn, RECALLED, "unit-recalled/" + u.unitId() + "/" + id, payload(u, id, why, now));
                    events++;
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE recall_notices SET events = ? WHERE id = ?")) {
                ps.setLong(1, events);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            audit.record(conn, by, "recall.notify", "recall " + id + " of " + selector.describe() + ": "
                    + result.units().size() + " units, " + result.shipped() + " shipped to " + result.buyers().size()
                    + " buyers, " + events + " RECALLED events: " + why);
            return new RecallNotice(id, selector.describe(), why, result.units().size(), events, by,
                    Instant.ofEpochMilli(now));
        });
    }

    private static String payload(RecalledUnit u, long id, String reason, long now) {
        ObjectNode p = JSON.createObjectNode();
        p.put("job", u.job());
        p.put("code", u.code());
        p.put("type", "RECALLED");
        p.put("at", Instant.ofEpochMilli(now).toString());
        if (!u.productId().isEmpty()) {
            p.put("product", u.productId());
        }
        p.put("reason", reason);
        ObjectNode d = p.putObject("details");
        d.put("recall", String.valueOf(id));
        if (!u.batch().isEmpty()) {
            d.put("batch", u.batch());
        }
        return p.toString();
    }

    /** The recalls recorded, newest first. */
    public List<RecallNotice> notices() {
        return db.read(conn -> {
            List<RecallNotice> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, selector, reason, units, events, "
                    + "created_by, created_at FROM recall_notices ORDER BY id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecallNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return out;
        });
    }
}
