package io.tracemark.platform;

import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The product each station job produces and its batch, read from {@code job_details} and cached (a
 * job's details never change). The batch goes with every unit event ({@code details.batch}) so a
 * site can recall a batch across its lines.
 */
public final class JobProducts implements Function<String, String> {

    private record Facts(String product, String batch) {
    }

    private final Database db;
    private final Map<String, Facts> cache = new ConcurrentHashMap<>();

    public JobProducts(Database db) {
        this.db = db;
    }

    /** The job's product id, or null when the job has no details (yet). */
    @Override
    public String apply(String jobId) {
        Facts f = facts(jobId);
        return f == null ? null : f.product();
    }

    /** The job's batch, or null when the job has no details (yet) or no batch. */
    public String batch(String jobId) {
        Facts f = facts(jobId);
        return f == null ? null : f.batch();
    }

    private Facts facts(String jobId) {
        Facts cached = cache.get(jobId);
        if (cached != null) {
            return cached;
        }
        Facts facts = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT product_id, batch FROM job_details WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Facts(rs.getString(1), rs.getString(2)) : null;
                }
            }
        });
        if (facts != null && facts.product() != null) {
            cache.put(jobId, facts);
        }
        return facts;
    }
}
