package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.SampleLabels;
import io.tracemark.sim.VirtualCamera;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-image on virtual camera frames written to PNG files. */
class VerifyImageCommandTest {

    /** A clean 1280×1024 frame of sample label 0 (a GS1 Data Matrix) and a blank frame. */
    private static Path[] frames(Path dir) throws Exception {
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), DegradationMix.none(), 1);
        SampleLabels.Label label = SampleLabels.label(0, 7);
        Path good = dir.resolve("good.png");
        ImageIO.write(camera.capture(label.image(), label.codeBox()).image(), "png", good.toFile());
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png",
                blank.toFile());
        return new Path[] {good, blank};
    }

    @Test
    void findsTheCodeAnywhereAndComparesTheParsedElementString(@TempDir Path dir) throws Exception {
        Path good = frames(dir)[0];
        String expected = io.tracemark.codes.ElementString.parseRaw(SampleLabels.label(0, 7).expected(), (char) 29)
                .toBracketed();
        CommandRun ok = run("verify-image", good.toString(), "--expect", expected, "--json");
        assertEquals(0, ok.exit(), ok.err());
        JsonNode doc = JsonOutput.mapper().readTree(ok.out());
        JsonNode image = doc.get("images").get(0);
        assertTrue(doc.get("pass").asBoolean());
        assertEquals("]d2", image.get("symbologyId").asText());
        assertEquals(expected, image.get("canonical").asText());
        assertTrue(image.get("overall").get("value").asDouble() >= 2.0, image.toString());
        assertTrue(image.get("grades").has("unusedErrorCorrection"));

        CommandRun wrong = run("verify-image", good.toString(), "--expect", "(01)06901234567892(21)NOTTHIS");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.out().contains("FAIL") && wrong.out().contains("NOTTHIS"), wrong.out());
    }

    @Test
    void anImageWithoutACodeFailsAndAnUnreadableFileIsBadInput(@TempDir Path dir) throws Exception {
        Path[] f = frames(dir);
        CommandRun mixed = run("verify-image", f[0].toString(), f[1].toString());
        assertEquals(1, mixed.exit());
        assertTrue(mixed.out().contains("blank.png: FAIL") && mixed.out().contains("no read"), mixed.out());
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        CommandRun bad = run("verify-image", junk.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("junk.png"), bad.err());
        assertEquals(2, run("verify-image", f[0].toString(), "--roi", "1,2,3").exit());
    }

    @Test
    void theRoiIsAHintAndTheGradeIsMeasuredWhereTheCodeReallyIs(@TempDir Path dir) throws Exception {
        Path good = frames(dir)[0];
        CommandRun elsewhere = run("verify-image", good.toString(), "--roi", "0,0,120,120", "--json");
        assertEquals(0, elsewhere.exit(), elsewhere.out());
        JsonNode on = JsonOutput.mapper().readTree(elsewhere.out()).get("images").get(0).get("measuredOn");
        JsonNode modulation = on.get("modulation");
        assertTrue(modulation.get("x").asInt() > 120 || modulation.get("y").asInt() > 120, on.toString());
    }

    /**
     * Every shipped template, rendered by {@code render}, grades A with and without {@code --roi}, and
     * every parameter says it was measured on the symbol's own region (inside the label, much smaller
     * than it) at the module size of the print.
     */
    @Test
    void everyShippedTemplatesCleanRenderGradesAWithAndWithoutTheRoi(@TempDir Path dir) throws Exception {
        io.tracemark.label.TemplateLibrary library = io.tracemark.label.TemplateLibrary.bundled();
        for (String name : library.names()) {
            Path png = dir.resolve(name + ".png");
            CommandRun render = run("render", "--template", name, "--format", "png", "--out", png.toString());
            assertEquals(0, render.exit(), render.err());
            io.tracemark.label.LabelTemplate t = library.load(name);
            io.tracemark.label.CodeBox.Dots box = t.codeBox(t.dotsPerMm());
            String roi = box.x() + "," + box.y() + "," + box.width() + "," + box.height();
            java.awt.image.BufferedImage image = ImageIO.read(png.toFile());
            for (String[] args : new String[][] {{"verify-image", png.toString(), "--min-grade", "A", "--json"},
                    {"verify-image", png.toString(), "--min-grade", "A", "--roi", roi, "--json"}}) {
                CommandRun v = run(args);
                assertEquals(0, v.exit(), name + " " + String.join(" ", args) + ": " + v.out());
                JsonNode img = JsonOutput.mapper().readTree(v.out()).get("images").get(0);
                assertEquals("A", img.get("overall").get("letter").asText(), name + ": " + img);
                JsonNode on = img.get("measuredOn");
                img.get("grades").fieldNames().forEachRemaining(p -> {
                    JsonNode where = on.get(p);
                    assertTrue(where != null, name + ": no region for " + p);
                    assertTrue(where.get("pixelsPerModule").asDouble() >= 2.0, name + " " + p + ": " + where);
                    long area = (long) where.get("width").asInt() * where.get("height").asInt();
                    assertTrue(area > 0 && area < image.getWidth() * (long) image.getHeight() / 3,
                            name + " " + p + " measured on " + where + " of a " + image.getWidth() + "x"
                                    + image.getHeight() + " label");
                    assertTrue(where.get("x").asInt() >= box.x() - 40 && where.get("y").asInt() >= box.y() - 40,
                            name + " " + p + " measured on " + where + ", code box " + box);
                });
            }
        }
    }

    /**
     * The README's {@code bench verify --json}, small: the template corpus against zxing-cpp, and
     * frames without a readable symbol (none read, their CPU cost reported).
     */
    @Test
    void benchVerifyComparesTheStationWithZxingCppOnTheTemplateCorpus() throws Exception {
        CommandRun r = run("bench", "verify", "--json", "--frames", "10", "--search-frames", "2",
                "--corpus-frames", "12", "--unreadable-frames", "6");
        assertEquals(0, r.exit(), r.err());
        JsonNode unreadable = JsonOutput.mapper().readTree(r.out()).get("unreadable");
        assertEquals(6, unreadable.get("frames").asInt(), unreadable.toString());
        assertEquals(0, unreadable.get("misreads").asInt(), unreadable.toString());
        assertTrue(unreadable.get("cpuP99Ms").asDouble() >= unreadable.get("cpuMedianMs").asDouble()
                && unreadable.get("cpuMedianMs").asDouble() > 0, unreadable.toString());
        JsonNode corpus = JsonOutput.mapper().readTree(r.out()).get("templateCorpus");
        assertEquals(12, corpus.get("frames").asInt());
        assertTrue(corpus.get("zxingCppRead").asInt() > 0, "zxing-cpp ran: " + corpus);
        assertEquals(0, corpus.get("misreads").asInt(), corpus.toString());
        assertEquals(corpus.get("mildFrames").asInt(), corpus.get("stationReadMild").asInt(), corpus.toString());
        assertTrue(corpus.get("stationRead").asInt() >= corpus.get("zxingCppRead").asInt() - 1, corpus.toString());
        assertTrue(corpus.get("wholeFrame").get("frames").asInt() == 12, corpus.toString());
    }
}
