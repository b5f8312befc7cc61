package io.tracemark.label;

import io.tracemark.core.TracemarkException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and loads the CJK font used to draw text on the host: for previews, for the rasterizer's
 * "resident" printer font and for bitmap (^GFA) text. Looks at, in order: the
 * {@code tracemark.cjkFont} system property, WenQuanYi Micro Hei
 * ({@value #DEFAULT_CJK_FONT}, Debian package fonts-wqy-microhei), every font
 * {@code fc-list :lang=zh file} names, and last the copy of WenQuanYi Micro Hei bundled in the jar
 * (Apache-2.0, see {@code fonts/wqy-microhei.COPYRIGHT.txt}), so a fresh machine without CJK fonts
 * still draws Chinese text.
 */
public final class LabelFonts {

    /** The bundled copy of WenQuanYi Micro Hei, a class-path resource. */
    static final String BUNDLED_CJK_FONT = "/fonts/wqy-microhei.ttc";

    /** Where Debian's fonts-wqy-microhei installs its font. */
    public static final String DEFAULT_CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static volatile LabelFonts system;

    private final Path cjkFontPath;
    private final Font cjk;

    private LabelFonts(Path cjkFontPath, Font cjk) {
        this.cjkFontPath = cjkFontPath;
        this.cjk = cjk;
    }

    /**
     * The fonts of this machine, found once and shared (fonts are immutable and slow to load).
     *
     * @throws TracemarkException when no CJK font is installed, naming the places looked at
     */
    public static LabelFonts system() {
        LabelFonts fonts = system;
        if (fonts == null) {
            synchronized (LabelFonts.class) {
                if (system == null) {
                    system = load(findCjkFont());
                }
                fonts = system;
            }
        }
        return fonts;
    }

    /** Loads a specific font file (TTF, OTF or the first face of a TTC). */
    public static LabelFonts load(Path fontFile) {
        try {
            return new LabelFonts(fontFile, Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile()));
        } catch (FontFormatException | IOException e) {
            throw new TracemarkException("cannot load font " + fontFile + ": " + e.getMessage(), e);
        }
    }

    /** Creates a font from bytes downloaded to a printer (~DY ... T). */
    static Font fromBytes(byte[] data, String name) {
        try (InputStream in = new ByteArrayInputStream(data)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException | IOException e) {
            throw new TracemarkException("downloaded font " + name + " (" + data.length
                    + " bytes) is not a TrueType font: " + e.getMessage(), e);
        }
    }

    /** The CJK-capable font, size 1; derive sizes from it. */
    public Font cjk() {
        return cjk;
    }

    /** The file the CJK font was loaded from (what a DOWNLOAD-mode printer receives). */
    public Path cjkFontPath() {
        return cjkFontPath;
    }

    /**
     * The CJK font as a printer's {@code ~DY} takes it: a TrueType file, the first font of the
     * collection when the font file is a {@code .ttc} (WenQuanYi Micro Hei is one).
     */
    public byte[] cjkTrueType() {
        try {
            return TrueTypeFont.extract(Files.readAllBytes(cjkFontPath), 0);
        } catch (java.io.IOException e) {
            throw new io.tracemark.core.TracemarkException("cannot read font " + cjkFontPath + ": " + e.getMessage(), e);
        }
    }

    static Path findCjkFont() {
        List<String> looked = new ArrayList<>();
        String configured = System.getProperty("tracemark.cjkFont");
        if (configured != null) {
            looked.add(configured);
            if (Files.isReadable(Path.of(configured))) {
                return Path.of(configured);
            }
        }
        looked.add(DEFAULT_CJK_FONT);
        if (Files.isReadable(Path.of(DEFAULT_CJK_FONT))) {
            return Path.of(DEFAULT_CJK_FONT);
        }
        looked.add("fc-list :lang=zh file");
        for (String candidate : fcList()) {
            if (Files.isReadable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        looked.add("class path " + BUNDLED_CJK_FONT);
        return bundledFont().orElseThrow(() -> new TracemarkException("no CJK font found (looked at "
                + String.join(", ", looked) + "); install fonts-wqy-microhei or set -Dtracemark.cjkFont=/path/to/font.ttf"));
    }

    /**
     * Copies the bundled font to a file once (a DOWNLOAD-mode printer is sent the file's bytes, and
     * AWT loads fonts from files fastest); an existing copy of the same size is reused.
     */
    static Optional<Path> bundledFont() {
        try (InputStream in = LabelFonts.class.getResourceAsStream(BUNDLED_CJK_FONT)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tracemark-fonts");
            Path file = dir.resolve("wqy-microhei.ttc");
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, "wqy-", ".part");
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(file);
        } catch (IOException e) {
            throw new TracemarkException("cannot unpack the bundled CJK font " + BUNDLED_CJK_FONT + ": " + e, e);
        }
    }

    private static List<String> fcList() {
        List<String> paths = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                String path = line.replaceAll(":\\s*$", "").trim();
                if (!path.isEmpty() && new File(path).isFile()) {
                    paths.add(path);
                }
            }
        } catch (IOException e) {
            return paths;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return paths;
    }
}
