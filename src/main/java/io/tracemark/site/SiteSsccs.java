package io.tracemark.site;

import io.tracemark.pack.Sscc;
import io.tracemark.pack.SsccRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The site's SSCCs for its pallets, each issued once: from the ranges in {@code site_sscc_ranges}
 * (site.yaml {@code sscc:} adds one), whose {@code next_serial} only grows inside the transaction that
 * creates the pallet; the row lock serialises site processes. The SSCC and its check digit are
 * {@link Sscc}'s (GS1 General Specifications 2.2). A range that overlaps a stored one is refused.
 */
final class SiteSsccs {

    private SiteSsccs() {
    }

    /** Adds {@code range} unless it is stored already; refuses one that would issue a stored range's SSCC. */
    static void add(SiteDatabase db, SsccRange range) {
        db.inTransaction(c -> {
            try (var lock = c.createStatement()) {
                lock.execute("LOCK TABLE site_sscc_ranges IN EXCLUSIVE MODE");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT company_prefix, extension_digit, first_serial,"
                    + " last_serial FROM site_sscc_ranges"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SsccRange stored = new SsccRange(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4));
                    if (stored.equals(range)) {
                        return null;
                    }
                    if (stored.overlaps(range)) {
                        throw new io.tracemark.core.InvalidInputException("site.yaml sscc", List.of(
                                new io.tracemark.core.Problem("sscc", "range " + describe(range) + " overlaps the site's"
                                        + " range " + describe(stored) + ": an SSCC is never issued twice")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_sscc_ranges(company_prefix, extension_digit,"
                    + " first_serial, last_serial, next_serial) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, range.companyPrefix());
                ps.setInt(2, range.extensionDigit());
                ps.setLong(3, range.firstSerial());
                ps.setLong(4, range.lastSerial());
                ps.setLong(5, range.firstSerial());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The next unused SSCC, from the oldest range with serials left. */
    static Sscc next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE site_sscc_ranges SET next_serial = next_serial + 1"
                + " WHERE id = (SELECT id FROM site_sscc_ranges WHERE next_serial <= last_serial ORDER BY id LIMIT 1"
                + " FOR UPDATE) RETURNING company_prefix, extension_digit, next_serial - 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw WarehouseRefusal.NO_SSCC_LEFT.because("the site has no SSCC left: add a range in site.yaml"
                        + " (sscc: companyPrefix, extensionDigit, first, last) and restart the site");
            }
            return Sscc.of(rs.getInt(2), rs.getString(1), rs.getLong(3));
        }
    }

    /** SSCCs left in every range. */
    static long remaining(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(last_serial - next_serial + 1), 0)"
                + " FROM site_sscc_ranges"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String describe(SsccRange r) {
        return r.extensionDigit() + "/" + r.companyPrefix() + "/" + r.firstSerial() + ".." + r.lastSerial();
    }
}
