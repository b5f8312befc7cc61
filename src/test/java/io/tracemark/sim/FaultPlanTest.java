package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void readsTheSpec() {
        FaultPlan plan = FaultPlan.parse("paperOutAfter=500,headOpenAt=120,pauseAt=50|300,dropConnectionAt=30,"
                + "slowLinkMs=20,smearEvery=97,partialEvery=131,seed=7");
        assertEquals(List.of(FaultKind.PAPER_OUT), plan.eventsAt(501));
        assertEquals(List.of(FaultKind.HEAD_OPEN), plan.eventsAt(120));
        assertEquals(List.of(FaultKind.PAUSE), plan.eventsAt(300));
        assertEquals(List.of(FaultKind.CONNECTION_DROP), plan.eventsAt(30));
        assertEquals(List.of(), plan.eventsAt(500));
        assertEquals(FaultKind.SMEAR, plan.damageFor(97));
        assertEquals(FaultKind.PARTIAL, plan.damageFor(262));
        assertNull(plan.damageFor(98));
        assertEquals(20, plan.slowLinkMs());
        assertTrue(FaultPlan.parse("none").isNone());
    }

    @Test
    void randomDamageIsSeeded() {
        FaultPlan a = FaultPlan.parse("smearRate=0.1&seed=7");
        FaultPlan b = FaultPlan.parse("smearRate=0.1&seed=7");
        List<FaultKind> first = LongStream.rangeClosed(1, 1000).mapToObj(a::damageFor).toList();
        assertEquals(first, LongStream.rangeClosed(1, 1000).mapToObj(b::damageFor).toList());
        long smeared = first.stream().filter(k -> k == FaultKind.SMEAR).count();
        assertTrue(smeared > 60 && smeared < 140, "about 10 % smeared, got " + smeared);
    }

    @Test
    void namesEveryBadItem() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FaultPlan.parse("paperOutAfter=x,smearRate=2,jam=3,seed=1,headOpenAt"));
        assertEquals(List.of("item 1 'paperOutAfter=x'", "item 2 'smearRate=2'", "item 3 'jam=3'",
                "item 5 'headOpenAt'"), e.problems().stream().map(p -> p.where()).toList());
        assertTrue(e.getMessage().contains("unknown key 'jam'"), e.getMessage());
    }
}
