package io.tracemark.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import io.tracemark.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceUriTest {

    @Test
    void parsesTheThreeKindsOfDeviceAddress() {
        DeviceUri tcp = DeviceUri.parse("tcp://printer_1.local:9100");
        assertEquals("tcp", tcp.scheme());
        assertEquals("printer_1.local", tcp.host());
        assertEquals(9100, tcp.port());
        DeviceUri serial = DeviceUri.parse("serial:///dev/ttyUSB0?baud=115200&parity=none&flow=rtscts");
        assertEquals("", serial.host());
        assertEquals("/dev/ttyUSB0", serial.path());
        assertEquals(Map.of("baud", "115200", "parity", "none", "flow", "rtscts"), serial.query());
        DeviceUri sim = DeviceUri.parse("sim://printer-1?paperOutAfter=500");
        assertEquals("printer-1", sim.host());
        assertEquals(-1, sim.port());
        assertEquals(9100, sim.portOr(9100));
    }

    @Test
    void namesEveryProblem() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DeviceUri.parse("tcp://host:99999?baud&x=1&x=2"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("port 99999 is outside 0..65535"));
        assertTrue(e.getMessage().contains("'baud' is not key=value"));
        assertTrue(e.getMessage().contains("query.x: given twice"));
        assertThrows(InvalidInputException.class, () -> DeviceUri.parse("10.0.0.7:9100"));
    }

    @Test
    void serialSettingsComeFromTheQuery() {
        SerialTransport t = new SerialTransport(DeviceUri.parse(
                "serial:///dev/ttyS9?baud=115200&dataBits=7&parity=even&stopBits=2&flow=rtscts"));
        assertEquals(new SerialTransport.SerialSettings(115200, 7, SerialPort.EVEN_PARITY, SerialPort.TWO_STOP_BITS,
                SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED), t.settings());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SerialTransport(
                DeviceUri.parse("serial://host/dev/x?baud=fast&parity=maybe&speed=1")));
        assertEquals(4, e.problems().size(), e.getMessage());
    }

    @Test
    void registryChoosesBySchemeAndListsTheKnownOnes() {
        DeviceRegistry registry = DeviceRegistry.withStandardTransports();
        assertTrue(registry.create("tcp://127.0.0.1:9") instanceof TcpTransport);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> registry.create("mem://x"));
        assertTrue(e.getMessage().contains("known: serial, tcp"), e.getMessage());
        InMemoryTransport.Pair pair = InMemoryTransport.pair("x");
        registry.register("mem", uri -> pair.host());
        assertEquals(pair.host(), registry.create("mem://x"));
    }
}
