package io.tracemark.records.audit;

import io.tracemark.store.AuditAnchor;
import io.tracemark.store.AuditChain;
import io.tracemark.store.AuditKey;
import io.tracemark.store.ChainCheck;
import io.tracemark.store.Database;
import java.time.Instant;
import java.util.List;

/** Checks the station's audit trail and tells people what it found, naming the first broken entry. */
public final class AuditVerification {

    private final Database db;

    public AuditVerification(Database db) {
        this.db = db;
    }

    /**
     * @param from     check the entries written at or after this time (null: all)
     * @param external anchors kept outside the station (the platform's), possibly empty
     */
    public AuditVerdict verify(Instant from, List<AuditAnchor> external) {
        long t0 = System.nanoTime();
        AuditKey key = db.auditKey();
        ChainCheck check = new AuditChain(db).verify(from == null ? Instant.EPOCH : from, external);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Long broken = check.firstBrokenId().isPresent() ? check.firstBrokenId().getAsLong() : null;
        return new AuditVerdict(check.intact(), from == null ? null : from.toString(), check.rowsChecked(), broken,
                check.reason(), broken == null ? null : new AuditEntries(db).entry(broken), check.unkeyedEntries(),
                check.anchorsChecked(), external.size(), check.headId(), check.headHash(), key.id(),
                key.file().toString(), seconds);
    }

    /** One line for people. */
    public static String describe(AuditVerdict v) {
        String scope = v.from() == null ? "" : " from " + v.from();
        if (v.intact()) {
            return "audit trail intact" + scope + ": " + v.entriesChecked() + " entries (" + v.unkeyedEntries()
                    + " from before the keyed chain), " + v.anchorsChecked() + " anchors, head entry " + v.headEntry()
                    + ", key " + v.keyId();
        }
        return "audit trail BROKEN" + scope + " at entry " + v.firstBrokenEntry() + ": " + v.reason() + " ("
                + v.entriesChecked() + " entries intact before it)";
    }
}
