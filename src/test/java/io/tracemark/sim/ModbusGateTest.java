package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.verify.GateConfirmation;
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
        start(plan, VirtualPlc.Confirmation.PULSE);
    }

    private void start(String plan, VirtualPlc.Confirmation confirmation) {
        plc = new VirtualPlc(VirtualPlc.Layout.STANDARD, GatePlan.parse(plan), confirmation);
        plc.start(0);
        gate = RejectGates.modbus("gate-1", plc.gateUri(20, 300));
    }

    @Test
    void eachKindOfConfirmationReadsWithTheParametersItNeedsAndNoOthers() {
        assertEquals(new GateConfirmation.Latch(7, 13), ModbusGateSettings.parse(
                "modbus-tcp://plc?coil=12&confirm=latch:7&reset=coil:13").confirm());
        assertEquals(new GateConfirmation.Counter(4), ModbusGateSettings.parse(
                "modbus-tcp://plc?coil=12&confirm=counter:4&pollMs=20").confirm());
        assertEquals(20, ModbusGateSettings.parse("modbus-tcp://plc?coil=12&confirm=counter:4&pollMs=20").pollMs());
        assertEquals(new GateConfirmation.None(), ModbusGateSettings.parse("modbus-tcp://plc?coil=12").confirm());
        assertProblems("modbus-tcp://plc?coil=12&confirm=latch:7", "query.reset", "required with confirm=latch:7");
        assertProblems("modbus-tcp://plc?coil=12&confirm=input:7&reset=coil:13", "query.reset",
                "confirm=input:7 needs no reset");
        assertProblems("modbus-tcp://plc?coil=12&reset=coil:13", "query.reset", "only a latched confirmation");
        assertProblems("modbus-tcp://plc?coil=12&confirm=latch:7&reset=coil:12", "query.reset",
                "coil 12 is the gate's own coil");
        assertProblems("modbus-tcp://plc?coil=12&confirm=latch:7&reset=input:3", "query.reset", "is not coil:N");
        assertProblems("modbus-tcp://plc?coil=12&confirm=sensor:7", "query.confirm",
                "must be input:N (a pulsed input), latch:N");
        assertProblems("modbus-tcp://plc?coil=12&confirm=counter:70000", "query.confirm", "is not counter:N");
        assertProblems("modbus-tcp://plc?coil=12&confirm=input:7&pollMs=0", "query.pollMs", "outside 1..1000");
    }

    private static void assertProblems(String uri, String where, String says) {
        List<Problem> problems = RejectGates.check(uri);
        assertEquals(1, problems.size(), uri + ": " + problems);
        assertEquals(where, problems.get(0).where(), uri + ": " + problems);
        assertTrue(problems.get(0).message().contains(says), uri + ": " + problems);
    }

    @Test
    void aPulsedInputConfirmsByItsRisingEdgeAndAStuckInputNeverConfirms() throws Exception {
        start("unconfirmedAt=2");
        assertTrue(gate.reject(1).get(10, TimeUnit.SECONDS));
        assertFalse(plc.sensorOn(), "the pusher's sensor went off with the coil");
        assertFalse(gate.reject(2).get(10, TimeUnit.SECONDS), "no edge within the timeout");
        assertTrue(gate.reject(3).get(10, TimeUnit.SECONDS));
        plc.stuckSensor(true);
        assertFalse(gate.reject(4).get(10, TimeUnit.SECONDS), "an input on before the fire is not a confirmation");
        plc.stuckSensor(false);
        assertTrue(gate.reject(5).get(10, TimeUnit.SECONDS), "confirms again once the sensor works");
    }

    @Test
    void aLatchedInputConfirmsAndTheStationResetsItThroughTheResetCoil() throws Exception {
        start("unconfirmedAt=2", VirtualPlc.Confirmation.LATCH);
        assertTrue(gate.reject(1).get(10, TimeUnit.SECONDS));
        assertFalse(plc.sensorOn(), "the station reset the latch after the confirmation");
        assertFalse(gate.reject(2).get(10, TimeUnit.SECONDS), "the latch never came on");
        assertTrue(gate.reject(3).get(10, TimeUnit.SECONDS));
        assertFalse(plc.sensorOn());
        plc.stuckSensor(true);
        ExecutionException e = assertThrows(ExecutionException.class, () -> gate.reject(4).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("latch input 7 stays on with reset coil 13 on"),
                e.getCause().getMessage());
        assertEquals(3, plc.fired(), "a latch that cannot be reset fails the reject before the coil fires");
    }

    @Test
    void aConfirmationCounterConfirmsWhenItGoesUp() throws Exception {
        start("unconfirmedAt=2", VirtualPlc.Confirmation.COUNTER);
        assertTrue(gate.reject(1).get(10, TimeUnit.SECONDS));
        assertFalse(gate.reject(2).get(10, TimeUnit.SECONDS), "the register did not go up");
        assertTrue(gate.reject(3).get(10, TimeUnit.SECONDS));
        assertEquals(3, gate.plcRejectCount(), "the reject counter counts fires, the confirmation register confirms");
    }

    @Test
    void theIssuesUriReadsAsWritten() {
        ModbusGateSettings s = ModbusGateSettings.parse("modbus-tcp://10.0.0.9:502?unit=1&coil=12&confirm=input:7&pulseMs=80");
        assertEquals(new ModbusGateSettings("10.0.0.9", 502, 1, 12, new GateConfirmation.Pulse(7), 80, 1000, 5,
                OptionalInt.empty()), s);
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
