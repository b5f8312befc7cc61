package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoredFormatTest {

    static List<String> names() {
        return TemplateLibrary.bundled().names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void storedAndFullFormsPrintIdenticalLabels(String name) {
        LabelTemplate t = TemplateLibrary.bundled().load(name);
        LabelTarget target = LabelTarget.standard(t.dotsPerMm());
        LabelWriter writer = t.writer(target);
        Map<String, Object> jobRaw = new HashMap<>(LabelValues.of(t.sample()).asMap());
        TemplateField.CATALOG.stream().filter(TemplateField::unit).forEach(f -> jobRaw.remove(f.name()));
        JobLabels job = writer.forJob(LabelValues.of(jobRaw));
        ZplRasterizer stored = new ZplRasterizer(target);
        assertTrue(stored.feed(job.storedFormat()).isEmpty());
        Map<String, Object> unit = new HashMap<>(t.sample());
        unit.keySet().retainAll(List.of("gs1", "code", "digitalLink", "childCount"));
        String full = job.label(unit);
        assertEquals(writer.label(job.unitValues(unit)), full, "JobLabels writes what LabelWriter writes");
        RasterLabel a = new ZplRasterizer(target).feed(full).get(0);
        RasterLabel b = stored.feed(job.recall(unit)).get(0);
        ZplRasterizerTest.assertImagesEqual(a.image(), b.image());
    }

    @ParameterizedTest
    @MethodSource("names")
    void templatesScaleToOtherResolutionsAndStillDecode(String name) {
        LabelTemplate t = TemplateLibrary.bundled().load(name);
        LabelTarget target = LabelTarget.standard(12);
        RasterLabel label = new ZplRasterizer(target).feed(t.writer(target).label(t.sample())).get(0);
        assertEquals(Math.round(t.widthMm() * 12), label.image().getWidth());
        CodeBox.Dots box = t.codeBox(12);
        SymbolDecoder.Decoded d = SymbolDecoder.decode(label.image(), box.x(), box.y(), box.width(), box.height());
        assertEquals(TemplateRenderTest.expected(t, LabelValues.of(t.sample())), d.transmitted());
    }

    @ParameterizedTest
    @MethodSource("names")
    void aRecallNeedsNoValueItsUnitFieldsDoNotPrint(String name) {
        LabelTemplate t = TemplateLibrary.bundled().load(name);
        LabelWriter writer = t.writer(LabelTarget.standard(t.dotsPerMm()));
        Map<String, Object> raw = new HashMap<>(t.sample());
        raw.put("digitalLinkBase", "https://id.example.cn");
        LabelValues all = LabelValues.of(raw);
        java.util.Set<String> printed = writer.unitFieldNames();
        List<String> unused = all.asMap().keySet().stream().filter(k -> !printed.contains(k)).toList();
        assertEquals(writer.recall(all), writer.recall(all.without(unused)), "a recall carries only its unit fields");
    }

    @org.junit.jupiter.api.Test
    void theUnitFieldsOfATemplateAreKnownByName() {
        LabelTarget target = LabelTarget.standard(8);
        assertTrue(TemplateLibrary.bundled().load("item-qr-digital-link").writer(target).unitFieldNames()
                .contains("digitalLink"));
        java.util.Set<String> dm = TemplateLibrary.bundled().load("item-gs1-datamatrix").writer(target).unitFieldNames();
        assertTrue(dm.contains("gs1") && !dm.contains("digitalLink") && !dm.contains("productName"), dm.toString());
    }

    @org.junit.jupiter.api.Test
    void itemLabelIsAtMost200BytesOnTheWire() {
        LabelTemplate t = TemplateLibrary.bundled().load("item-gs1-datamatrix");
        JobLabels job = t.writer(LabelTarget.standard(8)).forJob(LabelValues.of(Map.of("productName", "电动自行车用充电器",
                "specification", "CH-4820", "standard", "GB 42295-2022", "productionDate", "2024-03-15",
                "batch", "L240315", "producerName", "广州示例电器有限公司")));
        String recall = job.recall(Map.of("gs1", "(01)06901234567892(21)A7K2P9Q4X1B3C5D7"));
        int bytes = recall.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 200, bytes + " bytes: " + recall);
        assertTrue(recall.startsWith("^XA^XFR:ITEMDM.ZPL^FS^FN1^FH_^FD#101"), recall);
    }
}
