package io.tracemark.pack;

import java.sql.Connection;
import java.sql.SQLException;

/** Moves or frees all the children of a parent inside one transaction, journalling each one. */
final class ParentMoves {

    private final Connection conn;
    private final String actor;
    private final long now;

    ParentMoves(Connection conn, String actor, long now) {
        this.conn = conn;
        this.actor = actor;
        this.now = now;
    }

    /** Every child of {@code from} now belongs to the parent {@code toId} (same kind). */
    void moveChildren(Parent from, long toId) throws SQLException {
        String job = from.jobId().orElse(null);
        if (from.kind() == ParentKind.CASE) {
            for (long unit : PackRows.unitsIn(conn, from.id())) {
                String unitJob = jobOfLink(unit);
                PackRows.unlink(conn, unit);
                PackRows.event(conn, "UNLINK", from.id(), unit, null, unitJob, actor, "relabel", now);
                PackRows.link(conn, unit, toId, unitJob, now);
                PackRows.event(conn, "LINK", toId, unit, null, unitJob, actor, "relabel", now);
            }
        } else {
            for (Parent box : PackRows.casesOn(conn, from.id())) {
                PackRows.setPallet(conn, box.id(), toId);
                PackRows.event(conn, "TAKE", from.id(), null, box.id(), job, actor, "relabel", now);
                PackRows.event(conn, "PUT", toId, null, box.id(), job, actor, "relabel", now);
            }
        }
    }

    /** Frees every child of {@code parent}; a case also leaves its pallet. */
    void empty(Parent parent, String reason) throws SQLException {
        if (parent.kind() == ParentKind.CASE) {
            for (long unit : PackRows.unitsIn(conn, parent.id())) {
                String unitJob = jobOfLink(unit);
                PackRows.unlink(conn, unit);
                PackRows.event(conn, "UNLINK", parent.id(), unit, null, unitJob, actor, reason, now);
            }
            if (parent.palletSscc().isPresent()) {
                Parent pallet = PackRows.parent(conn, parent.palletSscc().get()).orElseThrow();
                PackRows.setPallet(conn, parent.id(), null);
                PackRows.event(conn, "TAKE", pallet.id(), null, parent.id(), parent.jobId().orElse(null), actor, reason, now);
            }
        } else {
            for (Parent box : PackRows.casesOn(conn, parent.id())) {
                PackRows.setPallet(conn, box.id(), null);
                PackRows.event(conn, "TAKE", parent.id(), null, box.id(), box.jobId().orElse(null), actor, reason, now);
            }
        }
    }

    private String jobOfLink(long unitId) throws SQLException {
        try (var ps = conn.prepareStatement("SELECT job_id FROM pack_links WHERE unit_id = ?")) {
            ps.setLong(1, unitId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
