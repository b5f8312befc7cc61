package io.tracemark.platform.wire;

import java.time.Instant;

/**
 * An anti-counterfeit alert raised by the platform's public page (guideline 6.5): a code it never
 * issued was scanned, or one of its codes was scanned unusually often (most likely copied onto
 * other packs). {@code GET /scan-alerts?after=N} lists a producer's alerts whose {@code sequence}
 * is above {@code N}; every change of an alert (raised, scanned again) gives it a new, higher
 * sequence, so a station that pulls after the highest sequence it holds sees each change once.
 *
 * @param sequence    the platform's order of changes, strictly increasing
 * @param code        the code as scanned (identifies the alert)
 * @param productId   the product it belongs to or claims to (by its GTIN); absent when unknown
 * @param reason      {@value #NEVER_ISSUED} or {@value #SCANNED_UNUSUALLY_OFTEN}
 * @param scans       how often its public page was opened
 * @param firstScanAt first scan
 * @param lastScanAt  latest scan
 */
public record ScanAlert(long sequence, String code, String productId, String reason, long scans,
                        Instant firstScanAt, Instant lastScanAt) {

    /** A code the platform never issued was scanned: a counterfeit. */
    public static final String NEVER_ISSUED = "never-issued";
    /** An issued code was scanned unusually often: probably copied. */
    public static final String SCANNED_UNUSUALLY_OFTEN = "scanned-unusually-often";
    /** Most alerts one reply carries. */
    public static final int MAX_PAGE = 500;
}
