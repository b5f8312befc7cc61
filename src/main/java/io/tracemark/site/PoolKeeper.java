package io.tracemark.site;

import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.RangeCheck;
import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the site's pool full from the platform: copies the master data, takes every activated range
 * the platform has for the site (whole, acknowledged, or refused whole with the reason), follows its
 * code requests through the platform's audit, asks for more codes for every product stations use
 * when the pool holds fewer than {@link SiteConfig.Pool#codesPerProduct()} plus what stations wait
 * for, and then hands codes to waiting station requests. One site process at a time does it
 * ({@link Exclusive#CODE_POOL}).
 */
public final class PoolKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(PoolKeeper.class);

    /** What one round did; {@code error} null when the platform answered. */
    public record Round(boolean ran, int rangesTaken, int rangesRefused, int requestsMade, int stationRequestsFilled,
                        String error) {
    }

    private final SiteDatabase db;
    private final CodePool pool;
    private final SiteMasterData master;
    private final PlatformClient platform;
    private final SiteConfig.Pool settings;

    public PoolKeeper(SiteDatabase db, CodePool pool, SiteMasterData master, PlatformClient platform, SiteConfig.Pool settings) {
        this.db = db;
        this.pool = pool;
        this.master = master;
        this.platform = platform;
        this.settings = settings;
    }

    /** One round, unless another site process is doing one; platform failures are in {@link Round#error()}. */
    public synchronized Round runOnce() {
        return Exclusive.runIfFree(db, Exclusive.CODE_POOL, new Round(false, 0, 0, 0, 0, null), this::round);
    }

    /** One round as soon as no other site process is doing one (waiting at most {@code patience}). */
    public synchronized Round runSoon(java.time.Duration patience) {
        return Exclusive.runWhenFree(db, Exclusive.CODE_POOL, patience, new Round(false, 0, 0, 0, 0, null), this::round);
    }

    private Round round() {
        int[] taken = new int[2];
        int requested = 0;
        String error = null;
        try {
            master.store(platform.producers(), platform.products());
            Map<String, Product> products = master.products().stream()
                    .collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a));
            take(platform.activatedRanges(null), products, taken);
            followRequests();
            requested = topUp(products, taken);
        } catch (PlatformException e) {
            error = e.getMessage();
            LOG.warn("site code pool: {}", e.getMessage());
        }
        int filled = pool.fillPending();
        return new Round(true, taken[0], taken[1], requested, filled, error);
    }

    private void take(List<CodeRange> ranges, Map<String, Product> products, int[] taken) {
        for (CodeRange range : ranges) {
            List<FieldProblem> problems = RangeCheck.problems(range, products.get(range.productId()));
            if (problems.isEmpty()) {
                List<String> codes = range.codes() != null ? range.codes() : range.pattern().expand();
                try {
                    boolean fresh = pool.importRange(range, codes);
                    platform.acknowledge(range.id(), RangeAck.accept());
                    LOG.info("range {} of {}: {} codes into the site pool{}", range.id(), range.productId(), codes.size(),
                            fresh ? "" : " (held already; acknowledged again)");
                    taken[0]++;
                    continue;
                } catch (ApiException e) {
                    problems = new ArrayList<>(e.body().problems());
                }
            }
            String reason = "range " + range.id() + " refused by the site: " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s");
            LOG.warn("{}: {}", reason, problems);
            platform.acknowledge(range.id(), RangeAck.refuse(reason, problems));
            taken[1]++;
        }
    }

    private void followRequests() {
        for (String id : pendingPlatformRequests()) {
            CodeRequest r = platform.codeRequest(id);
            if (r.status() != CodeRequestStatus.PENDING_AUDIT) {
                setStatus(id, r.status());
                if (r.status() == CodeRequestStatus.REFUSED) {
                    LOG.warn("the platform refused the site's code request {} for {}: {}", id, r.productId(), r.reason());
                }
            }
        }
    }

    private int topUp(Map<String, Product> products, int[] taken) {
        Map<String, Long> available = pool.available();
        Map<String, Long> waiting = pool.pendingDemand();
        Map<String, Long> asked = pendingPlatformQuantities();
        int requested = 0;
        for (String productId : pool.demandedProducts()) {
            if (!products.containsKey(productId)) {
                continue;
            }
            long missing = settings.codesPerProduct() + waiting.getOrDefault(productId, 0L)
                    - available.getOrDefault(productId, 0L) - asked.getOrDefault(productId, 0L);
            if (missing <= 0) {
                continue;
            }
            int quantity = (int) Math.min(missing, settings.maxRequest());
            CodeRequest r = platform.requestCodes(new NewCodeRequest(productId, quantity, null));
            requested++;
            remember(r);
            LOG.info("site asked the platform for {} codes of {}: {}", quantity, productId, r.status());
            if (r.status() == CodeRequestStatus.ACTIVATED) {
                take(platform.activatedRanges(productId), products, taken);
            } else if (r.status() == CodeRequestStatus.REFUSED) {
                LOG.warn("the platform refused {} codes of {}: {}", quantity, productId, r.reason());
            }
        }
        return requested;
    }

    private List<String> pendingPlatformRequests() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM platform_requests WHERE status = 'PENDING_AUDIT'"
                    + " ORDER BY created_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private Map<String, Long> pendingPlatformQuantities() {
        return db.read(c -> {
            Map<String, Long> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id, sum(quantity) FROM platform_requests"
                    + " WHERE status = 'PENDING_AUDIT' GROUP BY product_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    private void remember(CodeRequest r) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_requests(id, product_id, quantity, status)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status")) {
                ps.setString(1, r.id());
                ps.setString(2, r.productId());
                ps.setInt(3, r.quantity());
                ps.setString(4, r.status().name());
                return ps.executeUpdate();
            }
        });
    }

    private void setStatus(String id, CodeRequestStatus status) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE platform_requests SET status = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }
}
