package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.verify.ModbusGateSettings;
import io.tracemark.verify.ModbusRejectGate;
import io.tracemark.verify.RejectGates;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Modbus TCP reject gate (j2mod master) against a j2mod slave PLC on loopback. */
class ModbusGateTest {

    private VirtualPlc plc;
    private ModbusRejectGate gate;

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
        if (plc != null) {
            plc.close();
        }
    }

    private void start(String plan) {
        plc = new VirtualPlc(VirtualPlc.Layout.STANDARD, GatePlan.parse(plan));
        plc.start(0);
        gate = RejectGates.modbus("gate-1", plc.gateUri(20, 300));
    }

    @Test
    void theIssuesUriReadsAsWritten() {
        ModbusGateSettings s = ModbusGateSettings.parse("modbus-tcp://10.0.0.9:502?unit=1&coil=12&confirm=input:7&pulseMs=80");
        assertEquals(new ModbusGateSettings("10.0.0.9", 502, 1, 12, OptionalInt.of(7), 80, 1000, OptionalInt.empty()), s);
        assertEquals(List.of(), RejectGates.check("modbus-tcp://10.0.0.9:502?unit=1&coil=12&confirm=input:7&pulseMs=80"));
        List<String> where = RejectGates.check("modbus-tcp://plc?unit=300&confirm=output:7&pulse=80").stream()
                .map(Problem::where).sorted().toList();
        assertEquals(List.of("query.coil", "query.confirm", "query.pulse", "query.unit"), where);
        assertThrows(InvalidInputException.class, () -> RejectGates.modbus("g", "modbus-tcp://plc?coil=x"));
    }

    @Test
    void firesTheCoilConfirmsByTheSensorAndReadsThePlcCounterBack() throws Exception {
        start("");
        assertTrue(gate.confirms());
        for (long unit = 1; unit <= 3; unit++) {
            assertTrue(gate.reject(unit).get(10, TimeUnit.SECONDS), "unit " + unit + " confirmed");
        }
        assertEquals(3, plc.fired());
        assertEquals(3, plc.counted());
        assertEquals(3, gate.plcRejectCount(), "the PLC's own count, for reconciliation");
    }

    @Test
    void aRejectTheSensorNeverSeesTimesOutUnconfirmed() throws Exception {
        start("unconfirmedAt=2");
        assertTrue(gate.reject(1).get(10, TimeUnit.SECONDS));
        assertFalse(gate.reject(2).get(10, TimeUnit.SECONDS), "no sensor within the timeout");
        assertTrue(gate.reject(3).get(10, TimeUnit.SECONDS));
        assertEquals(3, plc.fired());
        assertEquals(3, gate.plcRejectCount(), "the PLC fired its pusher; only the sensor missed the unit");
    }

    @Test
    void aGateWithoutSensorConfirmsOnceFired() throws Exception {
        start("confirms=false");
        assertFalse(gate.confirms());
        assertTrue(gate.reject(1).get(10, TimeUnit.SECONDS));
        assertEquals(1, plc.fired());
    }

    @Test
    void linkLossFailsTheRejectNamingTheGateAndTheNextOneReconnects() throws Exception {
        start("");
        assertTrue(gate.reject(1).get(10, TimeUnit.SECONDS));
        int port = plc.port();
        plc.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> gate.reject(2).get(10, TimeUnit.SECONDS));
        DeviceException cause = assertInstanceOf(DeviceException.class, e.getCause());
        assertTrue(cause.getMessage().contains("gate-1"), cause.getMessage());
        assertTrue(cause.getMessage().contains("unit 2"), cause.getMessage());

        plc = new VirtualPlc(VirtualPlc.Layout.STANDARD, GatePlan.NONE);
        plc.start(port);
        assertTrue(gate.reject(3).get(10, TimeUnit.SECONDS), "reconnected");
        assertEquals(1, plc.fired());
    }
}
