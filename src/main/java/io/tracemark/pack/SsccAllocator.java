package io.tracemark.pack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out SSCCs from the configured ranges, each exactly once: a range's {@code next_serial} only
 * grows, inside the transaction that creates the parent, and ranges that would issue the same SSCC are
 * refused when added.
 */
final class SsccAllocator {

    private SsccAllocator() {
    }

    /** Adds {@code range} unless it holds an SSCC some stored range holds; {@code false} when it was there already. */
    static boolean addRange(Connection conn, SsccRange range, String source, String actor, long now) throws SQLException {
        for (Stored stored : ranges(conn)) {
            if (stored.range().equals(range)) {
                return false;
            }
            if (stored.range().overlaps(range)) {
                throw new PackRefusedException(Refusal.RANGE_OVERLAPS, "SSCC range " + describe(range)
                        + " overlaps range " + describe(stored.range()) + " (from " + stored.source()
                        + "): an SSCC is never issued twice");
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sscc_ranges (company_prefix, extension_digit, "
                + "first_serial, last_serial, next_serial, source, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, range.companyPrefix());
            ps.setInt(2, range.extensionDigit());
            ps.setLong(3, range.firstSerial());
            ps.setLong(4, range.lastSerial());
            ps.setLong(5, range.firstSerial());
            ps.setString(6, source);
            ps.setLong(7, now);
            ps.setString(8, actor);
            ps.executeUpdate();
        }
        return true;
    }

    /** The next unused SSCC, taken from the oldest range with serials left. */
    static Sscc next(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE sscc_ranges SET next_serial = next_serial + 1 "
                + "WHERE id = (SELECT id FROM sscc_ranges WHERE next_serial <= last_serial ORDER BY id LIMIT 1) "
                + "RETURNING company_prefix, extension_digit, next_serial - 1")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    long ranges = PackRows.number(conn, "SELECT count(*) FROM sscc_ranges");
                    throw new PackRefusedException(Refusal.NO_SSCC_LEFT, ranges == 0
                            ? "no SSCC range configured: set pack.ssccRange (company prefix, extension digit, serials)"
                            : "every SSCC of the " + ranges + " configured range(s) is used: add a new range");
                }
                return Sscc.of(rs.getInt(2), rs.getString(1), rs.getLong(3));
            }
        }
    }

    /** SSCCs left in every range. */
    static long remaining(Connection conn) throws SQLException {
        return PackRows.number(conn, "SELECT coalesce(sum(last_serial - next_serial + 1), 0) FROM sscc_ranges");
    }

    private record Stored(SsccRange range, String source) {
    }

    private static List<Stored> ranges(Connection conn) throws SQLException {
        List<Stored> ranges = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT company_prefix, extension_digit, first_serial, last_serial, source FROM sscc_ranges");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ranges.add(new Stored(new SsccRange(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                        rs.getString(5)));
            }
        }
        return ranges;
    }

    private static String describe(SsccRange r) {
        return r.extensionDigit() + "/" + r.companyPrefix() + "/" + r.firstSerial() + ".." + r.lastSerial();
    }
}
