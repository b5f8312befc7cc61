package io.tracemark.app;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.pack.CasePacking;
import io.tracemark.pack.PackAccounting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of a batch at the packing station: waits until every verified unit of the job is in a case, or
 * until no unit has arrived at the packer for a while (the rest went elsewhere), then a supervisor closes
 * the partial case and the partial pallet.
 */
public final class PackingRun {

    private PackingRun() {
    }

    /**
     * @param quiet how long without a new read at the packer ends the wait
     * @return the packing part of the job's accounting document
     */
    public static Map<String, Object> finish(PackingStation station, Reconciliation books, String supervisor,
                                             Duration quiet, Duration timeout) throws InterruptedException {
        CasePacking packing = station.packing();
        long deadline = System.nanoTime() + timeout.toNanos();
        CasePacking.Counts counts = packing.counts();
        while (System.nanoTime() < deadline) {
            long seen = counts.reads();
            if (station.aggregation().accounting(books.job()).loose() == 0 && counts.waiting() == 0) {
                break; // every verified unit is in a case
            }
            CasePacking.Counts next = packing.awaitCounts(c -> c.reads() > seen, quiet);
            if (next.reads() == seen && next.waiting() == 0) {
                break; // nothing more is coming down the line
            }
            counts = next;
        }
        counts = packing.closePartial(supervisor, "batch end: partial case and pallet", true, Duration.ofMinutes(1));
        return document(counts, station.aggregation().accounting(books.job()), station.noReads());
    }

    static Map<String, Object> document(CasePacking.Counts c, PackAccounting books, long noReads) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packed", books.packed());
        doc.put("loose", books.loose());
        doc.put("balanced", books.balanced());
        doc.put("cases", c.casesClosed());
        doc.put("pallets", c.palletsClosed());
        doc.put("caseLabelsVerified", c.labelsVerified());
        doc.put("caseLabelsRejected", c.labelsRejected());
        doc.put("reads", c.reads());
        doc.put("noReads", noReads);
        doc.put("refused", c.refused());
        doc.put("lastRefusal", c.lastRefusal().orElse(null));
        return doc;
    }
}
