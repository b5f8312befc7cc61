package io.tracemark.printer;

/**
 * Field {@code mmm} of {@code ~HS} string 2, decoded: eight bits m7..m0 (ZPL II Programming Guide,
 * ~HS): m7 media type (1 = continuous, 0 = die-cut), m6 sensor profile printing, m5 communications
 * diagnostics, m4..m1 unused, m0 print method (1 = thermal transfer, 0 = direct thermal).
 *
 * @param raw              the decimal value as sent
 * @param continuousMedia  continuous media (else die-cut / gap)
 * @param sensorProfile    sensor profile on
 * @param commDiagnostics  communications diagnostics on
 * @param thermalTransfer  thermal transfer (else direct thermal)
 */
public record FunctionSettings(int raw, boolean continuousMedia, boolean sensorProfile, boolean commDiagnostics,
                               boolean thermalTransfer) {

    /** Decodes the three-digit value {@code mmm}. */
    public static FunctionSettings decode(int raw) {
        return new FunctionSettings(raw, CommunicationSettings.bit(raw, 7), CommunicationSettings.bit(raw, 6),
                CommunicationSettings.bit(raw, 5), CommunicationSettings.bit(raw, 0));
    }

    /** Encodes back to {@code mmm} (used by the virtual printer). */
    public static int encode(boolean continuousMedia, boolean sensorProfile, boolean commDiagnostics,
                             boolean thermalTransfer) {
        return (continuousMedia ? 1 << 7 : 0) | (sensorProfile ? 1 << 6 : 0) | (commDiagnostics ? 1 << 5 : 0)
                | (thermalTransfer ? 1 : 0);
    }
}
