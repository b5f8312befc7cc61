package io.tracemark.pack;

import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * {@code bench recall}: a station database (created by the store's migrations) filled with {@code units} printed
 * units by batched SQL, as the recall reads them: jobs of {@value #JOB_UNITS} units, each its own batch, 10 jobs
 * a production day; {@value #CASE_UNITS} units a case, {@value #PALLET_CASES} cases a pallet, the last
 * {@value #LOOSE} units of a job loose (half of them rejected); two pallets in three shipped, to {@value #BUYERS}
 * buyers in turn, one order per job and buyer. Then one batch, one unit code and one pallet are recalled through
 * {@link Recalls#find}, each timed on its first run (after one recall of each kind on the first job, so the code
 * is warm as in a running station, but not the data) and as the median of five more.
 *
 * <p>The fill writes the ledger's and packing's tables directly, without their transitions, events and audit
 * entries: the recall reads none of those, and a fill through the ledger would take hours at 10 million units.
 */
public final class RecallBenchmark {

    static final int JOB_UNITS = 10_000;
    static final int CASE_UNITS = 20;
    static final int PALLET_CASES = 25;
    static final int LOOSE = 100;
    static final int BUYERS = 5;
    private static final int JOBS_A_DAY = 10;
    private static final String PREFIX = "6901234";
    private static final long T0 = 1_780_000_000_000L;

    private RecallBenchmark() {
    }

    /**
     * One recall timed.
     *
     * @param selector     what was recalled
     * @param units        units found
     * @param buyers       buyers found
     * @param firstSeconds the first run
     * @param medianSeconds the median of five more
     */
    public record Timing(String selector, int units, int buyers, double firstSeconds, double medianSeconds) {
    }

    /**
     * What was measured.
     *
     * @param units         units in the database
     * @param fillSeconds   time to fill it
     * @param databaseBytes size of station.db
     * @param batch         a batch recall (a job's {@value #JOB_UNITS} units)
     * @param code          a unit code recall
     * @param pallet        a pallet SSCC recall
     */
    public record Result(long units, double fillSeconds, long databaseBytes, Timing batch, Timing code, Timing pallet) {
    }

    public static Result run(Path data, int units) throws SQLException, java.io.IOException {
        if (units < JOB_UNITS) {
            throw new IllegalArgumentException("bench recall: --units must be at least " + JOB_UNITS + " (one job)");
        }
        long t0 = System.nanoTime();
        Database.open(data).close();
        int jobs = units / JOB_UNITS;
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME))) {
            fill(conn, jobs);
        }
        double fill = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(data.resolve(Database.FILE_NAME));
        int middle = jobs / 2;
        long unitId = (long) middle * JOB_UNITS + 1;
        try (Database db = Database.open(data)) {
            Recalls recalls = new Recalls(db);
            // a running station's code is warm: one recall of each kind on job 0 first, none of the data timed
            recalls.find(new RecallSelector.ByBatch(batch(0)));
            recalls.find(new RecallSelector.ByCode(code(1)));
            recalls.find(new RecallSelector.ByCode(pallet(0, 0).elementString()));
            Timing batch = time(() -> recalls.find(new RecallSelector.ByBatch(batch(middle))));
            Timing code = time(() -> recalls.find(new RecallSelector.ByCode(code(unitId))));
            Timing pallet = time(() -> recalls.find(new RecallSelector.ByCode(pallet(middle, 0).elementString())));
            return new Result((long) jobs * JOB_UNITS, round(fill), bytes, batch, code, pallet);
        }
    }

    private static Timing time(Supplier<RecallResult> recall) {
        long t = System.nanoTime();
        RecallResult first = recall.get();
        double firstSeconds = (System.nanoTime() - t) / 1e9;
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            t = System.nanoTime();
            recall.get();
            runs[i] = (System.nanoTime() - t) / 1e9;
        }
        java.util.Arrays.sort(runs);
        return new Timing(first.selector().describe(), first.units().size(), first.buyers().size(), round(firstSeconds),
                round(runs[runs.length / 2]));
    }

    private static void fill(Connection conn, int jobs) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode = OFF"); // a fresh file of the bench: nothing to lose
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA cache_size = -400000");
        }
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.execute("INSERT INTO producers VALUES ('PR-BENCH', '示例电器有限公司', '91440101MA59A1B2XK', '广州', "
                    + "'020-1', 'lic')");
            st.execute("INSERT INTO products (id, producer_id, name, type, specification, mandatory_standard, "
                    + "inspection_report) VALUES ('P-BENCH', 'PR-BENCH', '电热水壶', 'kettle', '1.5 L', 'GB 4706.19', 'r')");
            st.execute("INSERT INTO code_packages (id, sha256, file_name, scheme, code_count, imported_at, actor) "
                    + "VALUES (1, 'bench', 'bench recall', 'bench', " + (long) jobs * JOB_UNITS + ", " + T0 + ", 'bench')");
        }
        try (Rows rows = new Rows(conn)) {
            for (int job = 0; job < jobs; job++) {
                rows.job(job);
                if (job % 20 == 19) {
                    rows.flush();
                    conn.commit();
                }
            }
            rows.flush();
        }
        conn.commit();
        conn.setAutoCommit(true);
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL"); // as the station runs it
        }
    }

    static String batch(int job) {
        return String.format("B%06d", job);
    }

    static String code(long unitId) {
        return String.format("BENCH%010d", unitId);
    }

    static Sscc pallet(int job, int pallet) {
        return Sscc.of(0, PREFIX, (long) job * 1000 + pallet);
    }

    static Sscc box(int job, int box) {
        return Sscc.of(0, PREFIX, (long) job * 1000 + 100 + box);
    }

    /** The prepared inserts of the fill, batched. */
    private static final class Rows implements AutoCloseable {
        private final PreparedStatement jobRow;
        private final PreparedStatement details;
        private final PreparedStatement codeRow;
        private final PreparedStatement unitRow;
        private final PreparedStatement parent;
        private final PreparedStatement link;
        private final PreparedStatement shipment;
        private final PreparedStatement item;
        private final PreparedStatement shipped;
        private long parentId;

        Rows(Connection conn) throws SQLException {
            jobRow = conn.prepareStatement("INSERT INTO jobs (id, trace_level, quantity, state, created_at, ended_at) "
                    + "VALUES (?, 'ITEM', ?, 'ENDED', ?, ?)");
            details = conn.prepareStatement("INSERT INTO job_details (job_id, product_id, batch, production_date, scheme, "
                    + "template, printer, scanner, minimum_grade, started_by) VALUES (?, 'P-BENCH', ?, ?, 'bench', "
                    + "'kettle', 'p', 's', 'C', 'bench')");
            codeRow = conn.prepareStatement("INSERT INTO codes (id, code, scheme, package_id, state, job_id, updated_at) "
                    + "VALUES (?, ?, 'bench', 1, ?, ?, ?)");
            unitRow = conn.prepareStatement("INSERT INTO units (id, job_id, code_id, seq, state, reason, grade, sent_at, "
                    + "verdict_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parent = conn.prepareStatement("INSERT INTO parents (id, sscc, kind, state, capacity, job_id, product_id, "
                    + "pallet_id, label_state, created_at, created_by, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?, "
                    + "'P-BENCH', ?, 'VERIFIED', ?, 'bench', ?, 'bench')");
            link = conn.prepareStatement("INSERT INTO pack_links (unit_id, parent_id, job_id, linked_at) VALUES (?, ?, ?, ?)");
            shipment = conn.prepareStatement("INSERT INTO shipments (id, order_number, buyer_name, buyer_address, "
                    + "buyer_contact, sale_time, state, created_at, created_by, closed_at, closed_by) VALUES (?, ?, ?, ?, "
                    + "?, ?, 'CLOSED', ?, 'bench', ?, 'bench')");
            item = conn.prepareStatement("INSERT INTO shipment_items (shipment_id, parent_id, added_at, added_by) "
                    + "VALUES (?, ?, ?, 'bench')");
            shipped = conn.prepareStatement("INSERT INTO shipped_units (unit_id, shipment_id) VALUES (?, ?)");
        }

        void job(int job) throws SQLException {
            String id = String.format("bench-%06d", job);
            long at = T0 + job * 3_600_000L;
            jobRow.setString(1, id);
            jobRow.setInt(2, JOB_UNITS);
            jobRow.setLong(3, at);
            jobRow.setLong(4, at + 3_000_000L);
            jobRow.addBatch();
            details.setString(1, id);
            details.setString(2, batch(job));
            details.setString(3, LocalDate.of(2026, 1, 1).plusDays(job / JOBS_A_DAY).toString());
            details.addBatch();
            for (int b = 0; b < BUYERS; b++) {
                long sid = (long) job * BUYERS + b + 1;
                shipment.setLong(1, sid);
                shipment.setString(2, "SO-" + job + "-" + b);
                shipment.setString(3, "买方" + b + "贸易有限公司");
                shipment.setString(4, "广州市天河区示例路 " + b + " 号");
                shipment.setString(5, "020-8765432" + b);
                shipment.setLong(6, at + 4_000_000L);
                shipment.setLong(7, at + 4_000_000L);
                shipment.setLong(8, at + 4_000_000L);
                shipment.addBatch();
            }
            int packed = JOB_UNITS - LOOSE;
            int cases = packed / CASE_UNITS;
            int pallets = (cases + PALLET_CASES - 1) / PALLET_CASES;
            long firstPallet = parentId + 1;
            for (int p = 0; p < pallets; p++) {
                boolean ships = p % 3 != 2;
                addParent(++parentId, pallet(job, p), "PALLET", ships, PALLET_CASES, id, null, at);
                if (ships) {
                    item.setLong(1, shipmentOf(job, p));
                    item.setLong(2, parentId);
                    item.setLong(3, at + 4_000_000L);
                    item.addBatch();
                }
            }
            long firstCase = parentId + 1;
            for (int c = 0; c < cases; c++) {
                int p = c / PALLET_CASES;
                addParent(++parentId, box(job, c), "CASE", p % 3 != 2, CASE_UNITS, id, firstPallet + p, at);
            }
            long firstUnit = (long) job * JOB_UNITS + 1;
            for (int seq = 0; seq < JOB_UNITS; seq++) {
                long unitId = firstUnit + seq;
                boolean rejected = seq >= JOB_UNITS - LOOSE / 2;
                long sent = at + seq * 300L;
                codeRow.setLong(1, unitId);
                codeRow.setString(2, code(unitId));
                codeRow.setString(3, rejected ? "REJECTED" : "VERIFIED");
                codeRow.setString(4, id);
                codeRow.setLong(5, sent + 200);
                codeRow.addBatch();
                unitRow.setLong(1, unitId);
                unitRow.setString(2, id);
                unitRow.setLong(3, unitId);
                unitRow.setLong(4, seq + 1);
                unitRow.setString(5, rejected ? "REJECTED" : "VERIFIED");
                unitRow.setString(6, rejected ? "grade" : null);
                unitRow.setString(7, rejected ? "D" : "A");
                unitRow.setLong(8, sent);
                unitRow.setLong(9, sent + 200);
                unitRow.addBatch();
                if (seq < packed) {
                    int c = seq / CASE_UNITS;
                    link.setLong(1, unitId);
                    link.setLong(2, firstCase + c);
                    link.setString(3, id);
                    link.setLong(4, sent + 250);
                    link.addBatch();
                    int p = c / PALLET_CASES;
                    if (p % 3 != 2) {
                        shipped.setLong(1, unitId);
                        shipped.setLong(2, shipmentOf(job, p));
                        shipped.addBatch();
                    }
                }
            }
        }

        private static long shipmentOf(int job, int pallet) {
            return (long) job * BUYERS + pallet % BUYERS + 1;
        }

        private void addParent(long pid, Sscc sscc, String kind, boolean ships, int capacity, String job, Long pallet,
                               long at) throws SQLException {
            parent.setLong(1, pid);
            parent.setString(2, sscc.digits());
            parent.setString(3, kind);
            parent.setString(4, ships ? "SHIPPED" : "CLOSED");
            parent.setInt(5, capacity);
            parent.setString(6, job);
            parent.setObject(7, pallet);
            parent.setLong(8, at);
            parent.setLong(9, at + 3_000_000L);
            parent.addBatch();
        }

        void flush() throws SQLException {
            for (PreparedStatement ps : new PreparedStatement[] {jobRow, details, codeRow, unitRow, parent, link,
                shipment, item, shipped}) {
                ps.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : new PreparedStatement[] {jobRow, details, codeRow, unitRow, parent, link,
                shipment, item, shipped}) {
                ps.close();
            }
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10_000) / 10_000.0;
    }
}
