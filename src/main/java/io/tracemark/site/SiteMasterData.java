package io.tracemark.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tracemark.core.StorageException;
import io.tracemark.platform.PlatformJson;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's producer and product master data as the site last copied it: stations read it
 * from here, so they get it while the platform is down.
 */
public final class SiteMasterData {

    private final SiteDatabase db;

    public SiteMasterData(SiteDatabase db) {
        this.db = db;
    }

    /** Stores what the platform sent now (a record the platform no longer lists is kept). */
    public void store(List<Producer> producers, List<Product> products) {
        db.inTransaction(c -> {
            upsert(c, "master_producers", producers.stream().map(p -> new String[] {p.id(), json(p)}).toList());
            upsert(c, "master_products", products.stream().map(p -> new String[] {p.id(), json(p)}).toList());
            return null;
        });
    }

    private static void upsert(java.sql.Connection c, String table, List<String[]> rows) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + "(id, body) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = now()"
                + " WHERE " + table + ".body <> excluded.body")) {
            for (String[] row : rows) {
                ps.setString(1, row[0]);
                ps.setString(2, row[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Producer> producers() {
        return all("master_producers", Producer.class);
    }

    public List<Product> products() {
        return all("master_products", Product.class);
    }

    public Optional<Product> product(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM master_products WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parse(rs.getString(1), Product.class)) : Optional.<Product>empty();
                }
            }
        });
    }

    private <T> List<T> all(String table, Class<T> type) {
        return db.read(c -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + table + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parse(rs.getString(1), type));
                }
            }
            return out;
        });
    }

    static String json(Object value) {
        try {
            return PlatformJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T parse(String json, Class<T> type) {
        try {
            return PlatformJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("site database holds a bad " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
