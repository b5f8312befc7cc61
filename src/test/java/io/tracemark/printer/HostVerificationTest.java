package io.tracemark.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostVerificationTest {

    @Test
    void theUnitFieldGoesBeforeTheLastXzOfARecall() {
        assertEquals("^XA^XFR:ITEM.ZPL^FS^FN1^FDx^FS^FN9999^FD-3^FS^FH_^HV9999,20,TMHV_3A,_0D_0A,L^FS^XZ",
                HostVerification.append("^XA^XFR:ITEM.ZPL^FS^FN1^FDx^FS^XZ", -3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostVerification.append("^XA^FO0,0^FDx^FS^XZ", 7));
        assertTrue(e.getMessage().contains("unit 7"), e.getMessage());
    }

    @Test
    void repliesAreReadAndOtherLinesAreNot() {
        assertEquals(OptionalLong.of(42), HostVerification.parse("TMHV:42"));
        assertEquals(OptionalLong.of(-3), HostVerification.parse("TMHV:-3   "));
        assertEquals(OptionalLong.empty(), HostVerification.parse("TMHV:12ab"));
        assertEquals(OptionalLong.empty(), HostVerification.parse("EPC[12345678]"));
    }

    @Test
    void theDirectoryListingReadsBackWhatItWrites() {
        String wire = DirectoryListing.toWire("E:", java.util.Map.of("E:TMCJK.TTF", 4_200_000L), 1000);
        assertTrue(wire.contains("* TMCJK   .TTF  4200000"), wire);
        assertEquals(java.util.Map.of("E:TMCJK.TTF", 4_200_000L), DirectoryListing.parse(wire));
    }
}
