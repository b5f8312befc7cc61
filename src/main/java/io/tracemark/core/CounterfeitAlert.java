package io.tracemark.core;

import java.time.Instant;

/**
 * An anti-counterfeit alert the traceability platform reported to the station (guideline 6.5) and
 * the station keeps until a person acknowledges it.
 *
 * @param code           the code as scanned by a buyer
 * @param productId      the product it belongs to or imitates, or null when the platform does not know
 * @param reason         {@code never-issued} (a counterfeit) or {@code scanned-unusually-often} (probably copied)
 * @param scans          how often its public page was opened, as last reported
 * @param firstScanAt    first scan
 * @param lastScanAt     latest scan
 * @param receivedAt     when the station last received a change of it
 * @param acknowledgedBy the user who acknowledged it at the panel, or null
 * @param acknowledgedAt when
 */
public record CounterfeitAlert(String code, String productId, String reason, long scans, Instant firstScanAt,
                               Instant lastScanAt, Instant receivedAt, String acknowledgedBy, Instant acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }
}
