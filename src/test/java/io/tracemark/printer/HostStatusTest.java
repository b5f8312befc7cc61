package io.tracemark.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ~HS and ~HQES decoding from the field layout of the ZPL II Programming Guide. */
class HostStatusTest {

    private static final String STX = "\u0002";
    private static final String ETX = "\u0003\r\n";

    /** String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l; string 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www; string 3: xxxx,y. */
    static String reply(String s1, String s2, String s3) {
        return STX + s1 + ETX + STX + s2 + ETX + STX + s3 + ETX;
    }

    @Test
    void decodesEveryFieldOfTheThreeStrings() {
        HostStatus s = HostStatus.parse(reply("094,1,1,0400,003,1,0,1,000,1,0,1", "129,0,1,1,1,2,0,1,00000007,1,004",
                "1234,1"));
        assertTrue(s.paperOut());
        assertTrue(s.paused());
        assertEquals(400, s.labelLengthDots());
        assertEquals(3, s.formatsInBuffer());
        assertTrue(s.bufferFull());
        assertFalse(s.diagnosticMode());
        assertTrue(s.partialFormat());
        assertTrue(s.corruptRam());
        assertFalse(s.underTemperature());
        assertTrue(s.overTemperature());
        assertEquals(129, s.function().raw());
        assertTrue(s.function().continuousMedia());
        assertTrue(s.function().thermalTransfer());
        assertFalse(s.function().sensorProfile());
        assertTrue(s.headUp());
        assertTrue(s.ribbonOut());
        assertTrue(s.thermalTransfer());
        assertEquals(PrintMode.TEAR_OFF, s.printMode());
        assertEquals(0, s.printWidthMode());
        assertTrue(s.labelWaiting());
        assertEquals(7, s.labelsRemaining());
        assertTrue(s.formatWhilePrinting());
        assertEquals(4, s.graphicsStored());
        assertEquals("1234", s.password());
        assertTrue(s.staticRam());
        assertEquals(10, s.pendingLabels());
    }

    @Test
    void decodesTheCommunicationSettingsBits() {
        // a8..a0 = 0 0 1 0 1 1 1 1 0: baud code a8,a2,a1,a0 = 0110 (9600), 8 data bits, 1 stop bit,
        // parity disabled, even, Xon/Xoff
        CommunicationSettings c = CommunicationSettings.decode(0b001011110);
        assertEquals(9600, c.baud());
        assertEquals(8, c.dataBits());
        assertEquals(1, c.stopBits());
        assertFalse(c.parityEnabled());
        assertTrue(c.parityEven());
        assertFalse(c.dtrHandshake());
        // a8 = 1 with a2..a0 = 010: 57600; a7 = DTR; a3 = 0: 7 data bits; a4 = 0: 2 stop bits
        CommunicationSettings d = CommunicationSettings.decode(0b110100010);
        assertEquals(57600, d.baud());
        assertTrue(d.dtrHandshake());
        assertEquals(7, d.dataBits());
        assertEquals(2, d.stopBits());
        assertTrue(d.parityEnabled());
        assertEquals(0b001011110, CommunicationSettings.encode(9600, 8, 1, false, true, false));
    }

    @Test
    void encodesWhatItDecodes() {
        String wire = reply("094,0,0,0400,002,0,0,0,000,0,0,0", "001,0,0,0,1,2,0,0,00000001,1,000", "1234,1");
        assertEquals(wire, HostStatus.parse(wire).toWire());
    }

    @Test
    void refusesRepliesThatDoNotFitTheLayout() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> HostStatus.parse(STX + "094,0,0,0400,002,0,0,0,000,0,0,0" + ETX));
        assertTrue(missing.getMessage().contains("1 of 3"), missing.getMessage());
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class, () -> HostStatus.parse(
                reply("094,7,0,0400,002,0,0,0,000,0,0,0", "001,0,0,0,1,2,0,0,00000001,1,000", "1234,1")));
        assertTrue(flag.getMessage().contains("string 1 field 2 is '7'"), flag.getMessage());
        IllegalArgumentException shortString = assertThrows(IllegalArgumentException.class, () -> HostStatus.parse(
                reply("094,0,0,0400,002,0,0,0,000,0,0,0", "001,0,0,0,1", "1234,1")));
        assertTrue(shortString.getMessage().contains("string 2 has 5 fields"), shortString.getMessage());
    }

    @Test
    void decodesHqesErrorAndWarningNibbles() {
        String reply = STX + "\r\nPRINTER STATUS\r\n   ERRORS:         1 00000000 00010005\r\n"
                + "   WARNINGS:       1 00000000 0000000A\r\n" + ETX;
        ExtendedStatus e = ExtendedStatus.parse(reply);
        assertTrue(e.errorPresent());
        assertEquals(EnumSet.of(PrinterError.MEDIA_OUT, PrinterError.HEAD_OPEN, PrinterError.PAUSED), e.errors());
        assertEquals(EnumSet.of(PrinterWarning.CLEAN_PRINTHEAD, PrinterWarning.PAPER_NEAR_END), e.warnings());
        assertEquals(e, ExtendedStatus.parse(e.toWire()));
        assertEquals(ExtendedStatus.CLEAR, ExtendedStatus.parse(ExtendedStatus.of(Set.of(), Set.of()).toWire()));
        assertThrows(IllegalArgumentException.class, () -> ExtendedStatus.parse(STX + "PRINTER STATUS\r\n" + ETX));
    }

    @Test
    void statusNamesTheFaultsThatStopPrinting() {
        HostStatus paperOut = HostStatus.parse(reply("094,1,0,0400,002,0,0,0,000,0,1,0",
                "001,0,0,0,1,2,0,0,00000001,1,000", "1234,1"));
        PrinterStatus s = new PrinterStatus("tcp://p:9100", java.time.Instant.EPOCH, PrinterStatus.Link.RESPONDING,
                paperOut, null, "");
        assertEquals(EnumSet.of(PrinterCondition.PAPER_OUT), s.faults());
        assertTrue(s.conditions().contains(PrinterCondition.UNDER_TEMPERATURE));
        assertFalse(s.ready());
        assertEquals("tcp://p:9100 PAPER_OUT,UNDER_TEMPERATURE pending=3", s.summary());
    }
}
