package io.tracemark.records.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tracemark.core.StorageException;
import io.tracemark.store.Marks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backup holds, written beside its database copy as {@code <name>.json} once the copy is
 * verified: the copy's size and SHA-256, the row counts and the integrity check found in it, its
 * high-water marks (the witness a restore starts from) and the head of its audit chain.
 *
 * @param name       the backup's name, {@code station-<UTC time>} (the copy is {@code <name>.db})
 * @param takenAt    when the copy was taken
 * @param bytes      size of the copy
 * @param sha256     SHA-256 of the copy, hex
 * @param seconds    how long taking and verifying it took
 * @param counts     rows per table in the copy
 * @param marks      the copy's high-water marks
 * @param auditHead  id and hash of the copy's last audit entry ("0:" for none)
 */
public record BackupManifest(String name, Instant takenAt, long bytes, String sha256, double seconds,
                             Map<String, Long> counts, Marks marks, String auditHead) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The database copy's file name. */
    public String databaseFile() {
        return name + ".db";
    }

    /** The fields as a JSON-friendly map. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("takenAt", takenAt.toString());
        m.put("bytes", bytes);
        m.put("sha256", sha256);
        m.put("seconds", seconds);
        m.put("counts", counts);
        m.put("marks", marks.fields());
        m.put("witness", marks.encode());
        m.put("auditHead", auditHead);
        return m;
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(fields());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BackupManifest read(Path file) {
        try {
            var node = JSON.readTree(file.toFile());
            Map<String, Long> counts = new LinkedHashMap<>();
            node.get("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            return new BackupManifest(node.get("name").asText(), Instant.parse(node.get("takenAt").asText()),
                    node.get("bytes").asLong(), node.get("sha256").asText(), node.get("seconds").asDouble(), counts,
                    Marks.decode(node.get("witness").asText()), node.get("auditHead").asText());
        } catch (IOException | RuntimeException e) {
            throw new StorageException("the backup manifest " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
