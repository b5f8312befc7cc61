package io.tracemark.master;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code product_component_roles}: a 组合多码 product's set of component roles, in order. */
final class ComponentRoleRows {

    private ComponentRoleRows() {
    }

    static List<ComponentRole> roles(Connection conn, String productId) throws SQLException {
        List<ComponentRole> roles = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT role, name, scheme, component_product FROM "
                + "product_component_roles WHERE product_id = ? ORDER BY position")) {
            ps.setString(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(new ComponentRole(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4))));
                }
            }
        }
        return roles;
    }

    /** Replaces the product's roles by {@code roles} (none: the product is no longer a set of components). */
    static void replace(Connection conn, String productId, List<ComponentRole> roles) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM product_component_roles WHERE product_id = ?")) {
            ps.setString(1, productId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO product_component_roles (product_id, role, name, "
                + "scheme, component_product, position) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ComponentRole r : roles) {
                ps.setString(1, productId);
                ps.setString(2, r.role());
                ps.setString(3, r.name());
                ps.setString(4, r.scheme().orElse(null));
                ps.setString(5, r.productId().orElse(null));
                ps.setInt(6, position++);
                ps.executeUpdate();
            }
        }
    }
}
