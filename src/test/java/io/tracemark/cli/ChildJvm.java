package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tracemark command in a JVM of its own (the test classpath), stdout and stderr in files: for
 * tests where the station, the virtual line and the platform are separate processes.
 */
final class ChildJvm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code tracemark <args>}; its output goes to {@code dir/<name>.out} and {@code .err}. */
    static ChildJvm start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "io.tracemark.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new ChildJvm(name, pb.start(), out, err);
    }

    /** The JSON document the command prints on stdout, waiting for it to be complete. */
    JsonNode awaitJson(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                try {
                    return JSON.readTree(text);
                } catch (JsonProcessingException incomplete) {
                    // still being written
                }
            }
            if (!process.isAlive() && Files.readString(out, StandardCharsets.UTF_8).equals(text)) {
                fail(name + " ended (exit " + process.exitValue() + ") without a JSON document: " + text + "\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                fail(name + " printed no JSON document within " + within + "\n" + stderr());
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    /** Waits for the process to end and returns its exit status. */
    int awaitExit(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(name + " did not end within " + within + "\n" + stderr());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9, and wait until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The last lines of stderr, for failure messages. */
    String stderr() {
        try {
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
