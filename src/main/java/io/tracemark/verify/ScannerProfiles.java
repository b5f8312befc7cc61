package io.tracemark.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads scanner profiles: the built-in ones shipped on the classpath ({@code scanner-profiles/NAME.yaml},
 * copies of the top-level {@code scanner-profiles/} folder) or a YAML file of the station's own.
 */
public final class ScannerProfiles {

    /** The profiles shipped with tracemark. */
    public static final List<String> BUILT_IN = List.of("cognex-dataman", "keyence-sr", "datalogic-matrix", "generic");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScannerProfiles() {
    }

    /**
     * A built-in profile by name.
     *
     * @throws InvalidInputException when there is no such profile (the known names are listed)
     */
    public static ScannerProfile builtIn(String name) {
        String resource = "scanner-profiles/" + name + ".yaml";
        try (InputStream in = ScannerProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null || !BUILT_IN.contains(name)) {
                throw new InvalidInputException("scanner profile " + name,
                        List.of(new Problem("profile", "unknown; built-in profiles are " + BUILT_IN)));
            }
            return parse(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A profile from a YAML file. */
    public static ScannerProfile load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new InvalidInputException("scanner profile " + file,
                    List.of(new Problem(file.toString(), "cannot be read: " + e.getMessage())));
        }
    }

    /** A profile from YAML text; {@code where} names it in errors. */
    public static ScannerProfile parse(String where, String yaml) {
        try {
            return ScannerProfile.of(where, YAML.readValue(yaml, ScannerProfile.RawProfile.class));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("scanner profile " + where,
                    List.of(new Problem(where, e.getOriginalMessage())));
        }
    }
}
