package io.tracemark.platform;

import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports the exact quantity produced per product per day (guideline 5.3.3.3 note 1): the units
 * VERIFIED that day (station local time) in jobs of that product, counted from the ledger. A
 * report replaces the platform's earlier one for the same product and day, so reporting today's
 * running count every few minutes and yesterday's final count after midnight is safe.
 */
public final class DailyQuantityReporter {

    private final Database db;
    private final PlatformClient client;
    private final ZoneId zone;
    private final String stationId;

    /** Reports one total per product and day (no source): for a producer with one station and one database. */
    public DailyQuantityReporter(Database db, PlatformClient client, ZoneId zone) {
        this(db, client, zone, null);
    }

    /**
     * Reports per product, day and job, each under the source {@code <stationId>/<jobId>}: the
     * platform adds them up, so other stations of the producer and earlier databases of this
     * station are never overwritten.
     */
    public DailyQuantityReporter(Database db, PlatformClient client, ZoneId zone, String stationId) {
        this.db = db;
        this.client = client;
        this.zone = zone;
        this.stationId = stationId;
    }

    /** Units verified on {@code day}, per product id (products without any are absent). */
    public Map<String, Long> count(LocalDate day) {
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return db.read(conn -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT d.product_id, count(*) FROM units u"
                    + " JOIN job_details d ON d.job_id = u.job_id WHERE u.state = 'VERIFIED'"
                    + " AND u.verdict_at >= ? AND u.verdict_at < ? GROUP BY d.product_id ORDER BY d.product_id")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Posts the day's quantity of every product that had verified units that day, plus a zero for
     * each product listed in {@code alsoReportZero} without any.
     *
     * @return what was reported
     * @throws PlatformException when the platform cannot be reached or refuses; reporting again later is safe
     */
    public List<DailyQuantity> report(LocalDate day, List<String> alsoReportZero) {
        List<DailyQuantity> reports = new ArrayList<>();
        if (stationId == null) {
            Map<String, Long> counts = new LinkedHashMap<>(count(day));
            alsoReportZero.forEach(p -> counts.putIfAbsent(p, 0L));
            counts.forEach((product, n) -> reports.add(new DailyQuantity(product, day, n, true)));
        } else {
            List<DailyQuantity> perJob = countPerJob(day);
            reports.addAll(perJob);
            alsoReportZero.stream().filter(p -> perJob.stream().noneMatch(q -> q.productId().equals(p)))
                    .forEach(p -> reports.add(new DailyQuantity(p, day, 0, true, stationId)));
        }
        for (DailyQuantity q : reports) {
            client.postDailyQuantity(q);
        }
        return reports;
    }

    /** Units verified on {@code day} per product and job, each under the source {@code <stationId>/<jobId>}. */
    private List<DailyQuantity> countPerJob(LocalDate day) {
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return db.read(conn -> {
            List<DailyQuantity> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT d.product_id, u.job_id, count(*) FROM units u"
                    + " JOIN job_details d ON d.job_id = u.job_id WHERE u.state = 'VERIFIED'"
                    + " AND u.verdict_at >= ? AND u.verdict_at < ? GROUP BY d.product_id, u.job_id"
                    + " ORDER BY d.product_id, u.job_id")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DailyQuantity(rs.getString(1), day, rs.getLong(3), true,
                                stationId + "/" + rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }
}
