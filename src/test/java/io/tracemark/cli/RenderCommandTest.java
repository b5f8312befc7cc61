package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersZplPngAndPdf() throws IOException {
        Path data = dir.resolve("values.json");
        Files.writeString(data, Files.readString(Path.of("templates/platform-code-qr.sample.json")));
        CommandRun zpl = run("render", "--template", "platform-code-qr", "--data", data.toString(), "--format", "zpl",
                "--out", dir.resolve("l.zpl").toString(), "--json");
        assertEquals(0, zpl.exit(), zpl.err());
        JsonNode doc = JsonOutput.mapper().readTree(zpl.out());
        assertEquals("platform-code-qr", doc.get("template").asText());
        assertTrue(Files.readString(dir.resolve("l.zpl")).startsWith("^XA^CI28"));
        CommandRun png = run("render", "--template", "item-gs1-datamatrix", "--format", "png", "--dpmm", "12",
                "--cjk", "bitmap", "--out", dir.resolve("l.png").toString());
        assertEquals(0, png.exit(), png.err());
        assertEquals(600, ImageIO.read(dir.resolve("l.png").toFile()).getWidth());
        CommandRun pdf = run("render", "--template", "case-sscc", "--format", "pdf", "--out", dir.resolve("l.pdf").toString());
        assertEquals(0, pdf.exit(), pdf.err());
        assertTrue(Files.readString(dir.resolve("l.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    @Test
    void badInputIsOneLineAndStatus2() {
        CommandRun r = run("render", "--template", "no-such", "--format", "zpl", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: template no-such"), r.err());
        CommandRun mode = run("render", "--template", "ccc-label", "--format", "zpl", "--cjk", "vector",
                "--out", dir.resolve("x").toString());
        assertEquals(2, mode.exit());
        assertTrue(mode.err().contains("resident, download or bitmap"), mode.err());
    }

    @Test
    void aPrinterProfileSetsTheResolutionAndABadOneIsNamed() throws IOException {
        CommandRun r = run("render", "--template", "item-gs1-datamatrix", "--format", "png", "--profile", "zt411-300",
                "--out", dir.resolve("p.png").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(600, ImageIO.read(dir.resolve("p.png").toFile()).getWidth(), "50 mm at 12 dots/mm");
        CommandRun bad = run("render", "--template", "item-gs1-datamatrix", "--format", "png", "--profile", "no-such-printer",
                "--out", dir.resolve("q.png").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("no-such-printer"), bad.err());
    }

    @Test
    void benchLabelsPrintsOneJsonDocument() throws IOException {
        CommandRun r = run("bench", "labels", "--json", "--labels", "2000", "--rasterize", "5");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertTrue(doc.get("mergeLabelsPerSecond").asLong() > 0);
        assertTrue(doc.get("bytesPerLabelStored").asInt() <= 200, r.out());
        assertTrue(doc.get("bytesPerLabelFull").asInt() > doc.get("bytesPerLabelStored").asInt());
    }
}
