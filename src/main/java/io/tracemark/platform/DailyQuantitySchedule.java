package io.tracemark.platform;

import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the daily quantity (guideline 5.3.3.3 note 1) is reported: today's running count every
 * {@code interval}, and each earlier day once more after it ended in the station's time zone —
 * at start-up too, for every day since the last final report (up to {@code catchUpDays} back) that
 * was not reported final yet, e.g. the station was off at midnight. What was reported is kept in
 * {@code platform_daily_reports}, so a restart neither misses a day nor needs the platform to
 * remember. {@link #runDue()} does one round on the caller's thread and reads only the clock,
 * so tests move a clock instead of sleeping.
 */
public final class DailyQuantitySchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyQuantitySchedule.class);

    private final DailyQuantityReporter reporter;
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final int catchUpDays;
    private final Supplier<List<String>> products;
    private final BackgroundTask task;

    /**
     * @param products    the products to report a zero for on a day without verified units (e.g. the
     *                    products of the station's master data)
     * @param catchUpDays how many days back a start-up reports days never reported final
     */
    public DailyQuantitySchedule(DailyQuantityReporter reporter, Database db, Clock clock, ZoneId zone,
                                 Supplier<List<String>> products, int catchUpDays, Duration interval, Backoff backoff) {
        this.reporter = reporter;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.products = products;
        this.catchUpDays = catchUpDays;
        this.task = new BackgroundTask("daily-quantity", this::runDue, interval, backoff, LOG, clock);
    }

    /**
     * Reports every past day not yet reported final (oldest first), then today's count so far.
     *
     * @return what was posted
     * @throws PlatformException when the platform fails; the days not done are done next round
     */
    public List<DailyQuantity> runDue() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<DailyQuantity> sent = new ArrayList<>();
        for (LocalDate day : daysToFinish(today)) {
            List<DailyQuantity> q = reporter.report(day, products.get());
            remember(q, true, day);
            sent.addAll(q);
        }
        List<DailyQuantity> running = reporter.report(today, products.get());
        remember(running, false, today);
        sent.addAll(running);
        return sent;
    }

    /** Past days (before {@code today}) whose final report is missing, oldest first. */
    List<LocalDate> daysToFinish(LocalDate today) {
        String lastFinal = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT max(day) FROM platform_daily_reports WHERE final = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        LocalDate from = today.minusDays(catchUpDays);
        if (lastFinal != null && LocalDate.parse(lastFinal).plusDays(1).isAfter(from)) {
            from = LocalDate.parse(lastFinal).plusDays(1);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
            if (lastFinal != null || !reporter.count(d).isEmpty() || !products.get().isEmpty()) {
                days.add(d);
            }
        }
        return days;
    }

    private void remember(List<DailyQuantity> reported, boolean isFinal, LocalDate day) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO platform_daily_reports(product_id, day,"
                    + " quantity, final, reported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(product_id, day) DO UPDATE"
                    + " SET quantity = excluded.quantity, final = excluded.final, reported_at = excluded.reported_at")) {
                for (DailyQuantity q : reported.isEmpty() ? List.of(new DailyQuantity("", day, 0, true)) : reported) {
                    ps.setString(1, q.productId());
                    ps.setString(2, q.day().toString());
                    ps.setLong(3, q.quantity());
                    ps.setInt(4, isFinal ? 1 : 0);
                    ps.setLong(5, clock.millis());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Runs {@link #runDue()} now (the start-up catch-up) and then every interval, backing off on failures. */
    public void start() {
        task.start();
    }

    @Override
    public void close() {
        task.close();
    }
}
