package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code codes import --product P} marks the package as P's (allocation by product). */
class CodesImportProductTest {

    @Test
    void importedPackageBelongsToTheNamedProduct(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kettle.txt");
        Files.writeString(file, "(01)06901234000016(21)0000000001\n(01)06901234000016(21)0000000002\n");
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute("codes", "import", file.toString(), "--scheme", "gs1", "--product", "P-KETTLE",
                "--data", dir.resolve("data").toString(), "--json");
        assertEquals(0, exit, out.toString());
        JsonNode doc = JsonOutput.mapper().readTree(out.toString());
        assertEquals("P-KETTLE", doc.get("product").asText());
        try (Database db = Database.open(dir.resolve("data"))) {
            assertEquals(2, db.count("SELECT count(*) FROM codes c JOIN code_packages p ON p.id = c.package_id"
                    + " WHERE p.product_id = ?", "P-KETTLE"));
        }
    }
}
