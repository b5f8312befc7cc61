package io.tracemark.site;

import io.tracemark.pack.Sscc;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The stations' cases as the site learns them: every AGGREGATED event names its unit's case
 * ({@code parentCode}, the case's SSCC as 18 digits or an AI 00 element string) and may carry the
 * case's size ({@code details.caseUnits}); the case and its units are kept in {@code site_cases} and
 * {@code site_case_units} in the transaction that stores the event, so the palletiser sees a case as
 * soon as the site holds its events.
 */
final class SiteCases {

    /** The detail of an AGGREGATED event giving how many units its case holds. */
    static final String CASE_UNITS = "caseUnits";

    private SiteCases() {
    }

    /** Records the cases of the AGGREGATED events stored now ({@code stored}: key to seq). */
    static void learn(Connection c, String stationId, Iterable<UnitEvent> events, Map<String, Long> stored)
            throws SQLException {
        try (PreparedStatement cases = c.prepareStatement("INSERT INTO site_cases(sscc, station_id, product_id, job_id,"
                + " expected_units) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sscc) DO UPDATE SET expected_units ="
                + " coalesce(site_cases.expected_units, excluded.expected_units)");
             PreparedStatement units = c.prepareStatement("INSERT INTO site_case_units(code, case_sscc, station_id,"
                     + " event_seq) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET case_sscc = excluded.case_sscc,"
                     + " station_id = excluded.station_id, event_seq = excluded.event_seq"
                     + " WHERE site_case_units.event_seq < excluded.event_seq")) {
            int n = 0;
            for (UnitEvent e : events) {
                Long seq = stored.get(e.idempotencyKey());
                if (seq == null || e.type() != UnitEventType.AGGREGATED || e.parentCode() == null
                        || e.parentCode().isBlank()) {
                    continue;
                }
                String sscc = normalised(e.parentCode());
                cases.setString(1, sscc);
                cases.setString(2, stationId);
                cases.setString(3, e.productId());
                cases.setString(4, e.jobId());
                Integer expected = caseUnits(e.details().get(CASE_UNITS));
                if (expected == null) {
                    cases.setNull(5, java.sql.Types.INTEGER);
                } else {
                    cases.setInt(5, expected);
                }
                cases.addBatch();
                units.setString(1, e.code());
                units.setString(2, sscc);
                units.setString(3, stationId);
                units.setLong(4, seq);
                units.addBatch();
                n++;
            }
            if (n > 0) {
                cases.executeBatch();
                units.executeBatch();
            }
        }
    }

    /** An SSCC as its 18 digits when it is one (a scan or an element string), else as sent. */
    static String normalised(String code) {
        try {
            return Sscc.parse(code).digits();
        } catch (IllegalArgumentException notAnSscc) {
            return code.strip();
        }
    }

    private static Integer caseUnits(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
