package io.tracemark.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.ReturnResult;
import io.tracemark.store.Database;
import io.tracemark.core.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a batch's unused codes back to the platform ({@code POST /returns}) when the batch ends.
 *
 * <p>Wiring: after the line's batch end has released the job's unused codes
 * ({@link CodeLedger#releaseUnused}), call {@link #batchEnded(String)} with the job id (it is a
 * {@code Consumer<String>}). The released codes that are still AVAILABLE become RETURNED in the
 * ledger first (so they are never allocated again), then the return is remembered in
 * {@code platform_returns} and sent under the key {@code <stationId>/codes-return/<jobId>/<productId>};
 * a return the platform has not confirmed is sent again by {@link #start()}'s background task
 * (with backoff) and after a restart. A crash between the two writes leaves codes RETURNED at the
 * station that the platform still counts as issued: unused either way, never printed twice.
 */
public final class UnusedCodeReturns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnusedCodeReturns.class);

    private final Database db;
    private final CodeLedger ledger;
    private final PlatformClient client;
    private final String stationId;
    private final Clock clock;
    private final BackgroundTask task;

    /**
     * @param retryInterval how often unconfirmed returns are sent again while the platform answers
     */
    public UnusedCodeReturns(Database db, CodeLedger ledger, PlatformClient client, String stationId, Clock clock,
                             Duration retryInterval, Backoff backoff) {
        this.db = db;
        this.ledger = ledger;
        this.client = client;
        this.stationId = stationId;
        this.clock = clock;
        this.task = new BackgroundTask("code-returns", this::sendPending, retryInterval, backoff, LOG, clock);
    }

    /**
     * Returns the job's released codes: RETURNED in the ledger, remembered, then sent (on the
     * background task when started, else on the calling thread, failures left for a later send).
     *
     * @return codes returned per product
     */
    public Map<String, List<String>> batchEnded(String jobId) {
        Map<String, List<String>> released = releasedCodes(jobId);
        for (Map.Entry<String, List<String>> e : released.entrySet()) {
            ledger.returnCodes(e.getValue(), "platform-return");
            remember(jobId, e.getKey(), e.getValue());
        }
        if (!released.isEmpty()) {
            LOG.info("job {}: {} unused codes returned to the platform", jobId,
                    released.values().stream().mapToInt(List::size).sum());
        }
        if (task.isStarted()) {
            task.runNow();
        } else {
            try {
                sendPending();
            } catch (PlatformException e) {
                LOG.warn("job {}: code return not confirmed yet, sent again later: {}", jobId, e.getMessage());
            }
        }
        return released;
    }

    /**
     * Sends every return the platform has not confirmed.
     *
     * @return how many returns were confirmed now
     * @throws PlatformException when the platform cannot take them now (the rest is kept)
     */
    public int sendPending() {
        int confirmed = 0;
        for (CodeReturn r : unconfirmed()) {
            ReturnResult result = client.returnCodes(r);
            if (!result.refused().isEmpty()) {
                LOG.warn("{}: return {} refused {} codes for good: {}", client.describe(), r.idempotencyKey(),
                        result.refused().size(), result.refused());
            }
            db.inTransaction(conn -> {
                try (PreparedStatement ps = conn.prepareStatement(
                        "UPDATE platform_returns SET confirmed_at = ? WHERE idempotency_key = ?")) {
                    ps.setLong(1, clock.millis());
                    ps.setString(2, r.idempotencyKey());
                    ps.executeUpdate();
                }
                return null;
            });
            confirmed++;
        }
        return confirmed;
    }

    /** Returns not yet confirmed by the platform, oldest first. */
    public List<CodeReturn> unconfirmed() {
        return db.read(conn -> {
            List<CodeReturn> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT idempotency_key, product_id, codes FROM"
                    + " platform_returns WHERE confirmed_at IS NULL ORDER BY created_at, idempotency_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CodeReturn(rs.getString(1), rs.getString(2), codes(rs.getString(3))));
                }
            }
            return out;
        });
    }

    /** Sends unconfirmed returns now and then every retry interval (backing off while the platform fails). */
    public void start() {
        task.start();
    }

    @Override
    public void close() {
        task.close();
    }

    private Map<String, List<String>> releasedCodes(String jobId) {
        return db.read(conn -> {
            Map<String, List<String>> byProduct = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT c.code, coalesce(p.product_id, d.product_id)"
                    + " FROM codes c JOIN code_packages p ON p.id = c.package_id"
                    + " LEFT JOIN job_details d ON d.job_id = ?"
                    + " WHERE c.state = 'AVAILABLE' AND c.id IN (SELECT code_id FROM transitions WHERE job_id = ?"
                    + " AND from_state = 'ALLOCATED' AND to_state = 'AVAILABLE') ORDER BY c.id")) {
                ps.setString(1, jobId);
                ps.setString(2, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String product = rs.getString(2) == null ? "" : rs.getString(2);
                        byProduct.computeIfAbsent(product, k -> new ArrayList<>()).add(rs.getString(1));
                    }
                }
            }
            return byProduct;
        });
    }

    private void remember(String jobId, String productId, List<String> codes) {
        String key = stationId + "/codes-return/" + jobId + "/" + productId;
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO platform_returns"
                    + "(idempotency_key, job_id, product_id, codes, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, jobId);
                ps.setString(3, productId);
                ps.setString(4, PlatformJson.mapper().writeValueAsString(codes));
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write codes as JSON", e);
            }
            return null;
        });
    }

    private static List<String> codes(String json) {
        try {
            return PlatformJson.mapper().readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new StorageException("platform_returns holds bad JSON: " + e.getOriginalMessage(), e);
        }
    }
}
