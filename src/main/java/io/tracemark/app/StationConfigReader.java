package io.tracemark.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code station.yaml}: every problem is collected with the path of its key and reported
 * together in one {@link InvalidInputException}; the result is an immutable {@link StationConfig}.
 */
public final class StationConfigReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> IMAGE_SCHEMES = Set.of("folder", "http", "https", "sim");
    private static final Pattern GRADE = Pattern.compile("[A-D]|[0-4](\\.[0-9])?");

    public StationConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file, List.of(new Problem(file.toString(), e.toString())));
        }
        return parse(text, file.toAbsolutePath().getParent(), file.toString());
    }

    /**
     * Parses configuration text.
     *
     * @param baseDir relative paths (data, templates) are resolved against it
     * @param source  file name for messages
     */
    public StationConfig parse(String yaml, Path baseDir, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, List.of(new Problem(source, "not valid YAML: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr())));
        }
        List<Problem> problems = new ArrayList<>();
        ConfigNode top = new ConfigNode(root, "", problems);
        ConfigNode station = top.child("station");
        String name = station.string("name", "station-1");
        Path dataDir = baseDir.resolve(station.string("data", "data")).normalize();
        Path templatesDir = baseDir.resolve(station.string("templates", "templates")).normalize();
        station.rejectUnknownKeys();

        ConfigNode panelNode = top.child("panel");
        StationConfig.Panel panel = new StationConfig.Panel(panelNode.string("host", "127.0.0.1"),
                panelNode.integer("port", 7070, 0, 65535),
                panelNode.integer("idleSignOutMinutes", 10, 1, 24 * 60));
        panelNode.rejectUnknownKeys();

        List<StationConfig.Device> printers = top.list("printers", n -> device(n, true));
        List<StationConfig.Device> scanners = top.list("scanners", StationConfigReader::scanner);
        List<StationConfig.Device> gates = top.list("rejectGates", n -> device(n, false));
        uniqueNames("printers", printers, top);
        uniqueNames("scanners", scanners, top);
        uniqueNames("rejectGates", gates, top);

        StationConfig.Line line = line(top.child("line"));
        StationConfig.Platform platform = platform(top.child("platform"));
        List<StationConfig.OpaqueScheme> schemes = top.list("opaqueSchemes", StationConfigReader::opaqueScheme);
        StationConfig.Backups backups = backups(top.child("backups"), baseDir);
        StationConfig.Packing packing = packing(top.child("packing"));
        StationConfig.ComponentStation components = components(top.child("components"));
        StationConfig.Records records = records(top.child("records"));
        top.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(source, problems);
        }
        return new StationConfig(name, dataDir, templatesDir, panel, printers, scanners, gates, line, platform, schemes,
                backups, packing, components, records);
    }

    private static StationConfig.Records records(ConfigNode node) {
        if (!node.isPresent()) {
            return StationConfig.Records.DEFAULT;
        }
        StationConfig.Records records = new StationConfig.Records(
                node.integer("archiveAfterDays", StationConfig.Records.DEFAULT.archiveAfterDays(), 1, 3 * 366),
                node.integer("archiveIntervalHours", StationConfig.Records.DEFAULT.archiveIntervalHours(), 0, 24 * 31));
        node.rejectUnknownKeys();
        return records;
    }

    private static StationConfig.ComponentStation components(ConfigNode node) {
        if (!node.isPresent()) {
            return StationConfig.ComponentStation.NONE;
        }
        StationConfig.Device reader = childDevice(node, "reader");
        node.rejectUnknownKeys();
        return new StationConfig.ComponentStation(reader);
    }

    private static StationConfig.Backups backups(ConfigNode node, Path baseDir) {
        if (!node.isPresent()) {
            return StationConfig.Backups.NONE;
        }
        List<Path> folders = node.list("folders", f -> {
            String path = f.requiredString("path");
            return path == null ? null : baseDir.resolve(path).normalize();
        });
        if (folders.isEmpty()) {
            node.problem("folders", "name at least one backup folder (- path: DIR)");
        }
        StationConfig.Backups backups = new StationConfig.Backups(folders.stream().filter(f -> f != null).toList(),
                node.integer("intervalMinutes", 60, 0, 7 * 24 * 60), node.bool("atBatchEnd", true),
                node.integer("keep", 48, 1, 100_000));
        node.rejectUnknownKeys();
        return backups;
    }

    private static StationConfig.Device device(ConfigNode node, boolean needsProfile) {
        String name = node.requiredString("name");
        var uri = node.uri("uri", true);
        String profile = needsProfile ? node.requiredString("profile") : node.string("profile", null);
        return new StationConfig.Device(name, uri, profile);
    }

    /** A scanner: result-string readers need a profile; cameras whose images the station decodes do not. */
    private static StationConfig.Device scanner(ConfigNode node) {
        String name = node.requiredString("name");
        var uri = node.uri("uri", true);
        boolean decodes = uri != null && IMAGE_SCHEMES.contains(uri.getScheme());
        String profile = decodes ? node.string("profile", null) : node.requiredString("profile");
        return new StationConfig.Device(name, uri, profile);
    }

    private static void uniqueNames(String key, List<StationConfig.Device> devices, ConfigNode top) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            String name = devices.get(i).name();
            if (name != null && !seen.add(name)) {
                top.problem(key + "[" + i + "].name", "'" + name + "' is used twice");
            }
        }
    }

    private static StationConfig.Line line(ConfigNode node) {
        int lookAhead = node.integer("lookAhead", 4, 1, 64);
        StationConfig.Line line = new StationConfig.Line(
                lookAhead,
                node.integer("consecutiveRejectLimit", 3, 1, 1000),
                node.bool("challengeAtStart", true),
                node.string("minimumGrade", "C"),
                node.integer("verdictTimeoutMs", 3000, 50, 600_000),
                node.bool("confirmRejects", true),
                node.integer("maxAwaitingVerdict", lookAhead + 6, 1, 10_000),
                node.integer("allocationChunk", 16, 1, 100_000));
        if (line.maxAwaitingVerdict() < line.lookAhead()) {
            node.problem("maxAwaitingVerdict", line.maxAwaitingVerdict() + " is less than lookAhead "
                    + line.lookAhead() + ": every label queued in the printer awaits its verdict");
        }
        if (line.minimumGrade() != null && !GRADE.matcher(line.minimumGrade()).matches()) {
            node.problem("minimumGrade", "must be a grade A–D or a number 0.0–4.0, was '" + line.minimumGrade() + "'");
        }
        node.rejectUnknownKeys();
        return line;
    }

    private static StationConfig.Platform platform(ConfigNode node) {
        if (!node.isPresent()) {
            return new StationConfig.Platform(null, null, 2, 20_000, null, null, 300, 0.5, 60, 10);
        }
        var url = node.uri("url", true);
        var resolver = node.uri("resolverBase", false);
        StationConfig.Platform platform = new StationConfig.Platform(url,
                node.requiredString("token"), node.integer("bufferDays", 2, 1, 60),
                node.integer("expectedDailyUnits", 20_000, 1, 10_000_000),
                node.string("name", url == null ? null : url.getHost()),
                resolver != null ? resolver : url,
                node.integer("pullIntervalSeconds", 300, 1, 86_400),
                node.number("alarmDays", 0.5, 0, 60),
                node.integer("dailyReportMinutes", 60, 1, 24 * 60),
                node.integer("timeoutSeconds", 10, 1, 600));
        if (platform.alarmDays() > platform.bufferDays()) {
            node.problem("alarmDays", platform.alarmDays() + " is more than bufferDays " + platform.bufferDays());
        }
        node.rejectUnknownKeys();
        return platform;
    }

    private static StationConfig.Device childDevice(ConfigNode parent, String key) {
        ConfigNode node = parent.child(key);
        StationConfig.Device device = device(node, true);
        node.rejectUnknownKeys();
        return device;
    }

    private static StationConfig.Packing packing(ConfigNode node) {
        if (!node.isPresent()) {
            return StationConfig.Packing.NONE;
        }
        int caseSize = node.integer("caseSize", 20, 1, 10_000);
        int casesPerPallet = node.integer("casesPerPallet", 40, 1, 10_000);
        boolean mixJobs = node.bool("mixJobs", false);
        String template = node.string("template", "case-sscc");
        StationConfig.Device caseReader = childDevice(node, "caseReader");
        StationConfig.Device labelPrinter = childDevice(node, "labelPrinter");
        StationConfig.Device labelReader = childDevice(node, "labelReader");
        ConfigNode sscc = node.child("sscc");
        io.tracemark.pack.SsccRange range = null;
        String prefix = sscc.requiredString("companyPrefix");
        int extension = sscc.integer("extensionDigit", 0, 0, 9);
        int first = sscc.integer("first", 1, 0, 999_999_999);
        int last = sscc.integer("last", 999_999, 0, 999_999_999);
        sscc.rejectUnknownKeys();
        if (prefix != null) {
            try {
                range = new io.tracemark.pack.SsccRange(prefix, extension, first, last);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> sscc.problem(p.where(), p.message()));
            }
        }
        node.rejectUnknownKeys();
        return new StationConfig.Packing(caseSize, casesPerPallet, mixJobs, caseReader, labelPrinter, labelReader,
                template, range);
    }

    private static StationConfig.OpaqueScheme opaqueScheme(ConfigNode node) {
        String name = node.requiredString("name");
        String pattern = node.requiredString("pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                node.problem("pattern", "is not a valid regular expression: " + e.getDescription());
            }
        }
        return new StationConfig.OpaqueScheme(name, pattern);
    }
}
