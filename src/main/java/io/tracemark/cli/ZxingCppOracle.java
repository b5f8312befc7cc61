package io.tracemark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * zxing-cpp, the reference open-source decoder, run as {@code node read.mjs IMAGE…} from a folder
 * where {@code npm ci} installed the npm package zxing-wasm (the project's {@code test-support/zxing-cpp}).
 * Used by the oracle test and {@code bench verify --zxing-cpp DIR}; a missing Node or package is an
 * error naming what to install, never a silent skip.
 */
public final class ZxingCppOracle {

    /** What zxing-cpp read in one image. */
    public record Read(boolean read, String text, String symbologyId, String format) {
    }

    private final Path folder;

    public ZxingCppOracle(Path folder) {
        Path script = folder.resolve("read.mjs");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("zxing-cpp oracle: " + script + " does not exist");
        }
        if (!Files.isDirectory(folder.resolve("node_modules/zxing-wasm"))) {
            throw new IllegalArgumentException("zxing-cpp oracle: the npm package zxing-wasm is not installed in "
                    + folder + " (run: npm ci --prefix " + folder + ")");
        }
        this.folder = folder;
    }

    /** Reads every image (PNG files); the map keeps the order of {@code images}. */
    public Map<Path, Read> read(List<Path> images) {
        List<String> command = new ArrayList<>(List.of("node", folder.resolve("read.mjs").toString()));
        images.forEach(p -> command.add(p.toAbsolutePath().toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("zxing-cpp oracle: cannot start node (install Node.js 20): "
                    + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            byte[] err = new byte[0];
            String out;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                Thread drain = new Thread(() -> {
                    try {
                        stderr.transferTo(errors);
                    } catch (IOException ignored) {
                        // the exit code below reports the failure
                    }
                });
                drain.start();
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
                drain.join();
                err = errors.toByteArray();
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("zxing-cpp oracle failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return parse(images, out);
        } catch (IOException e) {
            throw new IllegalStateException("zxing-cpp oracle: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("zxing-cpp oracle interrupted", e);
        } finally {
            process.destroy();
        }
    }

    private static Map<Path, Read> parse(List<Path> images, String out) throws IOException {
        Map<String, Read> byFile = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JsonOutput.mapper().readTree(line);
            byFile.put(n.get("file").asText(), new Read(n.get("read").asBoolean(), n.get("text").asText(),
                    n.get("symbologyId").asText(), n.get("format").asText()));
        }
        Map<Path, Read> result = new LinkedHashMap<>();
        for (Path p : images) {
            Read r = byFile.get(p.toAbsolutePath().toString());
            if (r == null) {
                throw new IllegalStateException("zxing-cpp oracle gave no answer for " + p);
            }
            result.put(p, r);
        }
        return result;
    }
}
