package io.tracemark.printer;

/**
 * Field {@code aaa} of {@code ~HS} string 1, decoded: a three-digit decimal holding nine bits
 * a8..a0 (ZPL II Programming Guide, ~HS): a8,a2,a1,a0 baud; a3 data bits (1 = 8); a4 stop bits
 * (1 = one); a5 parity enabled; a6 parity even (0 = odd); a7 handshake (1 = DTR, 0 = Xon/Xoff).
 *
 * @param raw          the decimal value as sent
 * @param baud         bits per second (0 when the code is undefined)
 * @param dataBits     7 or 8
 * @param stopBits     1 or 2
 * @param parityEnabled whether parity is checked
 * @param parityEven   even (true) or odd (false) parity, meaningful when enabled
 * @param dtrHandshake DTR (true) or Xon/Xoff (false) handshake
 */
public record CommunicationSettings(int raw, int baud, int dataBits, int stopBits, boolean parityEnabled,
                                    boolean parityEven, boolean dtrHandshake) {

    private static final int[] BAUD = {110, 300, 600, 1200, 2400, 4800, 9600, 19200, 28800, 38400, 57600, 14400};

    /** Decodes the three-digit value {@code aaa}. */
    public static CommunicationSettings decode(int raw) {
        int baudCode = (raw & 0b111) | ((raw >> 8) & 1) << 3;
        int baud = baudCode < BAUD.length ? BAUD[baudCode] : 0;
        return new CommunicationSettings(raw, baud, bit(raw, 3) ? 8 : 7, bit(raw, 4) ? 1 : 2, bit(raw, 5),
                bit(raw, 6), bit(raw, 7));
    }

    /** Encodes settings back to {@code aaa} (used by the virtual printer). */
    public static int encode(int baud, int dataBits, int stopBits, boolean parityEnabled, boolean parityEven,
                             boolean dtrHandshake) {
        int code = 6;
        for (int i = 0; i < BAUD.length; i++) {
            if (BAUD[i] == baud) {
                code = i;
            }
        }
        return (code & 0b111) | (code >> 3) << 8 | (dataBits == 8 ? 1 << 3 : 0) | (stopBits == 1 ? 1 << 4 : 0)
                | (parityEnabled ? 1 << 5 : 0) | (parityEven ? 1 << 6 : 0) | (dtrHandshake ? 1 << 7 : 0);
    }

    static boolean bit(int value, int bit) {
        return (value >> bit & 1) == 1;
    }
}
