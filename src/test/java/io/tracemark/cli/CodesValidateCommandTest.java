package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CodesValidateCommandTest {

    @Test
    void validCodeExitsZeroAndPrintsReasonAndParts() {
        CommandRun r = run("codes", "validate", "6901234567892");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("gtin: valid"), r.out());
        assertTrue(r.out().contains("gtin14 = 06901234567892"), r.out());
        assertTrue(r.out().contains("gln: valid"), r.out());
    }

    @Test
    void invalidCodeExitsOneWithTheReason() {
        CommandRun r = run("codes", "validate", "(01)06912345678904(17)271231(10)L1(21)ABC", "6901234567892");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("gs1: invalid: (01): check digit should be 2"), r.out());
    }

    @Test
    void eighteenDigitsAreReportedAsSsccAndUscc() throws Exception {
        CommandRun r = run("codes", "validate", "--json", "106141411234567897");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertTrue(doc.isArray());
        assertEquals(1, doc.size());
        JsonNode verdicts = doc.get(0).get("verdicts");
        assertEquals("sscc", verdicts.get(0).get("scheme").asText());
        assertTrue(verdicts.get(0).get("valid").asBoolean());
        assertEquals("uscc", verdicts.get(1).get("scheme").asText());
        assertEquals("106141411234567897", doc.get(0).get("code").asText());
        assertTrue(doc.get(0).get("valid").asBoolean());
    }

    @Test
    void schemeOptionRestrictsTheReading() throws Exception {
        CommandRun r = run("codes", "validate", "--scheme", "uscc", "--json", "106141411234567897");
        JsonNode verdicts = JsonOutput.mapper().readTree(r.out()).get(0).get("verdicts");
        assertEquals(1, verdicts.size());
        assertEquals("uscc", verdicts.get(0).get("scheme").asText());
        assertEquals(1, r.exit(), "an SSCC is not a USCC: authority 1 has no organisation type 0");
        assertFalse(verdicts.get(0).get("valid").asBoolean());
        CommandRun confirmable = run("codes", "validate", "--scheme", "uscc", "--json", "91350100M000100Y4A");
        assertEquals(1, confirmable.exit(), "shape fits, check character fails: invalid, a person may confirm it");
        JsonNode v = JsonOutput.mapper().readTree(confirmable.out()).get(0).get("verdicts").get(0);
        assertFalse(v.get("valid").asBoolean());
        assertTrue(v.get("confirmable").asBoolean());
        assertEquals(1, run("codes", "validate", "--scheme", "sscc", "106141411234567898").exit());
    }

    @Test
    void theReadmeExampleIsValid() {
        CommandRun r = run("codes", "validate", "(01)06901234567892(17)271231(10)L1(21)ABC");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("gs1: valid"), r.out());
        CommandRun association = run("codes", "validate", "(01)06901234567892(250)SEC1");
        assertEquals(1, association.exit());
        assertTrue(association.out().contains("(250): needs (01) with (21)"), association.out());
    }

    @Test
    void theIssuesExamplesAreInvalidAndExitOne() throws Exception {
        CommandRun r = run("codes", "validate", "91350100M000100Y44");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("91350100M000100Y44  INVALID"), r.out());
        assertTrue(r.out().contains("uscc: invalid: check character should be 3 (some early codes were issued like"
                + " this: a person may confirm it with the registration authority)"), r.out());
        assertTrue(r.out().contains("adminDivision = 350100"), r.out());
        CommandRun sscc = run("codes", "validate", "--json", "390123456789012343");
        assertEquals(1, sscc.exit(), "bad SSCC check digit and no valid USCC reading");
        JsonNode doc = JsonOutput.mapper().readTree(sscc.out()).get(0);
        assertFalse(doc.get("valid").asBoolean());
        assertTrue(doc.get("reason").asText().startsWith("sscc: invalid: check digit should be"), doc.toString());
        assertTrue(doc.get("warnings").isArray());
        for (JsonNode reading : doc.get("verdicts")) {
            assertFalse(reading.get("valid").asBoolean(), reading.toString());
            assertTrue(reading.has("reason") && reading.has("warnings"), reading.toString());
        }
        JsonNode ok = JsonOutput.mapper().readTree(run("codes", "validate", "--json", "106141411234567897").out()).get(0);
        assertEquals("valid as sscc", ok.get("reason").asText());
    }

    @Test
    void rawElementStringWithGsPlaceholderAndOpaqueScheme() {
        assertEquals(0, run("codes", "validate", "]d20106912345678902" + "10L1<GS>17271231").exit());
        CommandRun r = run("codes", "validate", "--opaque", "zhisu=ZS[0-9A-F]{6}", "ZS00A1FF");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("zhisu: valid"), r.out());
    }

    @Test
    void unknownSchemeIsBadUsage() {
        CommandRun r = run("codes", "validate", "--scheme", "qr", "123");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: unknown code scheme 'qr'; known: gtin"), r.err());
        assertEquals("", r.out());
        assertEquals(2, run("codes", "validate").exit());
    }
}
