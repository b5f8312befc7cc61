package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void rendersZplPngAndPdf() throws IOException {
        Path data = dir.resolve("values.json");
        Files.writeString(data, Files.readString(Path.of("templates/platform-code-qr.sample.json")));
        Run zpl = run("render", "--template", "platform-code-qr", "--data", data.toString(), "--format", "zpl",
                "--out", dir.resolve("l.zpl").toString(), "--json");
        assertEquals(0, zpl.status(), zpl.err());
        JsonNode doc = JsonOutput.mapper().readTree(zpl.out());
        assertEquals("platform-code-qr", doc.get("template").asText());
        assertTrue(Files.readString(dir.resolve("l.zpl")).startsWith("^XA^CI28"));
        Run png = run("render", "--template", "item-gs1-datamatrix", "--format", "png", "--dpmm", "12",
                "--cjk", "bitmap", "--out", dir.resolve("l.png").toString());
        assertEquals(0, png.status(), png.err());
        assertEquals(600, ImageIO.read(dir.resolve("l.png").toFile()).getWidth());
        Run pdf = run("render", "--template", "case-sscc", "--format", "pdf", "--out", dir.resolve("l.pdf").toString());
        assertEquals(0, pdf.status(), pdf.err());
        assertTrue(Files.readString(dir.resolve("l.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    @Test
    void badInputIsOneLineAndStatus2() {
        Run r = run("render", "--template", "no-such", "--format", "zpl", "--out", dir.resolve("x").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: template no-such"), r.err());
        Run mode = run("render", "--template", "ccc-label", "--format", "zpl", "--cjk", "vector",
                "--out", dir.resolve("x").toString());
        assertEquals(2, mode.status());
        assertTrue(mode.err().contains("resident, download or bitmap"), mode.err());
    }

    @Test
    void aPrinterProfileSetsTheResolutionAndABadOneIsNamed() throws IOException {
        Run r = run("render", "--template", "item-gs1-datamatrix", "--format", "png", "--profile", "zt411-300",
                "--out", dir.resolve("p.png").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(600, ImageIO.read(dir.resolve("p.png").toFile()).getWidth(), "50 mm at 12 dots/mm");
        Run bad = run("render", "--template", "item-gs1-datamatrix", "--format", "png", "--profile", "no-such-printer",
                "--out", dir.resolve("q.png").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("no-such-printer"), bad.err());
    }

    @Test
    void benchLabelsPrintsOneJsonDocument() throws IOException {
        Run r = run("bench", "labels", "--json", "--labels", "2000", "--rasterize", "5");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertTrue(doc.get("mergeLabelsPerSecond").asLong() > 0);
        assertTrue(doc.get("bytesPerLabelStored").asInt() <= 200, r.out());
        assertTrue(doc.get("bytesPerLabelFull").asInt() > doc.get("bytesPerLabelStored").asInt());
    }
}
