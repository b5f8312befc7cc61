package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.ElementString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped template, merged with its sample and with hostile values, printed and decoded. */
class TemplateRenderTest {

    static final String HOSTILE_TEXT = "^XZ^XA~JA_5E_ \\& \\\\ # > ,\u0001\u001f\u007f 😀 中文：产品";

    /**
     * Every unsafe character of {@link #HOSTILE_TEXT}, short enough to fit a one-line text field of the
     * shipped templates (a value that does not fit is refused, see {@code TextFitTest}).
     */
    static final String HOSTILE_SHORT = "^XZ~JA_\\&#\u0001😀";

    private static final TemplateLibrary LIBRARY = new TemplateLibrary(TemplateLibrary.DEFAULT_DIRECTORY);

    static Stream<Arguments> cases() {
        return LIBRARY.names().stream().flatMap(name -> Stream.of(
                Arguments.of(name, CjkFontMode.RESIDENT, false),
                Arguments.of(name, CjkFontMode.RESIDENT, true),
                Arguments.of(name, CjkFontMode.BITMAP, false)));
    }

    /** Sample values with every text field made hostile, and hostile unit codes where the field allows any text. */
    static Map<String, Object> hostile(LabelTemplate t) {
        Map<String, Object> values = new HashMap<>(t.sample());
        for (TemplateField f : t.fields()) {
            if (f.type() == FieldType.TEXT && !f.unit()) {
                values.put(f.name(), HOSTILE_SHORT);
            }
        }
        if (t.fields().stream().anyMatch(f -> f.name().equals("code")) && !values.containsKey("gs1")) {
            values.put("code", values.get("code") + "^XZ~JA_#__\\>\u0001\u001d");
        }
        return values;
    }

    /** What a reader must transmit for the template's verification code merged with {@code values}. */
    static String expected(LabelTemplate t, LabelValues values) {
        Object v = values.get(t.codeField()).orElseThrow();
        String data = v instanceof ElementString es ? es.toRaw(ElementString.GS) : v.toString();
        return t.symbology().identifier() + data;
    }

    @ParameterizedTest(name = "{0} {1} stored={2}")
    @MethodSource("cases")
    void sampleAndHostileValuesPrintAndDecodeExactly(String name, CjkFontMode mode, boolean stored) {
        LabelTemplate t = LIBRARY.load(name);
        LabelTarget target = LabelTarget.standard(t.dotsPerMm()).withCjkMode(mode);
        LabelWriter writer = t.writer(target);
        for (Map<String, Object> raw : List.of(t.sample(), hostile(t))) {
            LabelValues values = LabelValues.of(raw);
            ZplRasterizer printer = new ZplRasterizer(target);
            List<RasterLabel> labels;
            if (stored) {
                assertTrue(printer.feed(writer.storedFormat(values)).isEmpty());
                String recall = writer.recall(values);
                assertTrue(ZplLinter.lint(recall).isEmpty(), ZplLinter.lint(recall).toString());
                labels = printer.feed(recall);
            } else {
                String zpl = writer.label(values);
                assertTrue(ZplLinter.lint(zpl).isEmpty(), ZplLinter.lint(zpl).toString());
                labels = printer.feed(zpl);
            }
            assertEquals(1, labels.size(), "one label printed; skipped: " + printer.skipped());
            RasterLabel label = labels.get(0);
            assertEquals(Math.round(t.widthMm() * target.dotsPerMm()), label.image().getWidth());
            assertEquals(Math.round(t.heightMm() * target.dotsPerMm()), label.image().getHeight());
            CodeBox.Dots box = t.codeBox(target.dotsPerMm());
            SymbolDecoder.Decoded d = SymbolDecoder.decode(label.image(), box.x(), box.y(), box.width(), box.height());
            assertEquals(SymbolPainter.printable(expected(t, values)), SymbolPainter.printable(d.transmitted()));
            RenderedField symbol = label.fields().stream().filter(f -> f.kind() == RenderedField.Kind.SYMBOL)
                    .findFirst().orElseThrow();
            assertTrue(box.contains(symbol.x(), symbol.y(), symbol.width(), symbol.height()),
                    "symbol " + symbol + " inside code box " + box);
            if (mode == CjkFontMode.RESIDENT) {
                assertTextPrintedExactly(t, values, label);
            }
        }
    }

    /** Each job text value appears, exactly, inside some printed text field: nothing injected, nothing lost. */
    private static void assertTextPrintedExactly(LabelTemplate t, LabelValues values, RasterLabel label) {
        List<String> printed = label.fields().stream().filter(f -> f.kind() == RenderedField.Kind.TEXT)
                .map(RenderedField::data).toList();
        for (TemplateField f : t.fields()) {
            if (f.type() == FieldType.TEXT) {
                String v = values.get(f.name()).orElseThrow().toString();
                assertTrue(printed.stream().anyMatch(p -> p.contains(v.replace("\\", "\\\\")) || p.contains(v)),
                        f.name() + " printed as itself: " + SymbolPainter.printable(v) + " in " + printed);
            }
        }
    }
}
