package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict event written by hand reads back as the same JSON document a JSON library writes. */
class VerdictEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writtenByHandItIsTheDocumentJacksonWrites() throws Exception {
        long at = Instant.parse("2026-12-02T02:06:14.505Z").toEpochMilli();
        assertSame("job-1", 7, "0104607012345678215ABC\u001d93ABCD", CodeState.VERIFIED, null, "A", at);
        assertSame("job \"2\"\\", 123456, "TM000001", CodeState.REJECTED, "grade\nbelow C\t\u0001", null, at);
        assertSame("作业-3", 1, "中文码\u007f\u2028", CodeState.VOIDED, "recovered-after-crash", null, at + 1);
    }

    private static void assertSame(String job, int seq, String code, CodeState state, String reason, String grade, long at)
            throws Exception {
        LedgerRows.UnitRow unit = new LedgerRows.UnitRow(1, job, 2, seq, CodeState.SENT, code, TraceLevel.ITEM);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("job", job);
        expected.put("seq", seq);
        expected.put("code", code);
        expected.put("state", state.name());
        expected.put("reason", reason);
        expected.put("grade", grade);
        expected.put("at", Instant.ofEpochMilli(at).toString());
        String written = CodeLedger.verdictJson(unit, state, reason, grade, at);
        JsonNode read = JSON.readTree(written);
        assertEquals(JSON.readTree(JSON.writeValueAsString(expected)), read, written);
        assertEquals(String.join(",", expected.keySet()), String.join(",", (Iterable<String>) read::fieldNames),
                "fields in the same order");
    }
}
