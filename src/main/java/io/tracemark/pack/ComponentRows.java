package io.tracemark.pack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The SQL of 组合多码 component links: {@code component_links} and its journal {@code component_events}. */
final class ComponentRows {

    /** A component code's link: the product unit and role holding it. */
    record Link(long unitId, String unitCode, String role) {
    }

    private ComponentRows() {
    }

    /** The component codes the unit's roles hold, by role. */
    static Map<String, String> linksOf(Connection conn, long unitId) throws SQLException {
        Map<String, String> links = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT role, component_code FROM component_links WHERE unit_id = ?")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return links;
    }

    /** Where a component code is linked now, if anywhere. */
    static Optional<Link> linkOf(Connection conn, String componentCode) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT l.unit_id, c.code, l.role FROM component_links l "
                + "JOIN units u ON u.id = l.unit_id JOIN codes c ON c.id = u.code_id WHERE l.component_code = ?")) {
            ps.setString(1, componentCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Link(rs.getLong(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    static void link(Connection conn, long unitId, String role, String componentCode, String jobId, String actor, long now)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO component_links (component_code, unit_id, role, "
                + "job_id, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, componentCode);
            ps.setLong(2, unitId);
            ps.setString(3, role);
            ps.setString(4, jobId);
            ps.setLong(5, now);
            ps.setString(6, actor);
            ps.executeUpdate();
        }
    }

    static void unlink(Connection conn, long unitId, String role) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM component_links WHERE unit_id = ? AND role = ?")) {
            ps.setLong(1, unitId);
            ps.setString(2, role);
            ps.executeUpdate();
        }
    }

    /** One journal row: {@code LINK} or {@code UNLINK} of a component on a unit's role. */
    static void event(Connection conn, String action, long unitId, String role, String componentCode, String jobId,
                      String actor, String reason, long now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO component_events (action, unit_id, role, "
                + "component_code, job_id, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, action);
            ps.setLong(2, unitId);
            ps.setString(3, role);
            ps.setString(4, componentCode);
            ps.setString(5, jobId);
            ps.setString(6, actor);
            ps.setString(7, reason);
            ps.setLong(8, now);
            ps.executeUpdate();
        }
    }
}
