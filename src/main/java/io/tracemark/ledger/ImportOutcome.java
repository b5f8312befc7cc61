package io.tracemark.ledger;

import java.time.Duration;
import java.time.Instant;

/** What importing a code package did. */
public sealed interface ImportOutcome {

    /** The package's SHA-256 (of the file's bytes, or of the codes for a platform range). */
    String sha256();

    /** How many codes the package holds. */
    long count();

    /**
     * Every code of the package is now AVAILABLE.
     *
     * @param packageId the package row id
     * @param source    file name or platform source
     * @param scheme    the scheme the codes were validated against
     * @param count     codes imported
     * @param sha256    the package hash
     * @param took      time spent reading, validating and committing
     */
    record Imported(long packageId, String source, String scheme, long count, String sha256, Duration took)
            implements ImportOutcome {
    }

    /**
     * The same package (same SHA-256) was imported before; nothing changed.
     *
     * @param packageId  the earlier package row id
     * @param source     the earlier file name or source
     * @param count      codes it held
     * @param sha256     the package hash
     * @param importedAt when it was imported
     */
    record AlreadyImported(long packageId, String source, long count, String sha256, Instant importedAt)
            implements ImportOutcome {
    }
}
