package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A value longer than its ^FB block would lose lines on the printer: the merge refuses it, naming the field. */
class TextFitTest {

    private static final TemplateLibrary LIBRARY = new TemplateLibrary(TemplateLibrary.DEFAULT_DIRECTORY);

    @Test
    void overlongTextIsRefusedInEveryFormAndNamesItsField() {
        LabelTemplate t = LIBRARY.load("item-gs1-datamatrix");
        Map<String, Object> values = new HashMap<>(t.sample());
        values.put("standard", "GB 4706.1-2005; GB 4706.19-2008");
        for (CjkFontMode mode : CjkFontMode.values()) {
            LabelWriter writer = t.writer(LabelTarget.standard(t.dotsPerMm()).withCjkMode(mode));
            InvalidInputException full = assertThrows(InvalidInputException.class, () -> writer.label(values));
            assertEquals(1, full.problems().size(), full.getMessage());
            Problem p = full.problems().get(0);
            assertEquals("standard", p.where());
            assertTrue(p.message().contains("needs 2 lines") && p.message().contains("holds 1"), p.message());
            assertThrows(InvalidInputException.class, () -> writer.storedFormat(LabelValues.of(values)));
        }
    }

    @Test
    void textThatFitsIsMergedAndATwoLineBlockTakesTwoLines() {
        LabelTemplate t = LIBRARY.load("item-gs1-datamatrix");
        LabelWriter writer = t.writer(LabelTarget.standard(t.dotsPerMm()));
        Map<String, Object> values = new HashMap<>(t.sample());
        values.put("standard", "GB 4706.19-2008");
        values.put("producerName", "广州市示例电器有限公司第二分公司");
        assertTrue(writer.label(values).contains("^XZ"));
        values.put("producerName", "广州市示例电器有限公司第二分公司广州市示例电器有限公司第三分公司");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> writer.label(values));
        assertEquals("producerName", e.problems().get(0).where());
    }
}
