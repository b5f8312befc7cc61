package io.tracemark.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.app.LabelTargets;
import io.tracemark.label.CjkFontMode;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.label.LabelImages;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.LabelValues;
import io.tracemark.label.LabelWriter;
import io.tracemark.label.RasterLabel;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.label.ZplRasterizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render --template T [--data FILE.json] --format zpl|png|pdf --out FILE}: merges one label
 * and writes its ZPL, or rasterizes it to PNG / PDF (page of the label's physical size).
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {"Merge one label from a template and values and write it as ZPL, PNG or PDF.",
            "Templates are looked up in --templates (default ./templates), then among those bundled in the jar."})
public final class RenderCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { zpl, png, pdf }

    @Spec
    CommandSpec spec;

    @Option(names = "--template", required = true, paramLabel = "T", description = "template name, e.g. item-gs1-datamatrix")
    String template;

    @Option(names = "--data", paramLabel = "FILE.json", description = "values as a JSON object (default: the template's sample)")
    Path data;

    @Option(names = "--format", required = true, paramLabel = "F", description = "zpl, png or pdf")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write")
    Path out;

    @Option(names = "--profile", paramLabel = "P",
            description = "printer profile: a bundled name (e.g. zt411-203) or a YAML path; sets resolution, CJK font mode, stored formats")
    String profile;

    @Option(names = "--dpmm", paramLabel = "N", description = "printer resolution in dots/mm (default: the template's)")
    Integer dotsPerMm;

    @Option(names = "--cjk", paramLabel = "MODE", description = "Chinese text: resident, download or bitmap (default resident)")
    String cjk;

    @Option(names = "--font-name", paramLabel = "NAME", description = "printer CJK font, e.g. E:SIMSUN.TTF")
    String fontName;

    @Option(names = "--stored", description = "zpl: write the stored format (^DF) followed by one recall (^XF) label")
    boolean stored;

    @Option(names = "--templates", paramLabel = "DIR", description = "template directory (default ./templates)")
    Path templates = TemplateLibrary.DEFAULT_DIRECTORY;

    @Option(names = "--json", description = "print one JSON document describing what was written")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LabelTemplate t = new TemplateLibrary(templates).load(template);
        LabelTarget target = target(t);
        LabelValues values = LabelValues.of(data == null ? t.sample() : readJson(data));
        LabelWriter writer = t.writer(target);
        byte[] bytes;
        List<RasterLabel> labels = List.of();
        String zpl = stored ? writer.storedFormat(values) + "\n" + writer.recall(values) : writer.label(values);
        if (format == Format.zpl) {
            String setup = writer.setup();
            bytes = ((setup.isEmpty() ? "" : setup + "\n") + zpl + "\n").getBytes(StandardCharsets.UTF_8);
        } else {
            ZplRasterizer printer = new ZplRasterizer(target);
            printer.feed(writer.setup());
            labels = printer.feed(zpl);
            bytes = format == Format.png ? LabelImages.png(labels.get(0)) : LabelImages.pdf(labels);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, bytes);
        PrintWriter stdout = spec.commandLine().getOut();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("template", t.name());
        doc.put("format", format.name());
        doc.put("out", out.toString());
        doc.put("bytes", bytes.length);
        doc.put("widthMm", t.widthMm());
        doc.put("heightMm", t.heightMm());
        doc.put("dotsPerMm", target.dotsPerMm());
        doc.put("cjkMode", target.cjkMode());
        if (json) {
            JsonOutput.print(stdout, doc);
        } else {
            stdout.printf("%s: %s %s (%d bytes, %.0fx%.0f mm at %d dots/mm)%n", t.name(), format, out, bytes.length,
                    t.widthMm(), t.heightMm(), target.dotsPerMm());
            stdout.flush();
        }
        return 0;
    }

    private LabelTarget target(LabelTemplate t) throws IOException {
        int dpmm = t.dotsPerMm();
        CjkFontMode mode = CjkFontMode.RESIDENT;
        String font = null;
        boolean storedFormats = true;
        if (profile != null) {
            LabelTarget fromProfile = LabelTargets.of(PrinterProfiles.load(profile));
            dpmm = fromProfile.dotsPerMm();
            mode = fromProfile.cjkMode();
            font = fromProfile.residentFontName();
            storedFormats = fromProfile.storedFormats();
        }
        if (dotsPerMm != null) {
            dpmm = dotsPerMm;
        }
        if (cjk != null) {
            mode = cjkMode(cjk);
        }
        if (fontName != null) {
            font = fontName;
        }
        return new LabelTarget(dpmm, mode, font, storedFormats);
    }

    private static CjkFontMode cjkMode(String s) {
        try {
            return CjkFontMode.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CJK mode '" + s + "' unknown: use resident, download or bitmap");
        }
    }

    private static Map<String, Object> readJson(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new InvalidInputException("values file " + file,
                    List.of(new Problem(file.toString(), e.getMessage().lines().findFirst().orElse(""))));
        }
    }
}
