package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch report of a demo job: PDF with real Chinese text (pdftotext), page 1 rendered (pdftoppm), CSV, signed. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSignedReportOfARealJobAsPdfAndCsv() throws Exception {
        Path data = dir.resolve("data");
        CommandRun demo = run("demo", "--units", "30", "--exit-when-done", "--json", "--faults", "camera.defectRate=0.1",
                "--data", data.toString());
        assertEquals(0, demo.exit(), demo.err());
        users(data);
        JsonNode books = JsonOutput.mapper().readTree(demo.out());
        String job = books.get("job").asText();
        Path pin = Files.writeString(dir.resolve("pin"), "2345\n");
        Path pdf = dir.resolve("out/report.pdf");
        Path csv = dir.resolve("out/report.csv");

        CommandRun r = run("report", "--job", job, "--pdf", pdf.toString(), "--csv", csv.toString(), "--signer", "2001",
                "--pin-file", pin.toString(), "--data", data.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertTrue(doc.get("signed").asBoolean());
        assertTrue(doc.get("balanced").asBoolean());

        String text = tool("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("批次对账报告"), text);
        assertTrue(text.contains(job), text);
        assertTrue(text.contains("统一社会信用代码"), text);
        assertTrue(text.contains("已校验 Verified"), text);
        assertTrue(text.matches("(?s).*已校验 Verified\\s+" + books.get("verified").asLong() + "\\b.*"), text);
        assertTrue(text.matches("(?s).*已剔除 Rejected\\s+" + books.get("rejected").asLong() + "\\b.*"), text);
        assertTrue(text.matches("(?s).*demo-operator\\s+line\\.start\\s+product P-KETTLE.*"), "who started the batch: " + text);
        assertTrue(text.matches("(?s).*line\\.challenge\\s+passed.*"), "the challenge: " + text);
        assertTrue(text.matches("(?s).*demo-operator\\s+job\\.end\\s+job demo.*"), "who ended it: " + text);
        assertTrue(text.contains("签核人 Signed by"), text);
        assertTrue(text.contains("2001"), text);

        String fonts = tool("pdffonts", pdf.toString());
        assertTrue(fonts.lines().anyMatch(l -> l.contains("+WenQuanYi") && l.contains("CID TrueType") && l.contains("yes yes")),
                "the CJK font is embedded as a subset: " + fonts);

        tool("pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", pdf.toString(), dir.resolve("page").toString());
        Path png;
        try (var files = Files.list(dir)) {
            png = files.filter(p -> p.getFileName().toString().startsWith("page") && p.toString().endsWith(".png"))
                    .findFirst().orElseThrow(() -> new AssertionError("pdftoppm wrote no page"));
        }
        BufferedImage page = ImageIO.read(png.toFile());
        assertEquals(496, page.getWidth(), 2, "A4 at 60 dpi");
        assertTrue(darkShare(page) > 0.005 && darkShare(page) < 0.3, "page 1 shows text: " + darkShare(page));

        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFFsection,key,label,value", rows.get(0));
        assertTrue(rows.contains("counts,verified,已校验 Verified," + books.get("verified").asLong()), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("digest,ledgerSha256,") && l.matches(".*,[0-9a-f]{64}$")));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("signature,signedBy,") && l.contains("2001")));

        try (Database db = Database.open(data)) {
            String signed = null;
            for (JsonNode section : doc.get("sections")) {
                if (section.get("key").asText().equals("signature")) {
                    signed = section.get("rows").get(3).get("value").asText();
                }
            }
            assertTrue(signed != null && signed.matches("[0-9a-f]{64}"), doc.toString());
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'report.sign' AND actor = '2001'"
                    + " AND detail = ?", "job " + job + ", report content SHA-256 " + signed));
            assertTrue(new AuditLog(db).verify().intact());
        }

        // the same job again: the ledger digest is the same
        CommandRun again = run("report", "--job", job, "--csv", dir.resolve("again.csv").toString(), "--data", data.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(unsigned)"), again.out());
        String digest = rows.stream().filter(l -> l.startsWith("digest,")).findFirst().orElseThrow();
        assertTrue(Files.readAllLines(dir.resolve("again.csv")).contains(digest));
    }

    @Test
    void aWrongPinAnOperatorOrAnUnknownJobWritesNothing() throws IOException {
        Path data = dir.resolve("data");
        assertEquals(0, run("demo", "--units", "3", "--exit-when-done", "--data", data.toString()).exit());
        users(data);
        String job = JsonOutput.mapper().readTree(run("reconcile", "--data", data.toString(), "--json").out()).get(0)
                .get("job").asText();
        Path pdf = dir.resolve("r.pdf");
        CommandRun wrong = run("report", "--job", job, "--pdf", pdf.toString(), "--signer", "2001", "--pin-file",
                Files.writeString(dir.resolve("bad"), "0000").toString(), "--data", data.toString());
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("the PIN of 2001 is wrong"), wrong.err());
        CommandRun operator = run("report", "--job", job, "--pdf", pdf.toString(), "--signer", "1001", "--pin-file",
                Files.writeString(dir.resolve("op"), "1234").toString(), "--data", data.toString());
        assertEquals(2, operator.exit());
        assertTrue(operator.err().contains("is an operator"), operator.err());
        CommandRun unknown = run("report", "--job", "NOPE", "--pdf", pdf.toString(), "--data", data.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no job 'NOPE'"), unknown.err());
        assertEquals(2, run("report", "--job", job, "--data", data.toString()).exit());
        assertFalse(Files.exists(pdf));
    }

    /** The panel's users (a headless demo creates none). */
    private static void users(Path data) {
        try (Database db = Database.open(data)) {
            io.tracemark.web.UserAccounts accounts = io.tracemark.app.StationPanel.accounts(db);
            accounts.ensureUser("1001", "Operator Li", io.tracemark.web.Role.OPERATOR, "1234");
            accounts.ensureUser("2001", "Supervisor Wang", io.tracemark.web.Role.SUPERVISOR, "2345");
        }
    }

    private static double darkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int gray = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                if (gray < 128) {
                    dark++;
                }
            }
        }
        return dark / (double) (image.getWidth() * image.getHeight());
    }

    /** Runs a poppler tool; a missing tool fails the test (.ci/run installs poppler-utils). */
    static String tool(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install poppler-utils (.ci/run does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, p.exitValue(), command[0] + ": " + out);
        return out;
    }
}
