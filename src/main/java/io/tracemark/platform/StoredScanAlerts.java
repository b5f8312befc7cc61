package io.tracemark.platform;

import io.tracemark.core.CounterfeitAlert;
import io.tracemark.platform.wire.ScanAlert;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's anti-counterfeit alerts in the station database (table {@code platform_scan_alerts}):
 * stored as they arrive, a later change of an alert (more scans) replacing the earlier one while
 * keeping its acknowledgement, and acknowledged by a person at the panel (audited as
 * {@code scan-alert.ack}). The highest sequence held from a platform is the cursor of the next pull
 * from it; a station linked to another platform starts again from 0 (its sequences are its own).
 */
public final class StoredScanAlerts {

    private static final String COLUMNS = "code, product_id, reason, scans, first_scan_at, last_scan_at, received_at,"
            + " acknowledged_by, acknowledged_at";

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public StoredScanAlerts(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Calls {@code listener} after every change (alerts received, an acknowledgement), on the thread
     * that made it; it must be quick and must not throw. Closing the handle removes it.
     */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The sequence to pull after from {@code platform}: the highest one held from it, 0 when none. */
    public long cursor(String platform) {
        return db.count("SELECT coalesce(max(sequence), 0) FROM platform_scan_alerts WHERE platform = ?", platform);
    }

    /**
     * Stores alerts from {@code platform} in one transaction; an alert older than the one held from
     * the same platform for its code is ignored.
     *
     * @return how many of them were new codes (not seen before)
     */
    public int save(String platform, List<ScanAlert> alerts) {
        if (alerts.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        int[] changes = new int[1];
        int newCodes = db.inTransaction(conn -> {
            int added = 0;
            for (ScanAlert a : alerts) {
                Held held = held(conn, a.code());
                if (held != null && held.platform().equals(platform) && held.sequence() >= a.sequence()) {
                    continue;
                }
                String sql = held == null
                        ? "INSERT INTO platform_scan_alerts(platform, sequence, product_id, reason, scans, first_scan_at,"
                            + " last_scan_at, received_at, code) VALUES (?,?,?,?,?,?,?,?,?)"
                        : "UPDATE platform_scan_alerts SET platform = ?, sequence = ?, product_id = ?, reason = ?,"
                            + " scans = ?, first_scan_at = ?, last_scan_at = ?, received_at = ? WHERE code = ?";
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    Object[] values = {platform, a.sequence(), a.productId(), a.reason(), a.scans(),
                        a.firstScanAt().toEpochMilli(), a.lastScanAt().toEpochMilli(), now, a.code()};
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.executeUpdate();
                }
                changes[0]++;
                if (held == null) {
                    added++;
                }
            }
            return added;
        });
        if (changes[0] > 0) {
            changed();
        }
        return newCodes;
    }

    /** Where an alert held came from, and its sequence there. */
    private record Held(String platform, long sequence) {
    }

    private static Held held(java.sql.Connection conn, String code) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT platform, sequence FROM platform_scan_alerts WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Held(rs.getString(1), rs.getLong(2)) : null;
            }
        }
    }

    /** Every alert held, those not yet acknowledged first, then the most recently received. */
    public List<CounterfeitAlert> all() {
        return db.read(conn -> {
            List<CounterfeitAlert> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM platform_scan_alerts"
                    + " ORDER BY acknowledged_by IS NOT NULL, received_at DESC, sequence DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(alert(rs));
                }
            }
            return out;
        });
    }

    /** How many alerts nobody has acknowledged yet. */
    public long unacknowledged() {
        return db.count("SELECT count(*) FROM platform_scan_alerts WHERE acknowledged_by IS NULL");
    }

    /**
     * {@code actor} acknowledges the alert of {@code code} (audited); an alert acknowledged before
     * keeps its first acknowledgement. Empty when the station holds no alert for the code.
     */
    public Optional<CounterfeitAlert> acknowledge(String code, String actor) {
        long now = clock.millis();
        boolean[] acked = new boolean[1];
        Optional<CounterfeitAlert> result = db.inTransaction(conn -> {
            Optional<CounterfeitAlert> held = find(conn, code);
            if (held.isEmpty() || held.get().acknowledged()) {
                return held;
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE platform_scan_alerts SET acknowledged_by = ?,"
                    + " acknowledged_at = ? WHERE code = ? AND acknowledged_by IS NULL")) {
                ps.setString(1, actor);
                ps.setLong(2, now);
                ps.setString(3, code);
                ps.executeUpdate();
            }
            CounterfeitAlert a = held.get();
            audit.record(conn, actor, "scan-alert.ack", a.reason() + " " + code + " (" + a.scans() + " scans"
                    + (a.productId() == null ? "" : ", product " + a.productId()) + ")");
            acked[0] = true;
            return find(conn, code);
        });
        if (acked[0]) {
            changed();
        }
        return result;
    }

    private static Optional<CounterfeitAlert> find(java.sql.Connection conn, String code) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM platform_scan_alerts WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
            }
        }
    }

    private static CounterfeitAlert alert(ResultSet rs) throws SQLException {
        long ackAt = rs.getLong(9);
        boolean acked = !rs.wasNull();
        return new CounterfeitAlert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)),
                rs.getString(8), acked ? Instant.ofEpochMilli(ackAt) : null);
    }
}
