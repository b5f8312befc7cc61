package io.tracemark.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code station.yaml} of a test station on devices served over loopback: station {@code test-line}
 * with its data in {@code data} next to the file and the shipped templates, one printer
 * ({@code printer-1}), one scanner ({@code camera-1}), one reject gate ({@code gate-1}) and the line's
 * rules (look-ahead 2 unless set).
 */
final class StationYaml {

    private final int printerPort;
    private final String printerProfile;
    private final String scannerUri;
    private final String scannerProfile;
    private final String gateUri;
    private final Map<String, Object> line = new LinkedHashMap<>();

    /**
     * @param scannerProfile the scanner's profile, or null for a camera whose images the station decodes
     */
    private StationYaml(int printerPort, String printerProfile, String scannerUri, String scannerProfile,
                        String gateUri) {
        this.printerPort = printerPort;
        this.printerProfile = printerProfile;
        this.scannerUri = scannerUri;
        this.scannerProfile = scannerProfile;
        this.gateUri = gateUri;
        line.put("lookAhead", 2);
    }

    /** A printer on {@code tcp://127.0.0.1:printerPort} and a result-string reader in the generic profile. */
    static StationYaml withReader(int printerPort, String printerProfile, int readerPort, String gateUri) {
        return new StationYaml(printerPort, printerProfile, "tcp://127.0.0.1:" + readerPort, "generic", gateUri);
    }

    /** A printer on {@code tcp://127.0.0.1:printerPort} and a camera whose frames the station decodes. */
    static StationYaml withCamera(int printerPort, String printerProfile, String cameraUri, String gateUri) {
        return new StationYaml(printerPort, printerProfile, cameraUri, null, gateUri);
    }

    /** Sets a key of the {@code line} section. */
    StationYaml line(String key, Object value) {
        line.put(key, value);
        return this;
    }

    /** Writes {@code dir/station.yaml} and returns its path. */
    Path writeTo(Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                station:
                  name: test-line
                  data: data
                  templates: %s
                printers:
                  - name: printer-1
                    uri: tcp://127.0.0.1:%d
                    profile: %s
                scanners:
                  - name: camera-1
                    uri: %s
                """.formatted(Path.of("templates").toAbsolutePath(), printerPort, printerProfile, scannerUri));
        if (scannerProfile != null) {
            yaml.append("    profile: ").append(scannerProfile).append('\n');
        }
        yaml.append("rejectGates:\n  - name: gate-1\n    uri: ").append(gateUri).append("\nline:\n");
        line.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(value).append('\n'));
        Path file = dir.resolve("station.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
