package io.tracemark.records.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The live tables whose rows leave with an archived job: {@code units}, and every table with a foreign key
 * to {@code units} (ledger transitions, aggregation links and events, shipped units, ... found in the
 * schema, so tables added later move too). Each is a rowid table: its rows keep their keys in the archive,
 * and the live rows are deleted by those keys.
 *
 * <p>Tables that stay live and are copied into the archive for context only: the jobs, their details,
 * codes and code packages, producers and products, gate counts, the cases, pallets and shipments the moved
 * rows name. Jobs and codes stay so that a code is never imported twice and a job id never reused.
 *
 * @param name   the table
 * @param column its column referring to {@code units.id}
 */
record MovedTables(String name, String column) {

    /** The moved tables of the schema {@code schema} on {@code conn} (units itself not included), children first. */
    static List<MovedTables> referringToUnits(Connection conn, String schema) throws SQLException {
        List<MovedTables> found = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT m.name, f.\"from\" FROM " + schema + ".sqlite_master m, "
                + "pragma_foreign_key_list(m.name, '" + schema + "') f WHERE m.type = 'table' AND f.\"table\" = 'units' "
                + "ORDER BY m.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new MovedTables(rs.getString(1), rs.getString(2)));
            }
        }
        return found;
    }

    /** The rows of this table that belong to job {@code ?1} in {@code schema} (rowids). */
    String rowsOfJob(String schema) {
        String units = "SELECT id FROM " + schema + ".units WHERE job_id = ?1";
        String where = column + " IN (" + units + ")";
        if (name.equals("transitions")) {
            where = "job_id = ?1 OR " + where;
        }
        return "SELECT rowid FROM " + schema + "." + name + " WHERE " + where;
    }
}
