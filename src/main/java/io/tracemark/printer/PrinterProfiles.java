package io.tracemark.printer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads printer profiles (Jackson YAML) by path, or by name from the profiles bundled on the class
 * path ({@code printer-profiles/NAME.yaml}, so {@code --profile zt411-203} works from the fat jar
 * anywhere). An unknown key or an impossible value is a load-time {@link InvalidInputException}
 * listing every problem with its key path.
 */
public final class PrinterProfiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DIR = "printer-profiles/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> TOP = Set.of("model", "resolutionDpmm", "maxPrintWidthMm", "speedIps",
            "darkness", "media", "label", "transport", "cjkFont", "storedFormats", "statusPolling", "lookAhead",
            "printConfirmation", "mediaTracking", "objectNameLength");
    private static final Set<Integer> RESOLUTIONS = Set.of(6, 8, 12, 24);

    private PrinterProfiles() {
    }

    /** The names of the bundled profiles, sorted. */
    public static List<String> bundled() {
        String index = resource(DIR + "index.txt");
        return index == null ? List.of() : Arrays.stream(index.split("\\R")).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).sorted().toList();
    }

    /**
     * Loads a profile from a file path, or else a bundled profile by name.
     *
     * @throws InvalidInputException when neither exists (the bundled names are listed) or the profile is invalid
     */
    public static PrinterProfile load(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            String file = path.getFileName().toString();
            try {
                return parse(file.replaceFirst("\\.ya?ml$", ""), Files.readString(path), path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read printer profile " + path, e);
            }
        }
        String name = nameOrPath.toLowerCase(Locale.ROOT);
        String yaml = NAME.matcher(name).matches() ? resource(DIR + name + ".yaml") : null;
        if (yaml == null) {
            throw new InvalidInputException("printer profile '" + nameOrPath + "'", List.of(new Problem("",
                    "no such file and no bundled profile of that name; bundled: " + String.join(", ", bundled()))));
        }
        return parse(name, yaml, "bundled " + DIR + name + ".yaml");
    }

    /**
     * Parses and validates one profile.
     *
     * @param name   the profile's name
     * @param yaml   its text
     * @param source where it came from, named in errors
     */
    public static PrinterProfile parse(String name, String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidInputException("printer profile " + source, List.of(new Problem("", "not YAML: "
                    + e.getMessage().lines().findFirst().orElse(""))));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("printer profile " + source,
                    List.of(new Problem("", "expected a mapping of keys")));
        }
        ProfileReader r = new ProfileReader();
        PrinterProfile profile = read(name, root, r);
        if (!r.problems().isEmpty()) {
            throw new InvalidInputException("printer profile " + source, r.problems());
        }
        return profile;
    }

    private static PrinterProfile read(String name, JsonNode root, ProfileReader r) {
        r.onlyKeys(root, "", TOP);
        String model = r.text(root, "", "model", null);
        int dpmm = r.integer(root, "", "resolutionDpmm", null);
        if (!RESOLUTIONS.contains(dpmm)) {
            r.problem("resolutionDpmm", dpmm + " is not a print head resolution; expected 6, 8, 12 or 24 (152, 203, 300, 600 dpi)");
        }
        double maxWidth = r.number(root, "", "maxPrintWidthMm");
        r.range("maxPrintWidthMm", maxWidth, 1, 300, " mm");
        MediaKind media = media(r.text(root, "", "media", null), r);
        PrinterProfile.SpeedRange speed = speed(root, r, media);
        PrinterProfile.DarknessRange darkness = darkness(root, r);
        PrinterProfile.LabelSize label = label(root, maxWidth, r);
        PrinterProfile.TransportDefaults transport = transport(root, r);
        PrinterProfile.CjkFont cjk = cjk(root, r);
        boolean stored = r.bool(root, "", "storedFormats", true);
        boolean polling = r.bool(root, "", "statusPolling", true);
        int lookAhead = r.integer(root, "", "lookAhead", 2);
        r.range("lookAhead", lookAhead, 1, 32, " labels");
        PrintConfirmation confirmation = keyed(PrintConfirmation.values(), PrintConfirmation::key,
                r.text(root, "", "printConfirmation", "counters"), "printConfirmation", r);
        if (confirmation == PrintConfirmation.HOST_VERIFICATION && !stored) {
            r.problem("printConfirmation", "host-verification needs storedFormats: true (the unit's ^HV field rides"
                    + " in an ^XF recall, where a field the stored format lacks places nothing)");
        }
        if (confirmation != PrintConfirmation.COUNTERS && !polling) {
            r.problem("printConfirmation", confirmation.key() + " needs statusPolling: true");
        }
        MediaTracking tracking = null;
        if (media != MediaKind.INKJET) {
            tracking = keyed(MediaTracking.values(), MediaTracking::key, r.text(root, "", "mediaTracking", "gap"),
                    "mediaTracking", r);
        } else if (root.has("mediaTracking")) {
            r.problem("mediaTracking", "inkjet coders print on the product: there is no media to track (^MN)");
        }
        int nameLength = r.integer(root, "", "objectNameLength", 8);
        if (nameLength != 8 && nameLength != 16) {
            r.problem("objectNameLength", nameLength + " is not 8 (ZPL II guide, ^DF: \"1 to 8 alphanumeric"
                    + " characters\") or 16 (long-filename firmware)");
        }
        return new PrinterProfile(name, model, dpmm, maxWidth, speed, darkness, media, label, transport, cjk, stored,
                polling, lookAhead, confirmation, tracking, nameLength);
    }

    private static <E> E keyed(E[] values, java.util.function.Function<E, String> key, String text, String path,
                               ProfileReader r) {
        for (E value : values) {
            if (key.apply(value).equals(text)) {
                return value;
            }
        }
        r.problem(path, "'" + text + "' is not one of " + Arrays.stream(values).map(key).toList());
        return values[0];
    }

    private static PrinterProfile.SpeedRange speed(JsonNode root, ProfileReader r, MediaKind media) {
        JsonNode node = r.object(root, "", "speedIps");
        r.onlyKeys(node, "speedIps", Set.of("min", "max", "default"));
        int min = r.integer(node, "speedIps", "min", null);
        int max = r.integer(node, "speedIps", "max", null);
        int def = r.integer(node, "speedIps", "default", null);
        r.range("speedIps.min", min, 1, 60, " ips");
        // ^PR takes at most 14 ips; an inkjet coder's speed is the line's, not a ^PR value
        int ceiling = media == MediaKind.INKJET ? 60 : PrinterProfile.MAX_PR_IPS;
        r.range("speedIps.max", max, Math.max(1, min), ceiling, " ips");
        r.range("speedIps.default", def, min, max, " ips");
        return new PrinterProfile.SpeedRange(min, max, def);
    }

    private static PrinterProfile.DarknessRange darkness(JsonNode root, ProfileReader r) {
        JsonNode node = r.object(root, "", "darkness");
        r.onlyKeys(node, "darkness", Set.of("min", "max", "default"));
        int min = r.integer(node, "darkness", "min", 0);
        int max = r.integer(node, "darkness", "max", 30);
        int def = r.integer(node, "darkness", "default", null);
        r.range("darkness.min", min, 0, 30, "");
        r.range("darkness.max", max, min, 30, "");
        r.range("darkness.default", def, min, max, "");
        return new PrinterProfile.DarknessRange(min, max, def);
    }

    private static MediaKind media(String text, ProfileReader r) {
        for (MediaKind kind : MediaKind.values()) {
            if (kind.key().equals(text)) {
                return kind;
            }
        }
        r.problem("media", "'" + text + "' is not thermal-transfer, direct-thermal or inkjet");
        return MediaKind.DIRECT_THERMAL;
    }

    private static PrinterProfile.LabelSize label(JsonNode root, double maxWidth, ProfileReader r) {
        JsonNode node = r.object(root, "", "label");
        r.onlyKeys(node, "label", Set.of("widthMm", "lengthMm"));
        double width = r.number(node, "label", "widthMm");
        double length = r.number(node, "label", "lengthMm");
        if (width > maxWidth && maxWidth > 0) {
            r.problem("label.widthMm", ProfileReader.fmt(width) + " mm is wider than the head (maxPrintWidthMm "
                    + ProfileReader.fmt(maxWidth) + " mm)");
        } else {
            r.range("label.widthMm", width, 1, 300, " mm");
        }
        r.range("label.lengthMm", length, 1, 1000, " mm");
        return new PrinterProfile.LabelSize(width, length);
    }

    private static PrinterProfile.TransportDefaults transport(JsonNode root, ProfileReader r) {
        JsonNode node = root.get("transport");
        r.onlyKeys(node, "transport", Set.of("tcpPort", "serial"));
        int port = r.integer(node, "transport", "tcpPort", 9100);
        r.range("transport.tcpPort", port, 1, 65535, "");
        String serial = r.text(node, "transport", "serial", "baud=9600&dataBits=8&parity=none&stopBits=1&flow=none");
        return new PrinterProfile.TransportDefaults(port, serial);
    }

    private static PrinterProfile.CjkFont cjk(JsonNode root, ProfileReader r) {
        JsonNode node = r.object(root, "", "cjkFont");
        r.onlyKeys(node, "cjkFont", Set.of("mode", "residentName"));
        String modeText = r.text(node, "cjkFont", "mode", null);
        PrinterProfile.CjkFontMode mode = PrinterProfile.CjkFontMode.BITMAP;
        try {
            mode = PrinterProfile.CjkFontMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            r.problem("cjkFont.mode", "'" + modeText + "' is not resident, download or bitmap");
        }
        String resident = r.text(node, "cjkFont", "residentName", "");
        if (mode == PrinterProfile.CjkFontMode.RESIDENT && resident.isBlank()) {
            r.problem("cjkFont.residentName", "required when mode is resident (e.g. E:SIMSUN.TTF)");
        }
        return new PrinterProfile.CjkFont(mode, resident);
    }

    private static String resource(String name) {
        try (InputStream in = PrinterProfiles.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
