package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.core.InvalidInputException;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each built-in profile against a fake reader speaking that vendor's output over loopback. */
class ResultStringScannerTest {

    private static final String GS1 = "0106901234567892" + "21ABC123" + (char) 29 + "10L1";

    private final BlockingQueue<ReadResult> results = new LinkedBlockingQueue<>();

    private ResultStringScanner connect(String profile, FakeReader reader) {
        ResultStringScanner s = new ResultStringScanner(ScannerProfiles.builtIn(profile),
                new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + reader.port())), Clock.systemUTC());
        s.setListener(results::add);
        s.start();
        return s;
    }

    private ReadResult next() throws InterruptedException {
        ReadResult r = results.poll(5, TimeUnit.SECONDS);
        assertTrue(r != null, "a result arrived");
        return r;
    }

    @Test
    void keyenceTriggersWithLonLoffAndReportsDataSymbologyAndGrade() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("keyence-sr", reader)) {
            s.trigger(true);
            assertEquals("LON\r", reader.nextCommand(4));
            reader.send("OK,LON\r]d2" + GS1 + "\tB\r");
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
            assertEquals(GS1, read.data());
            assertEquals("]d2", read.symbologyId());
            assertEquals("B", read.grades().orElseThrow().overall().letter());
            reader.send("ERROR\r");
            assertEquals("ERROR", assertInstanceOf(ReadResult.NoRead.class, next()).reason());
            s.trigger(false);
            assertEquals("LOFF\r", reader.nextCommand(5));
            assertEquals(new ScanCounts(1, 1, 0), s.counts());
        }
    }

    @Test
    void datamanUsesItsCommandsCrlfAndGradeSuffix() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("cognex-dataman", reader)) {
            s.trigger(true);
            assertEquals("||>TRIGGER ON\r\n", reader.nextCommand(15));
            reader.send("]Q1https://id.example.cn/01/06901234567892/21/X|GRADE:A\r\nNOREAD\r\n");
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
            assertEquals("https://id.example.cn/01/06901234567892/21/X", read.data());
            assertEquals("]Q1", read.symbologyId());
            assertEquals(4.0, read.grades().orElseThrow().overall().value());
            assertInstanceOf(ReadResult.NoRead.class, next());
        }
    }

    @Test
    void datalogicFramesWithStxEtxAndNumericGrades() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("datalogic-matrix", reader)) {
            reader.send("\u0002]d2" + GS1 + "\t2.5\u0003\u0002NOREAD\u0003");
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
            assertEquals(GS1, read.data());
            assertEquals("B", read.grades().orElseThrow().overall().letter());
            assertEquals(2.5, read.grades().orElseThrow().overall().value());
            assertInstanceOf(ReadResult.NoRead.class, next());
        }
    }

    @Test
    void genericReaderWithoutGradesAndResultsSplitAcrossPackets() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("generic", reader)) {
            reader.send("]C1" + GS1.substring(0, 10));
            reader.send(GS1.substring(10) + "\r\n");
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
            assertEquals(GS1, read.data());
            assertEquals("]C1", read.symbologyId());
            assertTrue(read.grades().isEmpty());
            s.trigger(true); // no trigger command in the generic profile: nothing is sent
            reader.send("NO READ\r\n");
            assertInstanceOf(ReadResult.NoRead.class, next());
            assertTrue(reader.received.isEmpty());
        }
    }

    @Test
    void binaryGarbageAndOverLongInputAreCountedBadReadsAndReadingGoesOn() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("keyence-sr", reader)) {
            reader.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, '\r'});
            ReadResult.BadRead binary = assertInstanceOf(ReadResult.BadRead.class, next());
            assertTrue(binary.raw().contains("\\xff"), binary.raw());
            reader.send("AB\u0007CD\r");
            assertTrue(assertInstanceOf(ReadResult.BadRead.class, next()).why().contains("control byte 0x07"));
            byte[] huge = new byte[100_000];
            java.util.Arrays.fill(huge, (byte) 'X');
            reader.send(huge);
            reader.send("\r]d2" + GS1 + "\tA\r");
            ReadResult.BadRead tooLong = assertInstanceOf(ReadResult.BadRead.class, next());
            assertTrue(tooLong.why().contains("longer than 4096"), tooLong.why());
            assertTrue(tooLong.raw().length() < 100, "raw text is truncated");
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
            assertEquals(GS1, read.data());
            reader.send("data:Z\r");
            // a colon is data, never a grade separator
            assertEquals("data:Z", assertInstanceOf(ReadResult.Read.class, next()).data());
            assertEquals(new ScanCounts(2, 0, 3), s.counts());
        }
    }

    @Test
    void anUnreachableReaderIsADeviceErrorNamingIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ResultStringScanner s = new ResultStringScanner(ScannerProfiles.builtIn("generic"),
                new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + port)), Clock.systemUTC());
        DeviceException e = assertThrows(DeviceException.class, s::start);
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void profilesAreValidatedWithEveryProblemListed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScannerProfiles.parse("bad.yaml",
                "name: ''\nresultPattern: '(unclosed'\nmaxLineLength: 2\n"));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertThrows(InvalidInputException.class, () -> ScannerProfiles.builtIn("nosuch"));
        for (String name : ScannerProfiles.BUILT_IN) {
            assertEquals(name, ScannerProfiles.builtIn(name).name());
        }
    }

    @Test
    void keyenceCommandRepliesAreNeverTakenForCodes() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("keyence-sr", reader)) {
            reader.send("OK,LON\rER,LON,02\rERR93\rOK,LOFF\r]d2" + GS1 + "\tA\r");
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
            assertEquals(GS1, read.data());
            assertTrue(results.isEmpty(), "replies delivered nothing: " + results);
            assertEquals(new ScanCounts(1, 0, 0), s.counts());
        }
    }

    @Test
    void datamanAcknowledgementsAreDroppedAndExtendedModeReadsFailLoudly() throws Exception {
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("cognex-dataman", reader)) {
            reader.send("||0:12[0]\r\n||[0]ON\r\n||0:13[101]\r\n]d2" + GS1 + "|GRADE:B\r\n");
            assertEquals(GS1, assertInstanceOf(ReadResult.Read.class, next()).data());
            reader.send("||0:14[1]XTAxMDY5MDEyMzQ1Njc4OTI=\r\n");
            ReadResult.BadRead bad = assertInstanceOf(ReadResult.BadRead.class, next());
            assertTrue(bad.why().contains("DMCC extended response mode"), bad.why());
            assertTrue(results.isEmpty(), results.toString());
        }
    }

    @Test
    void gs1SerialsEndingInAnyCandidateDelimiterArriveWhole() throws Exception {
        for (String end : java.util.List.of(":", ";", "=", ":B", ";Q=3", "=A")) {
            String data = "0106901234567892" + "21SN" + end;
            try (FakeReader k = new FakeReader(); ResultStringScanner s = connect("keyence-sr", k)) {
                k.send("]d2" + data + "\r]d2" + data + "\tC\r");
                assertEquals(data, assertInstanceOf(ReadResult.Read.class, next()).data(), "keyence, no grade");
                ReadResult.Read graded = assertInstanceOf(ReadResult.Read.class, next());
                assertEquals(data, graded.data(), "keyence, graded");
                assertEquals("C", graded.grades().orElseThrow().overall().letter());
            }
            try (FakeReader d = new FakeReader(); ResultStringScanner s = connect("datalogic-matrix", d)) {
                d.send("\u0002]d2" + data + "\u0003\u0002]d2" + data + "\t3.0\u0003");
                assertEquals(data, assertInstanceOf(ReadResult.Read.class, next()).data(), "datalogic, no grade");
                assertEquals(data, assertInstanceOf(ReadResult.Read.class, next()).data(), "datalogic, graded");
            }
            try (FakeReader c = new FakeReader(); ResultStringScanner s = connect("cognex-dataman", c)) {
                c.send("]d2" + data + "|GRADE:A\r\n");
                assertEquals(data, assertInstanceOf(ReadResult.Read.class, next()).data(), "dataman, graded");
            }
        }
    }

    @Test
    void softwareTriggerPerUnitIsTheProfilesChoice() throws Exception {
        assertTrue(ScannerProfiles.builtIn("keyence-sr").softwareTrigger());
        assertTrue(ScannerProfiles.builtIn("cognex-dataman").softwareTrigger());
        assertTrue(!ScannerProfiles.builtIn("datalogic-matrix").softwareTrigger());
        assertTrue(ScannerProfiles.builtIn("datalogic-matrix").unverified().isPresent());
        try (FakeReader reader = new FakeReader(); ResultStringScanner s = connect("keyence-sr", reader)) {
            assertTrue(s.triggeredPerUnit());
            for (int unit = 0; unit < 3; unit++) {
                s.trigger(true);
                assertEquals("LON\r", reader.nextCommand(4));
                reader.send("OK,LON\r]d2" + GS1 + "\tA\r");
                assertEquals(GS1, assertInstanceOf(ReadResult.Read.class, next()).data());
            }
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScannerProfiles.parse("t.yaml",
                "name: t\ntrigger: software\nresultPattern: '(?<data>.*)'\ncommandReplies: ['(']\n"));
        assertTrue(e.getMessage().contains("software triggering needs a triggerOn command"), e.getMessage());
        assertTrue(e.getMessage().contains("commandReplies[0]"), e.getMessage());
    }
}
