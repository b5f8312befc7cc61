package io.tracemark.verify;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceUri;
import java.util.List;

/**
 * Builds a reject gate from its URI, the driver chosen by scheme: {@code modbus-tcp://} is a
 * {@link ModbusRejectGate} on a PLC; every other scheme is left to the caller's command gate over a
 * transport ({@link CommandRejectGate}). The station builder calls {@link #isModbus} and
 * {@link #modbus}; {@code run --check} calls {@link #check} without opening anything.
 */
public final class RejectGates {

    private RejectGates() {
    }

    /** Whether {@code uri} names a Modbus TCP gate. */
    public static boolean isModbus(String uri) {
        return uri != null && uri.trim().toLowerCase().startsWith(ModbusGateSettings.SCHEME + "://");
    }

    /**
     * A Modbus TCP gate; nothing is opened until the first reject.
     *
     * @throws InvalidInputException listing every problem of the URI
     */
    public static ModbusRejectGate modbus(String name, String uri) {
        return new ModbusRejectGate(name, ModbusGateSettings.parse(uri));
    }

    /** The problems of a gate URI (empty when it can be built), checked without opening the device. */
    public static List<Problem> check(String uri) {
        try {
            if (isModbus(uri)) {
                ModbusGateSettings.parse(uri);
            } else {
                DeviceUri.parse(uri);
            }
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }
}
