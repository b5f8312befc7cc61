package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.app.StationPanel;
import io.tracemark.pack.RecallFixture;
import io.tracemark.web.Role;
import io.tracemark.web.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recall} on a station database with a batch packed into cases and a pallet, shipped to two buyers, some
 * units still in the factory: JSON, CSV (header row), PDF (pdftotext reads the Chinese), bad input, the notice.
 */
class RecallCommandTest {

    @TempDir
    Path dir;

    private Path data;
    private List<String> codes;
    private List<String> ssccs;

    @BeforeEach
    void station() {
        data = dir.resolve("data");
        try (RecallFixture r = new RecallFixture(data)) {
            codes = r.codes;
            ssccs = r.ssccs();
            UserAccounts accounts = StationPanel.accounts(r.db());
            accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
        }
    }

    @Test
    void aBatchRecallAsJson() throws Exception {
        CommandRun recall = run("recall", "--batch", "B1", "--json", "--data", data.toString());
        assertEquals(0, recall.exit(), recall.err());
        JsonNode doc = new ObjectMapper().readTree(recall.out());
        assertEquals(13, doc.get("units").asInt());
        assertEquals(11, doc.get("shipped").asInt());
        assertEquals(2, doc.get("inFactory").asInt());
        assertEquals(3, doc.get("cases").size());
        assertEquals(8, doc.get("pallets").get(0).get("units").asInt());
        assertEquals("广州示例贸易有限公司", doc.get("buyers").get(0).get("name").asText());
        assertEquals(8, doc.get("buyers").get(0).get("units").asInt());
        assertEquals("020-87654321", doc.get("buyers").get(0).get("contact").asText());
        assertEquals(3, doc.get("buyers").get(1).get("units").asInt());
        JsonNode first = doc.get("unitList").get(0);
        assertEquals(codes.get(0), first.get("code").asText());
        assertEquals("VERIFIED", first.get("state").asText());
        assertEquals("A", first.get("grade").asText());
        assertEquals("J1", first.get("job").asText());
        assertEquals("B1", first.get("batch").asText());
        assertEquals(ssccs.get(0), first.get("case").asText());
        assertEquals(ssccs.get(3), first.get("pallet").asText());
        assertEquals("SO-1", first.get("shipment").get("orderNumber").asText());
        assertEquals("REJECTED", doc.get("unitList").get(12).get("state").asText());
        assertEquals("no-read", doc.get("unitList").get(12).get("verdict").asText());
        assertTrue(doc.get("unitList").get(12).get("inFactory").asBoolean());

        CommandRun text = run("recall", "--code", codes.get(0), "--data", data.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("recall of code " + codes.get(0) + ": 1 units, 1 shipped, 0 in the factory"),
                text.out());
    }

    @Test
    void aPalletRecallAsCsvWithAHeaderRow() throws Exception {
        Path csv = dir.resolve("out/pallet.csv");
        CommandRun recall = run("recall", "--code", ssccs.get(3), "--csv", csv.toString(), "--data", data.toString());
        assertEquals(0, recall.exit(), recall.err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFFcode,state,verdict,grade,time,job,seq,batch,product,case,pallet,inFactory,orderNumber,"
                + "saleTime,buyerName,buyerAddress,buyerContact", lines.get(0));
        assertEquals(9, lines.size(), "a header and the pallet's 8 units");
        assertTrue(lines.get(1).startsWith(codes.get(0) + ",VERIFIED,,A,"), lines.get(1));
        assertTrue(lines.get(1).endsWith("," + ssccs.get(0) + "," + ssccs.get(3) + ",false,SO-1,2026-12-02T08:00:00Z,"
                + "广州示例贸易有限公司,广州市天河区示例路 8 号,020-87654321"), lines.get(1));
    }

    @Test
    void aBatchRecallAsPdfWithRealChineseText() throws Exception {
        Path pdf = dir.resolve("recall-B1.pdf");
        CommandRun recall = run("recall", "--batch", "B1", "--pdf", pdf.toString(), "--data", data.toString());
        assertEquals(0, recall.exit(), recall.err());
        String text = ReportCommandTest.tool("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("召回清单 Recall list"), text);
        assertTrue(text.contains("召回范围 Recall of: batch B1"), text);
        assertTrue(text.matches("(?s).*产品单元 Units: 13\\s+已出厂 Shipped: 11\\s+仍在厂内 In the factory: 2.*"), text);
        assertTrue(text.contains("广州示例贸易有限公司"), text);
        assertTrue(text.contains("深圳样例商行"), text);
        assertTrue(text.contains(codes.get(0)) && text.contains(codes.get(12)), text);
        assertTrue(text.contains("仍在厂内 in the factory"), text);
        assertTrue(text.contains(ssccs.get(3)), text);
    }

    @Test
    void badInputExitsNonZeroNamingTheProblem() {
        bad("is neither a unit's code nor a case's or pallet's SSCC", "--code", "NOPE");
        bad("no job of batch B9", "--batch", "B9");
        bad("'2026-02-30' is not a date", "--product", "P1", "--from", "2026-02-30", "--to", "2026-03-01");
        bad("from 2026-12-05 is after to 2026-12-01", "--product", "P1", "--from", "2026-12-05", "--to", "2026-12-01");
        bad("none given: name exactly one of code, batch or product", "--json");
        bad("2 given", "--batch", "B1", "--code", codes.get(0));
        bad("1001 is an operator", "--batch", "B1", "--notify", "--reason", "过热", "--by", "1001");
        bad("no user 7777", "--batch", "B1", "--notify", "--reason", "过热", "--by", "7777");
        bad("--reason and --by go with --notify", "--batch", "B1", "--reason", "过热");
    }

    @Test
    void aSupervisorRecordsTheRecallNotice() throws Exception {
        CommandRun recall = run("recall", "--batch", "B1", "--notify", "--reason", "温控器存在过热风险", "--by", "2001",
                "--json", "--data", data.toString());
        assertEquals(0, recall.exit(), recall.err());
        JsonNode notice = new ObjectMapper().readTree(recall.out()).get("notice");
        assertEquals(12, notice.get("events").asInt());
        assertEquals("2001", notice.get("by").asText());
        try (io.tracemark.store.Database db = io.tracemark.store.Database.open(data)) {
            assertEquals(12, db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.recalled'"));
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'recall.notify' AND actor = '2001'"));
        }
    }

    private void bad(String part, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("recall"),
                java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data",
                        data.toString()))).toArray(String[]::new);
        String before = outboxAndAudit();
        CommandRun run = run(all);
        assertEquals(2, run.exit(), String.join(" ", all) + ": " + run.out() + run.err());
        assertTrue(run.err().contains(part), run.err());
        assertEquals(before, outboxAndAudit(), "nothing stored");
    }

    private String outboxAndAudit() {
        try (io.tracemark.store.Database db = io.tracemark.store.Database.open(data)) {
            return db.count("SELECT count(*) FROM outbox") + "/" + db.count("SELECT count(*) FROM audit_log") + "/"
                    + db.count("SELECT count(*) FROM recall_notices");
        }
    }
}
