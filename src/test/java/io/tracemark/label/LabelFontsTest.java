package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabelFontsTest {

    @Test
    void theBundledFontUnpacksOnceAndDrawsChinese() throws Exception {
        Path first = LabelFonts.bundledFont().orElseThrow();
        long size = Files.size(first);
        assertTrue(size > 1_000_000, "the whole WenQuanYi Micro Hei collection: " + size);
        Path again = LabelFonts.bundledFont().orElseThrow();
        assertEquals(first, again);
        assertEquals(size, Files.size(again));
        LabelFonts fonts = LabelFonts.load(first);
        assertEquals(-1, fonts.cjk().canDisplayUpTo("产品名称：电动自行车 规格型号 执行标准 GB 17761"),
                "every character of a label's Chinese master data has a glyph");
    }
}
