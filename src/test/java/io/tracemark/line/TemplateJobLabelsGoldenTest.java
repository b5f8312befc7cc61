package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tracemark.codes.ElementString;
import io.tracemark.core.TraceLevel;
import io.tracemark.label.CjkFontMode;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.verify.Expectation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The ZPL each bundled template merges for a sample of codes (good ones, ones that need escaping, bad
 * ones), and what each unit's expectation accepts and refuses, byte for byte as
 * {@code template-job-labels.golden.txt.gz} holds them (gzip of 2 MB of text). That file was written by the per-unit merge
 * before it was made cheap (stored formats recalled with shared job values, validation remembered
 * per job shape, the element string parsed once for label and expectation): the fast path must
 * write exactly what the slow one wrote and refuse exactly what it refused, with the same message.
 * Regenerate only for an intended change of output: {@code -Dtracemark.golden.write=true}.
 */
class TemplateJobLabelsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/io/tracemark/line/template-job-labels.golden.txt.gz");
    private static final String GS = String.valueOf(ElementString.GS);
    /** GS1 AI encodable set 82 (GS1 General Specifications, figure 7.11-1). */
    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final Producer PRODUCER = new Producer("acme", "广州示例电器有限公司", "91440101MA59A1B2XK",
            "广州市黄埔区示例路1号", "020-12345678", "营业执照 91440101MA59A1B2XK");
    private static final Product PRODUCT = new Product("charger", PRODUCER, "电动自行车用充电器", "充电器", "CH-4820 48V 2A",
            "GB 42295-2022", "出厂检验报告 2026-118", "CCC 2021011119000001", "2年", "使用前请阅读说明书", "06901234567892");
    private static final Product NO_GTIN = new Product("cable", PRODUCER, "电线电缆 BV 2.5mm²", "电线", "BV 2.5",
            "GB/T 5023", "报告 1", "", "", "", "");

    @Test
    void mergedLabelsAndExpectationsAreThoseOfTheReferenceMerge() throws IOException {
        String actual = render();
        if (Boolean.getBoolean("tracemark.golden.write")) {
            Files.createDirectories(GOLDEN.getParent());
            try (var gz = new GZIPOutputStream(Files.newOutputStream(GOLDEN))) {
                gz.write(actual.getBytes(StandardCharsets.UTF_8));
            }
            fail("wrote " + GOLDEN + " (" + actual.length() + " chars); run again without -Dtracemark.golden.write");
        }
        String expected;
        try (var gz = new GZIPInputStream(Files.newInputStream(GOLDEN))) {
            expected = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), "line " + (i + 1) + " of " + GOLDEN);
        }
        assertEquals(want.size(), got.size(), "lines in " + GOLDEN);
        assertEquals(expected, actual);
    }

    @Test
    void theSameLabelsTwiceAndInAnyOrder() {
        // the per-job state (remembered validation, parsed codes) must not change a later unit's label
        TemplateLibrary library = TemplateLibrary.bundled();
        LabelTemplate t = library.load("item-gs1-datamatrix");
        TemplateJobLabels labels = new TemplateJobLabels(t, LabelTarget.standard(8), facts(PRODUCT, LocalDate.of(2028, 12, 1)),
                "平台", null);
        List<String> codes = gs1Codes();
        List<String> first = new ArrayList<>();
        for (String code : codes) {
            first.add(describe(() -> labels.unitZpl(code)) + describe(() -> String.valueOf(labels.expectation(code))));
        }
        TemplateJobLabels fresh = new TemplateJobLabels(t, LabelTarget.standard(8), facts(PRODUCT, LocalDate.of(2028, 12, 1)),
                "平台", null);
        for (int i = codes.size() - 1; i >= 0; i--) {
            String code = codes.get(i);
            assertEquals(first.get(i), describe(() -> fresh.unitZpl(code)) + describe(() -> String.valueOf(fresh.expectation(code))),
                    code);
        }
    }

    private static JobFacts facts(Product product, LocalDate expiry) {
        return new JobFacts(product, "L261202", LocalDate.of(2026, 12, 2), expiry, TraceLevel.ITEM, "gs1");
    }

    private static String render() {
        TemplateLibrary library = TemplateLibrary.bundled();
        List<LabelTarget> targets = List.of(LabelTarget.standard(8), new LabelTarget(8, CjkFontMode.RESIDENT, null, false),
                new LabelTarget(12, CjkFontMode.RESIDENT, "E:SIMSUN.TTF", true, 16),
                LabelTarget.standard(8).withCjkMode(CjkFontMode.BITMAP));
        StringBuilder out = new StringBuilder();
        for (String name : library.names()) {
            LabelTemplate t = library.load(name);
            for (int ti = 0; ti < targets.size(); ti++) {
                LabelTarget target = targets.get(ti);
                boolean bitmap = target.cjkMode() == CjkFontMode.BITMAP;
                for (int job = 0; job < (bitmap ? 1 : 3); job++) {
                    JobFacts facts = job == 2 ? facts(NO_GTIN, null) : facts(PRODUCT, LocalDate.of(2028, 12, 1));
                    String base = job == 1 ? "https://id.example.cn" : null;
                    out.append("## ").append(name).append(" target ").append(ti).append(" job ").append(job).append('\n');
                    TemplateJobLabels labels;
                    try {
                        labels = new TemplateJobLabels(t, target, facts, "广东省重点工业产品质量安全追溯平台", base);
                    } catch (RuntimeException e) {
                        out.append("new: ").append(error(e)).append('\n');
                        continue;
                    }
                    out.append("setup: ").append(describe(labels::setupZpl)).append('\n');
                    List<String> codes = new ArrayList<>(gs1Codes());
                    codes.addAll(plainCodes());
                    if (bitmap) {
                        codes = codes.subList(0, 6);
                    }
                    for (String code : codes) {
                        out.append("code: ").append(printable(code)).append('\n');
                        out.append("zpl: ").append(describe(() -> labels.unitZpl(code))).append('\n');
                        expectation(out, labels, code, ti == 0);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The unit's expectation; with {@code reads}, also what it says of what a camera might read (it does not depend on the target). */
    private static void expectation(StringBuilder out, TemplateJobLabels labels, String code, boolean reads) {
        Expectation e;
        try {
            e = labels.expectation(code);
        } catch (RuntimeException ex) {
            out.append("expect: ").append(error(ex)).append('\n');
            return;
        }
        out.append("expect: ").append(printable(e.toString())).append('\n');
        if (!reads) {
            return;
        }
        for (String[] read : reads(code)) {
            Optional<String> m;
            try {
                m = e.mismatch(read[0], read[1]);
            } catch (RuntimeException ex) {
                out.append("  read ").append(printable(read[0])).append(' ').append(read[1]).append(": ")
                        .append(error(ex)).append('\n');
                continue;
            }
            out.append("  read ").append(printable(read[0])).append(' ').append(read[1]).append(": ")
                    .append(m.map(TemplateJobLabelsGoldenTest::printable).orElse("ok")).append('\n');
        }
    }

    /** What a camera might read for {@code code}: its raw GS1 data, reordered, as text, something else. */
    private static List<String[]> reads(String code) {
        List<String[]> reads = new ArrayList<>();
        reads.add(new String[] {code, "]d2"});
        reads.add(new String[] {code, "]Q1"});
        try {
            ElementString es = ElementString.parse(code);
            String raw = es.toRaw(ElementString.GS);
            reads.add(new String[] {raw, "]d2"});
            reads.add(new String[] {raw, "]C1"});
            reads.add(new String[] {raw, "]d1"});
            reads.add(new String[] {raw + GS, "]d2"});
            List<ElementString.Element> reversed = new ArrayList<>(es.elements());
            java.util.Collections.reverse(reversed);
            reads.add(new String[] {new ElementString(reversed).toRaw(ElementString.GS), "]d2"});
            reads.add(new String[] {es.toBracketed(), "]Q1"});
            reads.add(new String[] {es.with("10", "X").toRaw(ElementString.GS), "]d2"});
        } catch (RuntimeException notGs1) {
            reads.add(new String[] {code + "X", "]Q1"});
        }
        reads.add(new String[] {"https://id.example.cn/01/06901234567892/21/A7K2P9Q4X1", "]Q1"});
        reads.add(new String[] {"", "]d2"});
        return reads;
    }

    private static List<String> gs1Codes() {
        List<String> codes = new ArrayList<>(List.of(
                "(01)06901234567892(21)A7K2P9Q4X1",
                "(01)06901234567892(21)AB\\(12)%&>_\"'*+,-./:;<=?",
                "(01)06901234567892(21)A^B~C",
                "(01)06901234567892(21)A#B",
                "0106901234567892" + "21ABC123" + GS + "10L1",
                "]d20106901234567892" + "21XYZ",
                "0106901234567892" + "21ABC123",
                "(01)06901234567892(10)LOT7(11)261202(17)281201(21)S1",
                "(01)06901234567892(11)261332(21)S2",
                "(01)06901234567893(21)S3",
                "(00)069012345000000011",
                "(21)S4",
                "(01)06901234567892(21)S5(21)S5",
                "(01)06901234567892(21)S5(21)S6",
                "(01)06901234567892(21)",
                "(01)06901234567892(21)123456789012345678901",
                "(01)06901234567892(21)中文",
                "(01)06901234567892(21)1234(10)B1",
                "(10)B2(01)06901234567892(21)S7",
                "(01)06901234567892(8200)https://id.example.cn/x(21)S8",
                "hello",
                "(01)0690123456789",
                "https://id.example.cn/01/06901234567892/21/DL1",
                "https://id.example.cn/01/06901234567892/10/L9/21/DL2?17=281201"));
        Random random = new Random(12);
        for (int i = 0; i < 24; i++) {
            StringBuilder serial = new StringBuilder();
            int n = 1 + random.nextInt(20);
            for (int j = 0; j < n; j++) {
                serial.append(CSET82.charAt(random.nextInt(CSET82.length())));
            }
            String s = serial.toString().replace("(", "\\(");
            codes.add(i % 3 == 2 ? "(01)06901234567892(10)L" + i + "(21)" + s : "(01)06901234567892(21)" + s);
        }
        return codes;
    }

    private static List<String> plainCodes() {
        return List.of("2021011101234567-000001", "https://zs.example.gov.cn/c/4401A3F9K2M7Q8",
                "A#B_C^D~E\\F>G", "中文码", "(01)06901234567892(21)X", "(abc", "X" + GS + "Y", "  spaced  ");
    }

    private static String describe(Supplier<String> s) {
        try {
            return printable(s.get());
        } catch (RuntimeException e) {
            return error(e);
        }
    }

    private static String error(RuntimeException e) {
        return "ERROR " + e.getClass().getSimpleName() + ": " + printable(String.valueOf(e.getMessage()));
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
