package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.Grade;
import io.tracemark.verify.Grades;
import io.tracemark.verify.ReadResult;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict on one result for one unit, as pure logic. */
class JudgementTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final String MINE = "(01)06901234000016(21)0000000001";
    private static final String OTHER = "(01)06901234000016(21)0000000002";

    private static PendingUnit unit() {
        return new PendingUnit(1, 1, MINE, Expectation.parse(MINE), AT, null);
    }

    private static ReadResult read(String data, Optional<Grades> grades) {
        return new ReadResult.Read(data, "]d2", grades, Optional.empty(), AT);
    }

    private static Judgement judge(ReadResult result, TraceLevel level, Set<String> others, Set<String> ledger) {
        return Judgement.of(unit(), result, Grade.C, level, others::contains, ledger::contains);
    }

    @Test
    void theExpectedContentIsVerified() {
        Judgement j = judge(read("0106901234000016" + "210000000001", Optional.empty()), TraceLevel.ITEM, Set.of(), Set.of());
        assertTrue(j.verified(), j.toString());
        assertEquals("", j.reason());
    }

    @Test
    void anotherUnitsContentIsADuplicateOnlyForItemCodes() {
        ReadResult other = read("0106901234000016210000000002", Optional.empty());
        assertEquals(Judgement.DUPLICATE, judge(other, TraceLevel.ITEM, Set.of(OTHER), Set.of()).reason());
        assertEquals(Judgement.WRONG_CODE, judge(other, TraceLevel.BATCH, Set.of(OTHER), Set.of()).reason());
        assertEquals(Judgement.DUPLICATE, judge(other, TraceLevel.BATCH, Set.of(), Set.of(OTHER)).reason(),
                "a code the ledger holds is a duplicate whatever the level");
        assertEquals(Judgement.WRONG_CODE, judge(other, TraceLevel.ITEM, Set.of(), Set.of()).reason());
    }

    @Test
    void noReadsMissingLabelsAndLowGrades() {
        assertEquals(Judgement.MISSING_LABEL, judge(new ReadResult.NoRead(AT, Optional.empty(), Judgement.NO_LABEL),
                TraceLevel.ITEM, Set.of(), Set.of()).reason());
        assertEquals(Judgement.NO_READ, judge(new ReadResult.NoRead(AT, Optional.empty(), "NOREAD"),
                TraceLevel.ITEM, Set.of(), Set.of()).reason());
        assertEquals(Judgement.NO_READ, judge(new ReadResult.BadRead(AT, "\\x00", "control byte"),
                TraceLevel.ITEM, Set.of(), Set.of()).reason());
        Judgement low = judge(read("01069012340000162" + "10000000001", Optional.of(Grades.overallOnly(Grade.D))),
                TraceLevel.ITEM, Set.of(), Set.of());
        assertFalse(low.verified());
        assertEquals(Judgement.LOW_GRADE, low.reason());
        assertEquals("D", low.grade());
        assertEquals(Judgement.MISSING_LABEL, Judgement.timedOut().reason());
    }
}
