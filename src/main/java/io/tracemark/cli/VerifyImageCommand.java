package io.tracemark.cli;

import io.tracemark.verify.Content;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grade;
import io.tracemark.verify.Grader;
import io.tracemark.verify.Grades;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.MeasuredOn;
import io.tracemark.verify.Verification;
import io.tracemark.verify.Verifier;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify-image IMAGE… [--expect DATA] [--min-grade C] [--roi x,y,w,h] [--json]}: decodes and
 * grades each image as the station's camera check would. Exit 0 when every image passes, 1
 * otherwise, 2 on bad input (an unreadable image is named).
 */
@Command(name = "verify-image",
        mixinStandardHelpOptions = true,
        description = {"Decode and grade images of printed codes (Data Matrix, QR, Code 128).",
            "Grades follow ISO/IEC 15415 / 15416 parameters for process control; this is not a certified verifier.",
            "Exit status: 0 every image passes, 1 some image fails, 2 bad input."})
public final class VerifyImageCommand implements Callable<Integer> {

    static final int SOME_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files (PNG, JPEG, BMP, GIF)")
    List<Path> images;

    @Option(names = "--expect", paramLabel = "DATA",
            description = "required content: a GS1 element string in bracketed form (01)…(21)… (compared parsed)"
                    + " or plain text such as a Digital Link URL")
    String expect;

    @Option(names = "--min-grade", paramLabel = "GRADE", defaultValue = "C",
            description = "minimum overall grade, A–F or 0–4 (default ${DEFAULT-VALUE})")
    String minGrade;

    @Option(names = "--roi", paramLabel = "x,y,w,h",
            description = "where the code should be, in image pixels: searched first; when nothing reads there (or"
                    + " without it) the whole image is searched")
    String roi;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    /** The report of one image. */
    record ImageReport(String file, boolean pass, boolean read, String data, String canonical, String symbologyId,
                       String symbology, String strategy, Grade overall, Map<String, Grade> grades,
                       Map<String, Double> measurements, Map<String, MeasuredOn> measuredOn, List<String> reasons,
                       double millis) {
    }

    /** The JSON document. */
    record Report(boolean pass, String minimumGrade, String expect, List<ImageReport> images) {
    }

    @Override
    public Integer call() {
        Grade minimum = Grade.parse(minGrade);
        Optional<Expectation> expectation = Optional.ofNullable(expect).map(Expectation::parse);
        Optional<Rectangle> box = Optional.ofNullable(roi).map(VerifyImageCommand::parseRoi);
        List<GrayImage> frames = new ArrayList<>();
        for (Path image : images) {
            frames.add(read(image));
        }
        Verifier verifier = new Verifier(new FrameDecoder(), Grader.iso(), minimum);
        List<ImageReport> reports = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            reports.add(report(images.get(i), verifier.verify(frames.get(i), box, expectation)));
        }
        boolean all = reports.stream().allMatch(ImageReport::pass);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, new Report(all, minimum.letter(), expect, reports));
        } else {
            reports.forEach(r -> out.println(text(r)));
            out.flush();
        }
        return all ? 0 : SOME_FAILED;
    }

    private static GrayImage read(Path image) {
        if (!Files.isRegularFile(image)) {
            throw new IllegalArgumentException("image " + image + " does not exist or is not a file");
        }
        try {
            BufferedImage img = ImageIO.read(image.toFile());
            if (img == null) {
                throw new IllegalArgumentException("image " + image + " is not in a format ImageIO can read");
            }
            return GrayImage.of(img);
        } catch (IOException e) {
            throw new IllegalArgumentException("image " + image + " cannot be read: " + e.getMessage(), e);
        }
    }

    static Rectangle parseRoi(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 4) {
                Rectangle r = new Rectangle(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
                if (r.width > 0 && r.height > 0 && r.x >= 0 && r.y >= 0) {
                    return r;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--roi must be x,y,w,h with x,y >= 0 and w,h > 0, got '" + text + "'");
    }

    private static ImageReport report(Path file, Verification v) {
        Optional<Grades> g = v.grades();
        return new ImageReport(file.toString(), v.pass(), v.read(), Content.printable(v.data()), v.canonical(),
                v.symbologyId(), v.symbology().map(Enum::name).orElse(""), v.strategy().map(Enum::name).orElse(""),
                g.map(Grades::overall).orElse(Grade.F), g.map(Grades::parameters).orElse(Map.of()),
                g.map(Grades::measurements).orElse(Map.of()), g.map(Grades::measuredOn).orElse(Map.of()), v.reasons(),
                v.millis());
    }

    private static String text(ImageReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.file()).append(": ").append(r.pass() ? "PASS" : "FAIL");
        if (r.read()) {
            sb.append(" data=").append(r.canonical()).append(" symbology=").append(r.symbologyId()).append(' ')
                    .append(r.symbology()).append(" grade=").append(r.overall().letter()).append(" (")
                    .append(r.overall().value()).append(')');
            Map<String, String> letters = new LinkedHashMap<>();
            r.grades().forEach((k, v) -> letters.put(k, v.letter()));
            sb.append(" ").append(letters);
        }
        sb.append(' ').append(r.millis()).append(" ms");
        if (!r.reasons().isEmpty()) {
            sb.append(" — ").append(String.join("; ", r.reasons()));
        }
        return sb.toString();
    }
}
