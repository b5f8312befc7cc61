package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EPCIS 2.0 export of real ledgers, each document checked against the GS1 EPCIS 2.0 JSON schema
 * (test resource epcis/EPCIS-JSON-Schema.json, from github.com/gs1/EPCIS at 2b888be, file
 * EPCIS-JSON-Schema.json; no network).
 */
class EpcisCommandTest {

    @TempDir
    Path dir;

    static final Schema SCHEMA = schema();

    @Test
    void aDemoJobExportsCommissioningAndDecommissioningAndAgainTheSameBytes() throws Exception {
        Path data = dir.resolve("data");
        CommandRun demo = run("demo", "--units", "25", "--exit-when-done", "--json", "--faults", "camera.defectRate=0.1",
                "--data", data.toString());
        assertEquals(0, demo.exit(), demo.err());
        JsonNode books = JsonOutput.mapper().readTree(demo.out());
        String job = books.get("job").asText();
        Path out = dir.resolve("job.jsonld");
        CommandRun r = run("epcis", "--job", job, "--out", out.toString(), "--zone", "Asia/Shanghai", "--data",
                data.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = valid(out);
        JsonNode events = doc.get("epcisBody").get("eventList");
        assertEquals(books.get("verified").asLong() + books.get("rejected").asLong() + books.get("voided").asLong(),
                events.size());
        long adds = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode e : events) {
            assertTrue(ids.add(e.get("eventID").asText()), "event IDs are unique");
            assertTrue(e.get("eventID").asText().matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"));
            assertEquals("+08:00", e.get("eventTimeZoneOffset").asText());
            assertTrue(e.get("epcList").get(0).asText().startsWith("https://id.gs1.org/01/06901234000016/21/"));
            if (e.get("action").asText().equals("ADD")) {
                adds++;
                assertEquals("commissioning", e.get("bizStep").asText());
                assertEquals("active", e.get("disposition").asText());
                assertEquals("L261202", e.get("ilmd").get("cbvmda:lotNumber").asText());
                assertTrue(e.get("ilmd").has("cbvmda:itemExpirationDate"));
            } else {
                assertEquals("DELETE", e.get("action").asText());
                assertEquals("decommissioning", e.get("bizStep").asText());
                assertEquals("REJECTED", e.get("tm:state").asText());
            }
        }
        assertEquals(books.get("verified").asLong(), adds);
        assertTrue(books.get("rejected").asLong() > 0, "the seeded camera rejects some: " + books);

        Path again = dir.resolve("again.jsonld");
        assertEquals(0, run("epcis", "--job", job, "--out", again.toString(), "--zone", "Asia/Shanghai", "--data",
                data.toString()).exit());
        assertEquals(Files.readString(out), Files.readString(again), "a re-export is identical");

        String first = events.get(0).get("eventTime").asText();
        Path window = dir.resolve("window.jsonld");
        CommandRun w = run("epcis", "--from", first, "--to", "2999-01-01", "--out", window.toString(), "--data", data.toString(),
                "--json");
        assertEquals(0, w.exit(), w.err());
        assertEquals(events.size(), valid(window).get("epcisBody").get("eventList").size());
    }

    @Test
    void voidedAndReturnedCodesAreDecommissionedAndBadInputIsNamed() throws Exception {
        Path data = dir.resolve("data");
        try (io.tracemark.store.Database db = io.tracemark.store.Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            List<String> codes = List.of("(01)06901234000016(21)A1", "(01)06901234000016(21)A2",
                    "(01)06901234000016(21)A3", "(01)06901234000016(21)A/4");
            ledger.importCodes(codes, "t", "gs1", c -> Optional.empty(), "t");
            ledger.createJob("J1", TraceLevel.ITEM, 4, "t");
            ledger.allocate("J1", 4, "t");
            Unit a = ledger.markSent("J1", codes.get(0), "t");
            ledger.verify(a.id(), "A", "t");
            Unit b = ledger.markSent("J1", codes.get(1), "t");
            ledger.voidUnit(b.id(), "head-open", "t");
            ledger.releaseUnused("J1", "t");
            ledger.returnCodes(List.of(codes.get(2), codes.get(3)), "t");
        }
        Path out = dir.resolve("j1.jsonld");
        assertEquals(0, run("epcis", "--job", "J1", "--out", out.toString(), "--zone", "UTC", "--data", data.toString()).exit());
        JsonNode events = valid(out).get("epcisBody").get("eventList");
        assertEquals(4, events.size(), events.toString());
        int returned = 0;
        for (JsonNode e : events) {
            String epc = e.get("epcList").get(0).asText();
            if (epc.endsWith("/21/A2")) {
                assertEquals("DELETE", e.get("action").asText());
                assertEquals("unknown", e.get("disposition").asText(), "voided: fate unknown");
                assertEquals("head-open", e.get("tm:reason").asText());
            } else if (e.has("tm:reason") && e.get("tm:reason").asText().equals("returned-to-platform")) {
                returned++;
                assertEquals("decommissioning", e.get("bizStep").asText());
            }
        }
        assertEquals(2, returned);
        assertTrue(events.toString().contains("https://id.gs1.org/01/06901234000016/21/A%2F4"), "serial percent-encoded");

        assertEquals(2, run("epcis", "--out", out.toString(), "--data", data.toString()).exit());
        CommandRun both = run("epcis", "--job", "J1", "--from", "2026-01-01", "--to", "2026-02-01", "--out", out.toString(),
                "--data", data.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("either --job ID or both --from T and --to T"), both.err());
        CommandRun unknown = run("epcis", "--job", "NOPE", "--out", dir.resolve("x.jsonld").toString(), "--data", data.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no job 'NOPE'"), unknown.err());
        assertTrue(!Files.exists(dir.resolve("x.jsonld")));
    }

    @Test
    void casesPalletsAndAShipmentExportAsAggregationAndShippingEvents() throws Exception {
        Path data = dir.resolve("data");
        String caseSscc;
        String palletSscc;
        try (io.tracemark.store.Database db = io.tracemark.store.Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            List<String> codes = List.of("(01)06901234000016(21)P1", "(01)06901234000016(21)P2", "(01)06901234000016(21)P3");
            ledger.importCodes(codes, "t", "gs1", c -> Optional.empty(), "t");
            ledger.createJob("J1", TraceLevel.ITEM, 3, "t");
            ledger.allocate("J1", 3, "t");
            for (String code : codes) {
                ledger.verify(ledger.markSent("J1", code, "t").id(), "A", "t");
            }
            var packs = new io.tracemark.pack.Aggregation(db);
            packs.addSsccRange(new io.tracemark.pack.SsccRange("6901234", 0, 1, 100), "t", "t");
            var box = packs.openCase(2, null, null, false, "t");
            packs.pack(box.sscc(), codes.get(0), "t");
            packs.pack(box.sscc(), codes.get(1), "t");
            packs.close(box.sscc(), "t", null);
            var pallet = packs.openPallet(10, "t");
            packs.putOnPallet(pallet.sscc(), box.sscc(), "t");
            packs.close(pallet.sscc(), "t", "batch end");
            var shipping = new io.tracemark.pack.Shipping(db, db, java.time.Clock.systemUTC(), false);
            shipping.create("SO-9", new io.tracemark.pack.Buyer("广州市越秀电器销售有限公司", "广州市", "13800138000"),
                    java.time.Instant.parse("2026-12-02T08:00:00Z"), "t");
            shipping.dispatch("SO-9", pallet.sscc().digits(), "t");
            shipping.dispatch("SO-9", codes.get(2), "t");
            shipping.close("SO-9", "t");
            caseSscc = box.sscc().digits();
            palletSscc = pallet.sscc().digits();
        }
        Path out = dir.resolve("packed.jsonld");
        CommandRun r = run("epcis", "--job", "J1", "--out", out.toString(), "--zone", "Asia/Shanghai", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode events = valid(out).get("epcisBody").get("eventList");
        assertEquals(3 + 2 + 1, events.size(), "3 commissioning, a case and a pallet packed, one shipment: " + events);
        int aggregations = 0;
        int shipments = 0;
        for (JsonNode e : events) {
            if (e.get("type").asText().equals("AggregationEvent")) {
                aggregations++;
                assertEquals("ADD", e.get("action").asText());
                assertEquals("packing", e.get("bizStep").asText());
                if (e.get("parentID").asText().equals("https://id.gs1.org/00/" + caseSscc)) {
                    assertEquals(List.of("https://id.gs1.org/01/06901234000016/21/P1", "https://id.gs1.org/01/06901234000016/21/P2"),
                            JsonOutput.mapper().convertValue(e.get("childEPCs"), List.class));
                } else {
                    assertEquals("https://id.gs1.org/00/" + palletSscc, e.get("parentID").asText());
                    assertEquals("https://id.gs1.org/00/" + caseSscc, e.get("childEPCs").get(0).asText());
                }
            } else if (e.get("bizStep").asText().equals("shipping")) {
                shipments++;
                assertEquals("OBSERVE", e.get("action").asText());
                assertEquals("in_transit", e.get("disposition").asText());
                assertEquals(List.of("https://id.gs1.org/00/" + palletSscc, "https://id.gs1.org/01/06901234000016/21/P3"),
                        JsonOutput.mapper().convertValue(e.get("epcList"), List.class));
                assertEquals("owning_party", e.get("sourceList").get(0).get("type").asText());
                assertTrue(e.get("destinationList").get(0).get("destination").asText().contains("SO-9"));
                assertEquals("SO-9", e.get("tm:orderNumber").asText());
            }
        }
        assertEquals(2, aggregations);
        assertEquals(1, shipments);
        assertTrue(!Files.readString(out).contains("13800138000"), "the buyer's contact is not exported (7.1.4)");
        io.tracemark.records.epcis.EpcisEvent a = new io.tracemark.records.epcis.EpcisEvent("ObjectEvent",
                java.time.Instant.parse("2026-12-02T08:00:00Z"), "+08:00", List.of("x"), null, List.of(), "OBSERVE", "shipping",
                "in_transit", null, java.util.Map.of(), java.util.Map.of(),
                List.of(new io.tracemark.records.epcis.EpcisEvent.SourceDest("owning_party", "urn:a")), List.of());
        io.tracemark.records.epcis.EpcisEvent b = new io.tracemark.records.epcis.EpcisEvent("ObjectEvent", a.eventTime(),
                "+08:00", List.of("x"), null, List.of(), "OBSERVE", "shipping", "in_transit", null, java.util.Map.of(),
                java.util.Map.of(), List.of(new io.tracemark.records.epcis.EpcisEvent.SourceDest("owning_party", "urn:b")), List.of());
        assertTrue(!io.tracemark.records.epcis.EventHashId.of(a).equals(io.tracemark.records.epcis.EventHashId.of(b)),
                "the source is part of the event hash ID");
    }

    @Test
    void theSchemaCatchesABrokenDocument() throws IOException {
        JsonNode bad = JsonOutput.mapper().readTree("{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-01-01T00:00:00.000Z\","
                + "\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventTime\":\"2026-01-01T00:00:00.000Z\","
                + "\"eventTimeZoneOffset\":\"+08:00\",\"epcList\":[\"x\"],\"action\":\"MAYBE\"}]}}");
        assertTrue(!SCHEMA.validate(bad).isEmpty(), "an unknown action is refused by the schema");
    }

    private static JsonNode valid(Path file) throws IOException {
        JsonNode doc = JsonOutput.mapper().readTree(file.toFile());
        List<Error> errors = SCHEMA.validate(doc);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "EPCIS 2.0 schema: " + file);
        return doc;
    }

    private static Schema schema() {
        try (InputStream in = EpcisCommandTest.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            if (in == null) {
                throw new AssertionError("the bundled EPCIS schema is missing from the test resources");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
