package io.tracemark.platform.reference;

import io.tracemark.platform.wire.ScanAlert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts how often each code's public page is opened, for anti-counterfeiting (guideline 6.5): a
 * genuine unit is checked by a buyer once or a few times, so a code opened {@value #UNUSUAL_SCANS}
 * times or more was most likely copied onto other packs; a code this platform never issued is a
 * counterfeit whenever it is scanned. Both are raised as alerts ({@link ScanAlert}), kept with the
 * producer they concern so that the producer's stations can pull them ({@code GET /scan-alerts}).
 * Every change of an alert takes the next number of the {@code scan-alert} counter as its sequence,
 * in the same transaction as the scan it counts.
 */
final class ScanCounter {

    /** Scans of one issued code from which the page warns and an alert is raised. */
    static final int UNUSUAL_SCANS = 20;

    private static final String COLUMNS = "seq, code, product_id, reason, scans, first_at, last_at";

    /**
     * Whom a scanned code concerns.
     *
     * @param issued     whether this platform issued it
     * @param productId  its product, or the product whose GTIN it claims; null when unknown
     * @param producerId that product's producer; null when unknown (the alert is then for the operator only)
     */
    record Owner(boolean issued, String productId, String producerId) {
    }

    private final PlatformDatabase db;
    private final Clock clock;

    ScanCounter(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Counts one scan of {@code code}; returns how often it has been scanned, this one included. */
    long count(String code, Owner owner) {
        String now = clock.instant().toString();
        return db.inTransaction(c -> {
            long count;
            String firstAt;
            try (var ps = c.prepareStatement("INSERT INTO scans(code, issued, count, first_at, last_at) VALUES(?, ?, 1, ?, ?)"
                    + " ON CONFLICT(code) DO UPDATE SET count = count + 1, last_at = excluded.last_at"
                    + " RETURNING count, first_at")) {
                ps.setString(1, code);
                ps.setInt(2, owner.issued() ? 1 : 0);
                ps.setString(3, now);
                ps.setString(4, now);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                    firstAt = rs.getString(2);
                }
            }
            if (!owner.issued() || count >= UNUSUAL_SCANS) {
                raise(c, code, owner, count, firstAt, now);
            }
            return count;
        });
    }

    private static void raise(Connection c, String code, Owner owner, long count, String firstAt, String now)
            throws SQLException {
        long seq = PlatformDatabase.next(c, "scan-alert", 1);
        Rows.update(c, "INSERT INTO scan_alerts(" + COLUMNS + ", producer_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT(code) DO UPDATE SET seq = excluded.seq, scans = excluded.scans,"
                        + " last_at = excluded.last_at",
                seq, code, owner.productId(), owner.issued() ? ScanAlert.SCANNED_UNUSUALLY_OFTEN : ScanAlert.NEVER_ISSUED,
                count, firstAt, now, owner.producerId());
    }

    /** Every alert, of every producer and of codes no producer claims; most scanned first (the operator's list). */
    List<ScanAlert> alerts() {
        return db.inTransaction(c -> query(c, "SELECT " + COLUMNS + " FROM scan_alerts ORDER BY scans DESC, code"));
    }

    /** A producer's alerts changed after sequence {@code after}, in sequence order, at most {@code limit}. */
    List<ScanAlert> alertsOf(String producerId, long after, int limit) {
        return db.inTransaction(c -> query(c, "SELECT " + COLUMNS + " FROM scan_alerts WHERE producer_id = ?"
                + " AND seq > ? ORDER BY seq LIMIT ?", producerId, after, limit));
    }

    private static List<ScanAlert> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<ScanAlert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new ScanAlert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), Instant.parse(rs.getString(6)), Instant.parse(rs.getString(7))));
                }
            }
            return alerts;
        }
    }
}
