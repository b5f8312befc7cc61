package io.tracemark.pack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A station database for recalls: batch B1 (job J1, product P1, produced 2026-12-01) of 12 verified units and one
 * rejected, packed into cases A and B on a pallet shipped to one buyer (order SO-1), case C and one loose unit
 * shipped to another (SO-2), one verified unit still loose in the factory; and batch B2 (job J2, P1, produced
 * 2026-12-03) of 3 loose verified units.
 */
public final class RecallFixture implements AutoCloseable {

    public static final Buyer FIRST = new Buyer("广州示例贸易有限公司", "广州市天河区示例路 8 号", "020-87654321");
    public static final Buyer SECOND = new Buyer("深圳样例商行", "深圳市南山区样例街 3 号", "0755-12345678");
    public static final Instant SOLD = Instant.parse("2026-12-02T08:00:00Z");

    final PackFixture f;
    public final List<String> codes;
    public final List<String> batchTwo;
    final Parent caseA;
    final Parent caseB;
    final Parent caseC;
    final Parent pallet;

    public RecallFixture(Path dir) {
        this(new PackFixture(dir));
    }

    /** On a station database opened elsewhere (a panel's): closing the fixture leaves it open. */
    public RecallFixture(io.tracemark.store.Database db) {
        this(new PackFixture(db, false));
    }

    private RecallFixture(PackFixture fixture) {
        f = fixture;
        codes = f.job("J1", "P1", 12, 1);
        batchTwo = f.job("J2", "P1", 3, 0);
        f.db.inTransaction(conn -> {
            try (var st = conn.createStatement()) {
                st.execute("UPDATE job_details SET batch = 'B2', production_date = '2026-12-03' WHERE job_id = 'J2'");
            }
            return null;
        });
        caseA = f.packs.close(f.caseOf(4, codes.subList(0, 4)).sscc(), "anna", null);
        caseB = f.packs.close(f.caseOf(4, codes.subList(4, 8)).sscc(), "anna", null);
        Parent p = f.packs.openPallet(2, "anna");
        f.packs.putOnPallet(p.sscc(), caseA.sscc(), "anna");
        f.packs.putOnPallet(p.sscc(), caseB.sscc(), "anna");
        pallet = f.packs.close(p.sscc(), "anna", null);
        caseC = f.packs.close(f.caseOf(2, codes.subList(8, 10)).sscc(), "anna", null);
        Shipping shipping = new Shipping(f.db, f.db, Clock.systemUTC(), false);
        shipping.create("SO-1", FIRST, SOLD, "sam");
        shipping.dispatch("SO-1", pallet.sscc().digits(), "sam");
        shipping.close("SO-1", "sam");
        shipping.create("SO-2", SECOND, SOLD.plusSeconds(3600), "sam");
        shipping.dispatch("SO-2", caseC.sscc().digits(), "sam");
        shipping.dispatch("SO-2", codes.get(10), "sam");
        shipping.close("SO-2", "sam");
    }

    /** The station database. */
    public io.tracemark.store.Database db() {
        return f.db;
    }

    /** The SSCCs (18 digits) of cases A, B, C and the pallet. */
    public List<String> ssccs() {
        return List.of(caseA.sscc().digits(), caseB.sscc().digits(), caseC.sscc().digits(), pallet.sscc().digits());
    }

    @Override
    public void close() {
        f.close();
    }
}
