package io.tracemark.platform;

import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The product each station job produces, read from {@code job_details} and cached (a job's product never changes). */
public final class JobProducts implements Function<String, String> {

    private final Database db;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public JobProducts(Database db) {
        this.db = db;
    }

    /** The job's product id, or null when the job has no details (yet). */
    @Override
    public String apply(String jobId) {
        String cached = cache.get(jobId);
        if (cached != null) {
            return cached;
        }
        String product = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT product_id FROM job_details WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (product != null) {
            cache.put(jobId, product);
        }
        return product;
    }
}
