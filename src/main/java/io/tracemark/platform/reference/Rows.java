package io.tracemark.platform.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.core.StorageException;
import io.tracemark.platform.PlatformJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes contract records kept as JSON in the platform database. */
final class Rows {

    private static final ObjectMapper JSON = PlatformJson.mapper();

    private Rows() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON document as a tree, for comparisons that ignore field order. */
    static com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StorageException("platform database holds bad JSON", e);
        }
    }

    static <T> T parse(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("platform database holds bad JSON for " + type.getSimpleName(), e);
        }
    }

    /** Every row's {@code json} column, parsed, for a query with the given string parameters. */
    static <T> List<T> list(Connection c, Class<T> type, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parse(rs.getString("json"), type));
                }
            }
            return out;
        }
    }

    static <T> Optional<T> one(Connection c, Class<T> type, String sql, String... params) throws SQLException {
        List<T> rows = list(c, type, sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
