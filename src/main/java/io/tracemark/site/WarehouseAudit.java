package io.tracemark.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The site's audit trail of its warehouse ({@code site_audit}): who did what, in the transaction of
 * the change. A buyer's contact is never written here (guideline 7.1.4), only the buyer's name.
 */
final class WarehouseAudit {

    void record(Connection c, String actor, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_audit(actor, action, detail) VALUES (?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, detail);
            ps.executeUpdate();
        }
    }
}
