package io.tracemark.label;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds templates by name: {@code <name>.zpl}, its sidecar {@code <name>.yaml} and sample data
 * {@code <name>.sample.json}, in a directory first and then among the templates bundled in the jar
 * (classpath {@code /templates/}, listed in {@code templates.list}), so the fat jar works from any
 * directory. Each load parses and checks the template afresh.
 */
public final class TemplateLibrary {

    /** The directory searched by {@link #standard()}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("templates");

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path directory;

    /** Templates in {@code directory} (may be null or missing), then the bundled ones. */
    public TemplateLibrary(Path directory) {
        this.directory = directory;
    }

    /** {@code ./templates}, then the bundled templates. */
    public static TemplateLibrary standard() {
        return new TemplateLibrary(DEFAULT_DIRECTORY);
    }

    /** Only the templates bundled in the jar. */
    public static TemplateLibrary bundled() {
        return new TemplateLibrary(null);
    }

    /** Names of every template available, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(bundledNames());
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 5)));
            } catch (IOException e) {
                throw new InvalidInputException("template directory " + directory,
                        List.of(new Problem(directory.toString(), e.getMessage())));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Loads and checks the template {@code name}.
     *
     * @throws InvalidInputException when it is missing (naming where it was looked for) or
     *                               anything in it is wrong (every problem, with line numbers)
     */
    public LabelTemplate load(String name) {
        if (!name.matches("[A-Za-z0-9_\\-]+")) {
            throw new InvalidInputException("template", List.of(new Problem("name", "'" + name
                    + "' is not a template name (letters, digits, - and _)")));
        }
        Optional<String> zpl = read(name + ".zpl");
        Optional<String> yaml = read(name + ".yaml");
        if (zpl.isEmpty() || yaml.isEmpty()) {
            throw new InvalidInputException("template " + name, List.of(new Problem(name,
                    "not found: need " + name + ".zpl and " + name + ".yaml in " + where()
                            + "; available: " + String.join(", ", names()))));
        }
        String source = source(name);
        TemplateSidecar sidecar;
        Map<String, Object> sample;
        try {
            sidecar = YAML.readValue(yaml.get(), TemplateSidecar.class);
            Optional<String> json = read(name + ".sample.json");
            sample = json.isEmpty() ? Map.of() : JSON.readValue(json.get(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new InvalidInputException("template " + name + " (" + source + ")",
                    List.of(new Problem(name + ".yaml/.sample.json", e.getMessage().lines().findFirst().orElse(""))));
        }
        if (sidecar.name == null) {
            sidecar.name = name;
        }
        return new LabelTemplate(sidecar, zpl.get(), sample, source);
    }

    private String where() {
        return (directory == null ? "" : directory.toAbsolutePath() + " or ") + "the bundled templates";
    }

    private String source(String name) {
        if (directory != null && Files.isRegularFile(directory.resolve(name + ".zpl"))) {
            return directory.resolve(name + ".zpl").toString();
        }
        return "bundled /templates/" + name + ".zpl";
    }

    private Optional<String> read(String file) {
        try {
            if (directory != null && Files.isRegularFile(directory.resolve(file))) {
                return Optional.of(Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
            }
            try (InputStream in = TemplateLibrary.class.getResourceAsStream("/templates/" + file)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new InvalidInputException("template file " + file, List.of(new Problem(file, e.getMessage())));
        }
    }

    private static List<String> bundledNames() {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream("/templates/templates.list")) {
            if (in == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.trim());
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
