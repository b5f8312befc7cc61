package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldHexTest {

    @ParameterizedTest
    @ValueSource(strings = {"^", "~", "_", "\u0000", "\u0001", "\n", "\r", "\u001d", "\u001f", "\u007f", "中",
        "😀", "é", "^XZ^XA~JA", "_5E", "a^b~c_d"})
    void unsafeCharactersAreEscapedAndRoundTrip(String value) {
        String escaped = FieldHex.escape(value);
        for (char c : escaped.toCharArray()) {
            assertTrue(c >= 0x20 && c < 0x7F && c != '^' && c != '~', "printable ASCII only: " + escaped);
        }
        assertFalse(FieldHex.isPlain(value));
        byte[] decoded = FieldHex.decode(escaped, FieldHex.INDICATOR);
        assertEquals(value, new String(decoded, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC123", "(01)06901234567892", "https://id.example.cn/01/1?a=b&c=d", "# > \\ ,"})
    void safeTextStaysReadable(String value) {
        assertEquals(value, FieldHex.escape(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^XZ^XA^FO0,0^GB400,400,400^FS", "~JA", "_", "\u0001", "中文😀"})
    void escapedValuePrintsAsItselfAndInjectsNothing(String value) {
        ZplRasterizer printer = new ZplRasterizer(LabelTarget.standard(8));
        var labels = printer.feed("^XA^CI28^PW200^LL60^FO5,5^A@N,20,20,E:SIMSUN.TTF^FH_^FD"
                + FieldHex.escape(value) + "^FS^XZ");
        assertEquals(1, labels.size());
        assertEquals(value, labels.get(0).fields().get(0).data());
        assertEquals(1, labels.get(0).fields().size(), "no injected fields");
        assertTrue(printer.skipped().isEmpty(), "no control command reached the printer: " + printer.skipped());
    }
}
