package io.tracemark.records.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tracemark.core.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one archive file holds, written beside it as {@code <name>.json} once the file is written,
 * verified, synced and made read-only.
 *
 * @param name      {@code jobs-<month>-<UTC time written>}; the file is {@code <name>.db}
 * @param month     the month (UTC, {@code yyyy-MM}) in which its jobs ended
 * @param writtenAt when it was written
 * @param bytes     the file's size
 * @param sha256    the file's SHA-256, hex
 * @param jobs      the jobs it holds
 * @param counts    rows per moved table
 */
public record ArchiveManifest(String name, String month, Instant writtenAt, long bytes, String sha256, List<String> jobs,
                              Map<String, Long> counts) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ArchiveManifest {
        jobs = List.copyOf(jobs);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The archive's database file name. */
    public String databaseFile() {
        return name + ".db";
    }

    /** Units the archive holds. */
    public long units() {
        return counts.getOrDefault("units", 0L);
    }

    /** The fields as a JSON-friendly map. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("month", month);
        m.put("writtenAt", writtenAt.toString());
        m.put("bytes", bytes);
        m.put("sha256", sha256);
        m.put("jobs", jobs);
        m.put("counts", counts);
        return m;
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(fields());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArchiveManifest read(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            Map<String, Long> counts = new LinkedHashMap<>();
            node.get("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            List<String> jobs = new ArrayList<>();
            node.get("jobs").forEach(j -> jobs.add(j.asText()));
            return new ArchiveManifest(node.get("name").asText(), node.get("month").asText(),
                    Instant.parse(node.get("writtenAt").asText()), node.get("bytes").asLong(), node.get("sha256").asText(),
                    jobs, counts);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("the archive manifest " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
