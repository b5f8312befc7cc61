package io.tracemark.site;

import io.tracemark.pack.Sscc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The site's palletiser: a pallet gets an SSCC of the site's range ({@link SiteSsccs}), cases from
 * any line go on it, then it is closed. The rules are pack's (issue 16), each a refusal with a clear
 * message and nothing changed: the pallet unknown, closed or shipped; the case unknown at the site
 * (no line reported it), not complete yet (fewer of its units' events arrived than the line packed),
 * holding a unit not verified, shipped by its line, already on a pallet (this one: scanned twice) or
 * in a shipment. Rows are locked ({@code FOR UPDATE}) so two site processes never put one case on
 * two pallets; the primary key of {@code site_pallet_cases} holds it as well.
 */
final class SitePallets {

    /** A case on a pallet: its line and how many units the site knows in it. */
    record PalletCase(String sscc, String stationId, String productId, long units) {
    }

    /** A pallet and its cases. */
    record Pallet(String sscc, String state, List<PalletCase> cases, long units) {
    }

    /** A station's case as the site knows it. */
    record SiteCase(String sscc, String stationId, String productId, String jobId, Integer expectedUnits, long units,
                    String palletSscc, String orderNumber) {
    }

    private final SiteDatabase db;
    private final WarehouseAudit audit;

    SitePallets(SiteDatabase db, WarehouseAudit audit) {
        this.db = db;
        this.audit = audit;
    }

    /** A new open pallet with the site's next SSCC. */
    Pallet create(String user) {
        return db.inTransaction(c -> {
            Sscc sscc = SiteSsccs.next(c);
            if (siteCase(c, sscc.digits()).isPresent()) {
                throw WarehouseRefusal.SSCC_TAKEN.because("the site's next SSCC " + sscc + " is a case's SSCC of a line:"
                        + " the site's SSCC range overlaps a station's; give the site a range of its own");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_pallets(sscc, state, created_by)"
                    + " VALUES (?, 'OPEN', ?)")) {
                ps.setString(1, sscc.digits());
                ps.setString(2, user);
                ps.executeUpdate();
            }
            audit.record(c, user, "pallet.create", "pallet " + sscc);
            return pallet(c, sscc.digits()).orElseThrow();
        });
    }

    /** Puts a line's case on an open pallet. */
    Pallet put(String palletCode, String caseCode, String user) {
        String palletSscc = SiteCases.normalised(palletCode);
        String caseSscc = SiteCases.normalised(caseCode);
        return db.inTransaction(c -> {
            String state = lockedState(c, palletSscc);
            if (!"OPEN".equals(state)) {
                throw "SHIPPED".equals(state)
                        ? WarehouseRefusal.PALLET_SHIPPED.because("pallet " + palletSscc + " has shipped: nothing goes on it")
                        : WarehouseRefusal.PALLET_CLOSED.because("pallet " + palletSscc + " is closed: nothing more goes on it");
            }
            SiteCase box = caseToLoad(c, caseSscc, palletSscc);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_pallet_cases(case_sscc, pallet_sscc, added_by)"
                    + " VALUES (?, ?, ?)")) {
                ps.setString(1, box.sscc());
                ps.setString(2, palletSscc);
                ps.setString(3, user);
                ps.executeUpdate();
            }
            audit.record(c, user, "pallet.put", "case " + box.sscc() + " of " + box.stationId() + " (" + box.units()
                    + " units) on pallet " + palletSscc);
            return pallet(c, palletSscc).orElseThrow();
        });
    }

    /** Closes an open pallet that holds a case at least: it may ship then. */
    Pallet close(String palletCode, String user) {
        String palletSscc = SiteCases.normalised(palletCode);
        return db.inTransaction(c -> {
            String state = lockedState(c, palletSscc);
            if (!"OPEN".equals(state)) {
                throw WarehouseRefusal.PALLET_CLOSED.because("pallet " + palletSscc + " is " + state.toLowerCase()
                        + " already");
            }
            Pallet p = pallet(c, palletSscc).orElseThrow();
            if (p.cases().isEmpty()) {
                throw WarehouseRefusal.PALLET_EMPTY.because("pallet " + palletSscc + " is empty: put a case on it first");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE site_pallets SET state = 'CLOSED', closed_at = now(),"
                    + " closed_by = ? WHERE sscc = ?")) {
                ps.setString(1, user);
                ps.setString(2, palletSscc);
                ps.executeUpdate();
            }
            audit.record(c, user, "pallet.close", "pallet " + palletSscc + ": " + p.cases().size() + " cases, "
                    + p.units() + " units");
            return pallet(c, palletSscc).orElseThrow();
        });
    }

    Optional<Pallet> pallet(String code) {
        return db.read(c -> pallet(c, SiteCases.normalised(code)));
    }

    Optional<SiteCase> siteCase(String code) {
        return db.read(c -> siteCase(c, SiteCases.normalised(code)));
    }

    /** The case, locked, if it may go on {@code palletSscc}; else the refusal. */
    private static SiteCase caseToLoad(Connection c, String caseSscc, String palletSscc) throws SQLException {
        if (exists(c, "SELECT 1 FROM site_pallets WHERE sscc = ?", caseSscc)) {
            throw WarehouseRefusal.NOT_A_CASE.because(caseSscc + " is a pallet of the site, not a case: a pallet does not"
                    + " go on a pallet");
        }
        if (!exists(c, "SELECT 1 FROM site_cases WHERE sscc = ? FOR UPDATE", caseSscc)) {
            throw WarehouseRefusal.UNKNOWN_CASE.because("case " + caseSscc + " is unknown at the site: no line reported"
                    + " it packed (its units' unit.aggregated events have not arrived)");
        }
        SiteCase box = siteCase(c, caseSscc).orElseThrow();
        if (box.palletSscc() != null) {
            throw box.palletSscc().equals(palletSscc)
                    ? WarehouseRefusal.SCANNED_TWICE.because("case " + caseSscc + " is on pallet " + palletSscc
                    + " already (scanned twice)")
                    : WarehouseRefusal.ON_A_PALLET.because("case " + caseSscc + " is on pallet " + box.palletSscc()
                    + ": take it off there first");
        }
        if (box.orderNumber() != null) {
            throw WarehouseRefusal.IN_SHIPMENT.because("case " + caseSscc + " is in shipment " + box.orderNumber());
        }
        requireComplete(box);
        requireVerifiedAndNotShipped(c, box);
        return box;
    }

    /** A case whose line said how many units it holds must have all of them at the site. */
    static void requireComplete(SiteCase box) {
        if (box.expectedUnits() != null && box.units() < box.expectedUnits()) {
            throw WarehouseRefusal.CASE_INCOMPLETE.because("case " + box.sscc() + ": " + box.units() + " of its "
                    + box.expectedUnits() + " units reported by " + box.stationId() + " so far: wait for the line's events");
        }
    }

    /** Every unit of the case verified (its last verdict at the site) and none shipped by a line. */
    static void requireVerifiedAndNotShipped(Connection c, SiteCase box) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE v.type IS DISTINCT FROM 'VERIFIED'),"
                + " count(*) FILTER (WHERE s.code IS NOT NULL) FROM site_case_units u"
                + " LEFT JOIN LATERAL (SELECT type FROM unit_events e WHERE e.code = u.code AND e.type IN"
                + " ('VERIFIED', 'REJECTED', 'VOIDED') ORDER BY e.seq DESC LIMIT 1) v ON true"
                + " LEFT JOIN LATERAL (SELECT e.code FROM unit_events e WHERE e.code = u.code AND e.type = 'SHIPPED'"
                + " LIMIT 1) s ON true WHERE u.case_sscc = ?")) {
            ps.setString(1, box.sscc());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw WarehouseRefusal.NOT_VERIFIED.because("case " + box.sscc() + ": " + rs.getLong(1) + " of its "
                            + box.units() + " units are not verified at the site (no VERIFIED event, or a later"
                            + " rejection or void): only verified units leave");
                }
                if (rs.getLong(2) > 0) {
                    throw WarehouseRefusal.SHIPPED_BY_LINE.because("case " + box.sscc() + ": " + rs.getLong(2)
                            + " of its units were shipped already (" + box.stationId() + " or the site reported them)");
                }
            }
        }
    }

    /** The pallet's state, its row locked; the refusal when the site has no such pallet. */
    static String lockedState(Connection c, String palletSscc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM site_pallets WHERE sscc = ? FOR UPDATE")) {
            ps.setString(1, palletSscc);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw WarehouseRefusal.UNKNOWN_PALLET.because("pallet " + palletSscc + " is not a pallet of the site");
                }
                return rs.getString(1);
            }
        }
    }

    static Optional<Pallet> pallet(Connection c, String sscc) throws SQLException {
        String state;
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM site_pallets WHERE sscc = ?")) {
            ps.setString(1, sscc);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                state = rs.getString(1);
            }
        }
        List<PalletCase> cases = new ArrayList<>();
        long units = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT k.sscc, k.station_id, k.product_id, (SELECT count(*) FROM"
                + " site_case_units u WHERE u.case_sscc = k.sscc) FROM site_pallet_cases pc JOIN site_cases k ON k.sscc ="
                + " pc.case_sscc WHERE pc.pallet_sscc = ? ORDER BY pc.added_at, k.sscc")) {
            ps.setString(1, sscc);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cases.add(new PalletCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    units += rs.getLong(4);
                }
            }
        }
        return Optional.of(new Pallet(sscc, state, cases, units));
    }

    static Optional<SiteCase> siteCase(Connection c, String sscc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.sscc, k.station_id, k.product_id, k.job_id,"
                + " k.expected_units, (SELECT count(*) FROM site_case_units u WHERE u.case_sscc = k.sscc), pc.pallet_sscc,"
                + " si.order_number FROM site_cases k LEFT JOIN site_pallet_cases pc ON pc.case_sscc = k.sscc"
                + " LEFT JOIN site_shipment_items si ON si.sscc = k.sscc WHERE k.sscc = ?")) {
            ps.setString(1, sscc);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int expected = rs.getInt(5);
                return Optional.of(new SiteCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.wasNull() ? null : expected, rs.getLong(6), rs.getString(7), rs.getString(8)));
            }
        }
    }

    static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
