package io.tracemark.platform;

import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link PendingCodeRequests} in the station database (table {@code platform_code_requests}). */
public final class StoredCodeRequests implements PendingCodeRequests {

    private final Database db;
    private final Clock clock;

    public StoredCodeRequests(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Collection<CodeRequest> all() {
        return db.read(conn -> {
            List<CodeRequest> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, product_id, quantity FROM platform_code_requests ORDER BY requested_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CodeRequest(rs.getString(1), rs.getString(2), rs.getInt(3), null,
                            CodeRequestStatus.PENDING_AUDIT, null, null, null, null));
                }
            }
            return out;
        });
    }

    @Override
    public void add(CodeRequest request) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO platform_code_requests"
                    + "(id, product_id, quantity, requested_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, request.id());
                ps.setString(2, request.productId());
                ps.setInt(3, request.quantity());
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void remove(String requestId) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM platform_code_requests WHERE id = ?")) {
                ps.setString(1, requestId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
