package io.tracemark.records.audit;

import io.tracemark.store.AuditEntry;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log for people: entries by time, actor, action and text, a page at a time. */
public final class AuditEntries {

    /**
     * One page of entries, newest first.
     *
     * @param entries  the entries
     * @param beforeId the {@link AuditFilter#beforeId} of the next page, or 0 when this is the last
     */
    public record Page(List<AuditEntry> entries, long beforeId) {
    }

    private final Database db;

    public AuditEntries(Database db) {
        this.db = db;
    }

    public Page list(AuditFilter f) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, detail, prev_hash, hash, scheme, key_id"
                + " FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.from() != null) {
            sql.append(" AND at >= ?");
            args.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            sql.append(" AND at < ?");
            args.add(f.to().toEpochMilli());
        }
        if (f.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND substr(action, 1, ?) = ?");
            args.add(f.action().length());
            args.add(f.action());
        }
        if (f.text() != null) {
            sql.append(" AND instr(detail, ?) > 0");
            args.add(f.text());
        }
        if (f.beforeId() > 0) {
            sql.append(" AND id < ?");
            args.add(f.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(f.limit() + 1);
        return db.read(conn -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9)));
                    }
                }
            }
            if (entries.size() > f.limit()) {
                entries.remove(entries.size() - 1);
                return new Page(entries, entries.get(entries.size() - 1).id());
            }
            return new Page(entries, 0);
        });
    }

    /** One entry by id, or null. */
    public AuditEntry entry(long id) {
        List<AuditEntry> one = list(new AuditFilter(null, null, null, null, null, id + 1, 1)).entries();
        return one.isEmpty() || one.get(0).id() != id ? null : one.get(0);
    }
}
