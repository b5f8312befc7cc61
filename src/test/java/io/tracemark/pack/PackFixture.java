package io.tracemark.pack;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real station database with printed units: jobs of products, codes imported, sent and given their
 * verdicts through the ledger, as the line does; and a snapshot of the packing tables.
 */
final class PackFixture implements AutoCloseable {

    static final String USER = "packer";
    static final SsccRange RANGE = new SsccRange("6901234", 0, 1, 1000);

    final Database db;
    final CodeLedger ledger;
    final Aggregation packs;
    private int nextCode = 1;
    private final boolean ownsDb;

    PackFixture(Path dir) {
        this(Database.open(dir), true);
    }

    /** On a database someone else opened (and closes). */
    PackFixture(Database db, boolean ownsDb) {
        this.db = db;
        this.ownsDb = ownsDb;
        ledger = new CodeLedger(db);
        packs = new Aggregation(db);
        packs.addSsccRange(RANGE, "test", USER);
        db.inTransaction(conn -> {
            try (var st = conn.createStatement()) {
                st.execute("INSERT INTO producers VALUES ('PR', 'Maker', '91440101MA59A1B2XK', 'addr', 'contact', 'lic')");
                for (String p : List.of("P1", "P2")) {
                    st.execute("INSERT INTO products (id, producer_id, name, type, specification, mandatory_standard, "
                            + "inspection_report) VALUES ('" + p + "', 'PR', 'n', 't', 's', 'GB', 'r')");
                }
            }
            return null;
        });
    }

    /** A job of {@code product} whose first {@code verified} units are VERIFIED, the next {@code rejected} REJECTED. */
    List<String> job(String jobId, String product, int verified, int rejected) {
        return job(jobId, product, verified, rejected, 0);
    }

    List<String> job(String jobId, String product, int verified, int rejected, int inFlight) {
        int n = verified + rejected + inFlight;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(String.format("TM%06d", nextCode++));
        }
        ledger.importCodes(codes, "range " + jobId, "tm", code -> Optional.empty(), USER);
        ledger.createJob(jobId, TraceLevel.ITEM, n, USER);
        db.inTransaction(conn -> {
            try (var ps = conn.prepareStatement("INSERT INTO job_details (job_id, product_id, batch, production_date, "
                    + "scheme, template, printer, scanner, minimum_grade, started_by) VALUES (?, ?, 'B1', '2026-12-01', "
                    + "'tm', 't', 'p', 's', 'C', 'x')")) {
                ps.setString(1, jobId);
                ps.setString(2, product);
                ps.executeUpdate();
            }
            return null;
        });
        ledger.allocate(jobId, n, USER);
        for (int i = 0; i < n; i++) {
            Unit unit = ledger.markSent(jobId, codes.get(i), USER);
            if (i < verified) {
                ledger.verify(unit.id(), "A", USER);
            } else if (i < verified + rejected) {
                ledger.reject(unit.id(), "no-read", null, USER);
            }
        }
        return codes;
    }

    /** A case of the given capacity with {@code codes} packed. */
    Parent caseOf(int capacity, List<String> codes) {
        Parent box = packs.openCase(capacity, null, null, false, USER);
        for (String code : codes) {
            box = packs.pack(box.sscc(), code, USER);
        }
        return box;
    }

    /** Row counts and states of everything packing writes: equal before and after means nothing changed. */
    String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("parents", "pack_links", "pack_events", "audit_log")) {
            s.append(table).append('=').append(db.count("SELECT count(*) FROM " + table)).append(' ');
        }
        s.append("next=").append(db.count("SELECT sum(next_serial) FROM sscc_ranges")).append(' ');
        s.append("states=").append(db.count("SELECT sum(length(state) * id + coalesce(pallet_id, 0) * 7 "
                + "+ length(coalesce(label_state, ''))) FROM parents")).append(' ');
        s.append("links=").append(db.count("SELECT sum(unit_id * parent_id) FROM pack_links"));
        return s.toString();
    }

    @Override
    public void close() {
        if (ownsDb) {
            db.close();
        }
    }
}
