package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual printer's stream splitter, fed one byte at a time as a slow link delivers it. */
class ZplStreamParserTest {

    private static List<ZplStreamParser.Item> byteByByte(String stream) {
        ZplStreamParser parser = new ZplStreamParser();
        List<ZplStreamParser.Item> items = new ArrayList<>();
        for (byte b : stream.getBytes(StandardCharsets.ISO_8859_1)) {
            items.addAll(parser.feed(new byte[] {b}, 1));
        }
        return items;
    }

    @Test
    void downloadsSgdLinesControlsAndFormatsComeApartWhole() {
        List<ZplStreamParser.Item> items = byteByByte("~DYE:TMCJK,A,T,3,,0A1BFF~HS! U1 getvar \"odometer.total_label_count\"\r\n"
                + "^XA^HWE:*.TTF^XZ~HQES");
        assertEquals(5, items.size(), items.toString());
        ZplStreamParser.Download font = assertInstanceOf(ZplStreamParser.Download.class, items.get(0));
        assertEquals("E:TMCJK", font.name());
        assertEquals("T", font.extension());
        assertArrayEquals(new byte[] {0x0A, 0x1B, (byte) 0xFF}, font.data());
        assertEquals("HS", assertInstanceOf(ZplStreamParser.Control.class, items.get(1)).command());
        assertEquals("! U1 getvar \"odometer.total_label_count\"", assertInstanceOf(ZplStreamParser.Sgd.class,
                items.get(2)).line());
        assertEquals("^XA^HWE:*.TTF^XZ", assertInstanceOf(ZplStreamParser.Format.class, items.get(3)).zpl());
        assertEquals("HQES", assertInstanceOf(ZplStreamParser.Control.class, items.get(4)).command());
    }
}
