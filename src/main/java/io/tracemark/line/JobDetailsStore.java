package io.tracemark.line;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a job is about beyond the ledger's row ({@code job_details}): product, batch, dates, scheme,
 * template, devices, minimum grade. Kept so that a restarted station can resume an unfinished job.
 */
final class JobDetailsStore {

    private final Database db;
    private final CodeLedger ledger;

    /** @param ledger where the job's own row is read (level, quantity): the ledger's tables are its own */
    JobDetailsStore(Database db, CodeLedger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    void save(String jobId, JobRequest r, String minimumGrade, String actor) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO job_details(job_id, product_id, batch, "
                    + "production_date, expiry_date, scheme, template, printer, scanner, minimum_grade, started_by) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, jobId);
                ps.setString(2, r.productId());
                ps.setString(3, r.batch());
                ps.setString(4, r.productionDate().toString());
                ps.setString(5, r.expiryDate() == null ? null : r.expiryDate().toString());
                ps.setString(6, r.scheme());
                ps.setString(7, r.template());
                ps.setString(8, r.printer());
                ps.setString(9, r.scanner());
                ps.setString(10, minimumGrade);
                ps.setString(11, actor);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The request a job was started with, with its level and quantity from the ledger's row. */
    Optional<JobRequest> load(String jobId) {
        Optional<io.tracemark.ledger.Job> job = ledger.job(jobId);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        TraceLevel level = job.get().traceLevel();
        int quantity = job.get().quantity();
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT product_id, batch, production_date, "
                    + "expiry_date, scheme, template, printer, scanner, minimum_grade FROM job_details WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<JobRequest>empty();
                    }
                    String expiry = rs.getString(4);
                    return Optional.of(new JobRequest(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3)),
                            expiry == null ? null : LocalDate.parse(expiry), level, rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), quantity, rs.getString(9)));
                }
            }
        });
    }

    /** Marks an OPEN job suspended (or not): it keeps its codes and can be resumed later. */
    void suspended(String jobId, boolean suspended, String actor, java.time.Instant at) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE job_details SET suspended_at = ?, "
                    + "suspended_by = ? WHERE job_id = ?")) {
                ps.setString(1, suspended ? at.toString() : null);
                ps.setString(2, suspended ? actor : null);
                ps.setString(3, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Whether the job is suspended. */
    boolean isSuspended(String jobId) {
        return db.count("SELECT count(*) FROM job_details WHERE job_id = ? AND suspended_at IS NOT NULL", jobId) > 0;
    }
}
