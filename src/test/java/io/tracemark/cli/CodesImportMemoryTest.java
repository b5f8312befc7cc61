package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codes import} streams: in a JVM limited to 256 MB of heap, 5,000,000 codes are imported
 * and a zip bomb is refused by name, never an OutOfMemoryError.
 */
class CodesImportMemoryTest {

    private static final int CODES = 5_000_000;
    private static final long DEADLINE_MINUTES = 10;

    @TempDir
    Path dir;

    @Test
    void fiveMillionCodesImportAndAZipBombIsRefusedUnder256Megabytes() throws Exception {
        Path big = dir.resolve("five-million.txt");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < CODES; i++) {
                w.write(String.format("TM%08d\r\n", i));
            }
        }
        Child imported = importInSmallHeap(big, "imported");
        assertEquals(0, imported.exit(), imported.err());
        JsonNode doc = JsonOutput.mapper().readTree(imported.out());
        assertEquals("imported", doc.get("status").asText(), imported.out());
        assertEquals(CODES, doc.get("codes").asLong());

        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("codes.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int mb = 0; mb <= 1024; mb++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 5 << 20, "a small file: " + Files.size(bomb));
        Child refused = importInSmallHeap(bomb, "bomb");
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("bomb.zip!codes.txt unzips to more than 1073741824 bytes: refused as a zip bomb"),
                refused.err());
        assertTrue(!refused.err().contains("OutOfMemoryError"), refused.err());
    }

    private record Child(int exit, String out, String err) {
    }

    private Child importInSmallHeap(Path file, String name) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.tracemark.cli.Main", "codes", "import", file.toString(), "--opaque", "tm=TM[0-9]{8}",
                "--scheme", "tm", "--data", dir.resolve("data").toString(), "--json"));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(DEADLINE_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": codes import did not finish in " + DEADLINE_MINUTES + " minutes");
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
