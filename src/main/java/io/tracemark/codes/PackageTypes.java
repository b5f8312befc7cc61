package io.tracemark.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The package type codes of AI 7041 (resource {@code package-types.txt}, its sources in its header). */
final class PackageTypes {

    private static final Set<String> CODES = load();

    private PackageTypes() {
    }

    static boolean contains(String code) {
        return CODES.contains(code);
    }

    private static Set<String> load() {
        try (InputStream in = PackageTypes.class.getResourceAsStream("/io/tracemark/codes/package-types.txt")) {
            if (in == null) {
                throw new IllegalStateException("package-types.txt is missing from the program");
            }
            Set<String> codes = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> codes.addAll(List.of(l.strip().split("\\s+"))));
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
