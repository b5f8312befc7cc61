package io.tracemark.platform.reference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts how often each code's public page is opened, for anti-counterfeiting (guideline 6.5): a
 * genuine unit is checked by a buyer once or a few times, so a code opened {@value #UNUSUAL_SCANS}
 * times or more was most likely copied onto other packs; a code this platform never issued is a
 * counterfeit whenever it is scanned. Both are raised as alerts.
 */
final class ScanCounter {

    /** Scans of one issued code from which the page warns and an alert is raised. */
    static final int UNUSUAL_SCANS = 20;

    /**
     * One alert.
     *
     * @param code    the code as scanned
     * @param issued  whether this platform issued it
     * @param scans   how often its page was opened
     * @param firstAt first scan (ISO-8601)
     * @param lastAt  latest scan
     * @param reason  {@code never-issued} or {@code scanned-unusually-often}
     */
    record Alert(String code, boolean issued, long scans, String firstAt, String lastAt, String reason) {
    }

    private final PlatformDatabase db;
    private final Clock clock;

    ScanCounter(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Counts one scan of {@code code}; returns how often it has been scanned, this one included. */
    long count(String code, boolean issued) {
        String now = clock.instant().toString();
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO scans(code, issued, count, first_at, last_at) VALUES(?, ?, 1, ?, ?)"
                    + " ON CONFLICT(code) DO UPDATE SET count = count + 1, last_at = excluded.last_at RETURNING count")) {
                ps.setString(1, code);
                ps.setInt(2, issued ? 1 : 0);
                ps.setString(3, now);
                ps.setString(4, now);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Codes never issued but scanned, and issued codes scanned unusually often; most scanned first. */
    List<Alert> alerts() {
        return db.inTransaction(c -> {
            List<Alert> alerts = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT code, issued, count, first_at, last_at FROM scans"
                    + " WHERE issued = 0 OR count >= ? ORDER BY count DESC, code")) {
                ps.setLong(1, UNUSUAL_SCANS);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean issued = rs.getInt(2) == 1;
                        alerts.add(new Alert(rs.getString(1), issued, rs.getLong(3), rs.getString(4), rs.getString(5),
                                issued ? "scanned-unusually-often" : "never-issued"));
                    }
                }
            }
            return alerts;
        });
    }
}
