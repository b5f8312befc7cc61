package io.tracemark.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An ~HQES error the station cannot name is still an error that stops the line. */
class ExtendedStatusErrorsTest {

    private static PrinterStatus status(String errorsLine) {
        String reply = "\u0002\r\nPRINTER STATUS\r\n   ERRORS:         " + errorsLine
                + "\r\n   WARNINGS:       0 00000000 00000000\r\n\u0003\r\n";
        return new PrinterStatus("tcp://printer:9100", Instant.EPOCH, PrinterStatus.Link.RESPONDING, null,
                ExtendedStatus.parse(reply), "");
    }

    @Test
    void anUnnamedGroupOneBitIsAHardwareError() {
        PrinterStatus s = status("1 00000000 00400000");
        assertTrue(s.extended().errors().isEmpty(), "no PrinterError names bit 0x00400000");
        assertEquals(Set.of(PrinterCondition.HARDWARE_ERROR), s.faults());
        assertFalse(s.ready());
    }

    @Test
    void aGroupTwoBitIsAHardwareError() {
        assertEquals(Set.of(PrinterCondition.HARDWARE_ERROR), status("1 00000010 00000000").faults());
    }

    @Test
    void theErrorFlagWithoutAnyBitIsAHardwareError() {
        assertEquals(Set.of(PrinterCondition.HARDWARE_ERROR), status("1 00000000 00000000").faults());
    }

    @Test
    void namedBitsKeepTheirNamesAndNoErrorIsReady() {
        assertEquals(Set.of(PrinterCondition.PAPER_OUT), status("1 00000000 00000001").faults());
        assertTrue(status("0 00000000 00000000").ready());
    }
}
