package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.verify.Expectation;
import io.tracemark.verify.ReadResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The pairing of camera results with printed labels, as pure logic. */
class ReadPairingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final List<String> log = new ArrayList<>();
    private final ReadPairing pairing = new ReadPairing(new ReadPairing.Decisions() {
        @Override
        public void paired(PendingUnit unit, ReadResult result) {
            log.add(unit.unitId + "=" + (result instanceof ReadResult.Read r ? r.data() : "no read"));
        }

        @Override
        public void missed(PendingUnit unit) {
            log.add(unit.unitId + "=missed");
        }

        @Override
        public void discarded(ReadResult result, String why) {
            log.add("discarded " + (result instanceof ReadResult.Read r ? r.data() : "no-read") + " ("
                    + why.substring(0, why.indexOf(':')) + ")");
        }

        @Override
        public void voidedLabelSeen(PendingUnit unit, ReadResult result) {
            log.add("thrown out " + unit.unitId);
        }
    });

    private static PendingUnit unit(long id, String content) {
        return unit(id, content, T0);
    }

    private static PendingUnit unit(long id, String content, Instant sent) {
        return new PendingUnit(id, (int) id, content, Expectation.parse(content), sent, null);
    }

    private static ReadResult read(String data, long trigger) {
        return new ReadResult.Read(data, "", Optional.empty(), Optional.empty(), T0,
                trigger < 0 ? OptionalLong.empty() : OptionalLong.of(trigger));
    }

    private static ReadResult noRead(long trigger) {
        return new ReadResult.NoRead(T0, java.util.Optional.empty(), "no read", java.util.OptionalLong.of(trigger));
    }

    @Test
    void aResultTakenAfterTheRestartIsNeverALabelOfTheEpochBefore() {
        pairing.begin(T0, false); // batch level: every label has the same content
        pairing.expect(unit(1, "B"));
        pairing.expect(unit(2, "B"));
        pairing.expect(unit(3, "B"));
        print(1, 2);
        pairing.read(at(read("B", 1), T0.plusMillis(10)));
        pairing.halt(); // 2 came out (its result is late), 3 never did
        Instant restart = T0.plusSeconds(5);
        pairing.begin(restart, false);
        pairing.expect(unit(4, "B", restart.plusMillis(20)));
        pairing.expect(unit(5, "B", restart.plusMillis(20)));
        print(4, 5);
        pairing.read(at(read("B", 2), T0.plusMillis(40))); // 2's label, taken before the restart
        pairing.read(at(noRead(3), restart.plusMillis(30))); // 4's label: not the slot of 3
        pairing.read(at(read("B", 4), restart.plusMillis(60)));
        assertEquals(List.of("1=B", "discarded B (stale)", "thrown out 2", "4=no read", "5=B"), log);
    }

    private static ReadResult at(ReadResult r, Instant taken) {
        if (r instanceof ReadResult.Read read) {
            return new ReadResult.Read(read.data(), read.symbologyId(), read.grades(), read.image(), taken, read.trigger());
        }
        ReadResult.NoRead none = (ReadResult.NoRead) r;
        return new ReadResult.NoRead(taken, none.image(), none.reason(), none.trigger());
    }

    /** Epoch 1: 45 printed and read (number 9), 46 sent but never confirmed when the line stops. */
    private void stopWithUnit46Unconfirmed() {
        pairing.begin(T0, true);
        pairing.expect(unit(45, "C45"));
        pairing.expect(unit(46, "C46"));
        print(45);
        pairing.read(read("C45", 9));
        pairing.halt();
    }

    private void print(long... ids) {
        for (long id : ids) {
            pairing.printed(id, T0);
        }
    }

    @Test
    void numberedResultsPairByTriggerAcrossAStop() {
        pairing.begin(T0, true);
        for (long id = 1; id <= 4; id++) {
            pairing.expect(unit(id, "C" + id));
        }
        print(1, 2, 3);
        pairing.read(read("C1", 101));
        pairing.halt(); // 2 and 3 printed (their labels will pass), 4 never confirmed: not printed
        pairing.begin(T0.plusSeconds(1), true);
        pairing.expect(unit(5, "C5"));
        print(5);
        pairing.read(read("C2", 102));
        pairing.read(read("C3", 103));
        pairing.read(read("C5", 104));
        assertEquals(List.of("1=C1", "discarded C2 (stale)", "thrown out 2", "discarded C3 (stale)", "thrown out 3",
                "5=C5"), log);
        assertEquals(0, pairing.live());
    }

    @Test
    void aUnitNotConfirmedAtTheStopIsTakenAsPrintedUnlessItsContentShowsOtherwise() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        print(1);
        pairing.read(read("C1", 1));
        pairing.halt(); // 2 not confirmed: maybe printed
        pairing.begin(T0, true);
        pairing.expect(unit(3, "C3"));
        pairing.expect(unit(4, "C4"));
        print(3, 4);
        pairing.read(read("C3", 2)); // 2 never came out: the camera's next trigger is unit 3
        pairing.halt();
        pairing.begin(T0, true);
        pairing.expect(unit(5, "C5"));
        print(5);
        pairing.read(read("C4", 3)); // 4 was printed before the stop: its result is stale
        pairing.read(read("C5", 4));
        assertEquals(List.of("1=C1", "3=C3", "discarded C4 (stale)", "thrown out 4", "5=C5"), log);
    }

    @Test
    void sameContentEverywhereStillPairsByTrigger() {
        pairing.begin(T0, false);
        pairing.expect(unit(1, "B"));
        pairing.expect(unit(2, "B"));
        print(1, 2);
        pairing.halt();
        pairing.begin(T0, false);
        pairing.expect(unit(3, "B"));
        print(3);
        pairing.read(read("B", 7));
        pairing.read(read("B", 8));
        pairing.read(read("B", 9));
        assertEquals(List.of("discarded B (stale)", "thrown out 1", "discarded B (stale)", "thrown out 2", "3=B"), log);
    }

    @Test
    void aGapInTheNumbersIsAMissingReadAndARepeatIsDiscarded() {
        pairing.begin(T0, true);
        for (long id = 1; id <= 3; id++) {
            pairing.expect(unit(id, "C" + id));
        }
        print(1, 2, 3);
        pairing.read(read("C1", 10));
        pairing.read(read("C1", 10));
        pairing.read(read("C3", 12));
        assertEquals(List.of("1=C1", "discarded C1 (stale)", "2=missed", "3=C3"), log);
        assertEquals(new ReadPairing.Counts(1, 0, 1, 0), pairing.counts());
    }

    @Test
    void theLabelOfAUnitVoidedInFlightIsThrownOutButALateResultOfARejectedOneIsNot() {
        pairing.begin(T0, true);
        for (long id = 1; id <= 3; id++) {
            pairing.expect(unit(id, "C" + id));
        }
        print(1, 2, 3);
        pairing.voided(2); // a supervisor voided unit 2 while its label was on its way to the camera
        pairing.read(read("C1", 1));
        pairing.read(read("C2", 2));
        pairing.expire(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT, false); // 3 times out: rejected, gate fired
        pairing.read(read("C3", 3));
        pairing.read(read("C3", 3)); // and a repeat of it
        assertEquals(List.of("1=C1", "discarded C2 (stale)", "thrown out 2", "3=missed", "discarded C3 (stale)",
                "discarded C3 (extra)"), log);
        assertEquals(new ReadPairing.Counts(2, 1, 1, 1), pairing.counts());
    }

    @Test
    void aLateResultOfATimedOutUnitIsRecognisedByItsNumber() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        pairing.expect(unit(3, "C3"));
        print(1, 2, 3);
        pairing.read(read("C1", 1));
        pairing.expire(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT, false);
        pairing.read(read("C2", 2));
        assertEquals(List.of("1=C1", "2=missed", "3=missed", "discarded C2 (stale)"), log);
    }

    @Test
    void unnumberedResultsOfAnEarlierEpochAreDiscardedInOrder() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        print(1, 2);
        pairing.halt();
        pairing.begin(T0, true);
        pairing.expect(unit(3, "C3"));
        print(3);
        pairing.read(read("C1", -1));
        pairing.read(read("C2", -1));
        pairing.read(read("C3", -1));
        assertEquals(List.of("discarded C1 (stale)", "thrown out 1", "discarded C2 (stale)", "thrown out 2", "3=C3"), log);
    }

    @Test
    void unnumberedItemResultsSkipSettledLabelsThatNeverCame() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        print(1);
        pairing.halt();
        pairing.begin(T0, true);
        pairing.expect(unit(2, "C2"));
        print(2);
        pairing.read(read("C2", -1));
        assertEquals(List.of("2=C2"), log);
    }

    @Test
    void unnumberedLateResultOfATimedOutItemUnitIsNotPairedWithTheNext() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        print(1);
        pairing.expire(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT, false);
        print(2);
        pairing.read(read("C1", -1));
        pairing.read(read("C2", -1));
        assertEquals(List.of("1=missed", "discarded C1 (stale)", "2=C2"), log);
    }

    @Test
    void aResultWithNoLabelExpectedIsExtra() {
        pairing.begin(T0, true);
        pairing.read(read("X", 5));
        pairing.read(read("Y", -1));
        assertEquals(2, pairing.counts().extra());
        assertTrue(pairing.idle());
    }

    @Test
    void aReaderThatCountsAgainIsAnchoredAnew() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        print(1, 2);
        pairing.read(read("C1", 50_000));
        pairing.read(read("C2", 1));
        assertEquals(List.of("1=C1", "2=C2"), log);
    }

    @Test
    void aUnitIsNotMissedWhileTheStationStillDecodesFramesAheadOfIt() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        pairing.expect(unit(3, "C3"));
        print(1, 2, 3);
        // frame 1 takes long to decode (a damaged label): the frames of 2 and 3 wait behind it
        pairing.expire(T0.plus(TIMEOUT), TIMEOUT, true);
        pairing.read(noRead(1), T0.plus(TIMEOUT));
        pairing.expire(T0.plus(TIMEOUT.multipliedBy(2)), TIMEOUT, true);
        assertEquals(List.of("1=no read"), log, "results keep coming: nothing is missing yet");
        pairing.read(read("C2", 2), T0.plus(TIMEOUT.multipliedBy(2)));
        pairing.read(read("C3", 3), T0.plus(TIMEOUT.multipliedBy(2)));
        assertEquals(List.of("1=no read", "2=C2", "3=C3"), log);
    }

    @Test
    void aDecoderThatDeliversNothingForATimeoutIsNoExcuse() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        print(1);
        pairing.expire(T0.plus(TIMEOUT), TIMEOUT, true);
        assertEquals(List.of(), log);
        pairing.expire(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT, true);
        assertEquals(List.of("1=missed"), log);
    }

    @Test
    void aNoReadAfterTheRestartIsPlacedByTheNextReadNotTakenByALabelThatNeverPrinted() {
        stopWithUnit46Unconfirmed(); // here 46 never came out
        pairing.begin(T0, true);
        pairing.expect(unit(47, "C47"));
        pairing.expect(unit(48, "C48"));
        pairing.expect(unit(49, "C49"));
        print(47, 48, 49);
        pairing.read(noRead(10)); // unit 47's damaged label
        assertEquals(List.of("45=C45"), log, "the no-read waits: is it 46's label or 47's?");
        pairing.read(read("C48", 11));
        pairing.read(read("C49", 12));
        assertEquals(List.of("45=C45", "47=no read", "48=C48", "49=C49"), log);
    }

    @Test
    void aNoReadOfALabelThatDidComeOutIsDiscardedOnceTheNextReadPlacesIt() {
        stopWithUnit46Unconfirmed();
        pairing.begin(T0, true);
        pairing.expect(unit(47, "C47"));
        print(47);
        pairing.read(noRead(10)); // 46's label did come out, damaged
        pairing.read(read("C47", 11));
        assertEquals(List.of("45=C45", "discarded no-read (stale)", "thrown out 46", "47=C47"), log);
    }

    @Test
    void aWaitingNoReadIsTakenByTheNumberingWhenNoReadComesToPlaceIt() {
        stopWithUnit46Unconfirmed();
        pairing.begin(T0, true);
        pairing.expect(unit(47, "C47"));
        print(47);
        pairing.read(noRead(10));
        pairing.expire(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT, false);
        // taken as 46's label (the numbering), so 47's result is overdue as well
        assertEquals(List.of("45=C45", "discarded no-read (stale)", "thrown out 46", "47=missed"), log);
    }

    @Test
    void nothingIsKeptPerSettledUnit() {
        pairing.begin(T0, true);
        for (long id = 1; id <= 200_000; id++) {
            pairing.expect(unit(id, "C" + id));
            pairing.printed(id, T0);
            pairing.read(read("C" + id, id));
        }
        assertEquals(200_000, log.size());
        assertEquals(0, pairing.live());
        assertTrue(pairing.idle(), "nothing kept per settled unit");
    }
    @Test
    void nextExpiryIsTheFirstInstantAfterWhichExpireActs() {
        pairing.begin(T0, true);
        assertEquals(Optional.empty(), pairing.nextExpiry(TIMEOUT, false), "nothing sent: nothing can be overdue");
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        assertEquals(Optional.empty(), pairing.nextExpiry(TIMEOUT, false), "not printed: no deadline yet");
        pairing.printed(1, T0.plusMillis(100));
        pairing.printed(2, T0.plusMillis(200));
        Instant due = T0.plusMillis(100).plus(TIMEOUT);
        assertEquals(Optional.of(due), pairing.nextExpiry(TIMEOUT, false));
        pairing.expire(due, TIMEOUT, false);
        assertEquals(List.of(), log, "at the deadline itself nothing is overdue");
        pairing.expire(due.plusMillis(1), TIMEOUT, false);
        assertEquals(List.of("1=missed"), log);
        assertEquals(Optional.of(T0.plusMillis(200).plus(TIMEOUT)), pairing.nextExpiry(TIMEOUT, false),
                "then the next unit's deadline");
    }

    @Test
    void aResultWaitingForItsLabelIsDueATimeoutAfterItWasTaken() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.read(at(read("C1", -1), T0.plusSeconds(3)), T0.plusSeconds(4)); // label not confirmed yet: waits
        assertEquals(List.of(), log);
        assertEquals(Optional.of(T0.plusSeconds(3).plus(TIMEOUT)), pairing.nextExpiry(TIMEOUT, false));
    }

    @Test
    void nextExpiryOfNumberedResultsSkipsSettledSlotsAndWaitsForTheDecoder() {
        pairing.begin(T0, true);
        pairing.expect(unit(1, "C1"));
        pairing.expect(unit(2, "C2"));
        print(1, 2);
        pairing.read(at(read("C1", 7), T0.plusMillis(50)), T0.plusMillis(50));
        assertEquals(List.of("1=C1"), log);
        assertEquals(Optional.of(T0.plus(TIMEOUT)), pairing.nextExpiry(TIMEOUT, false));
        assertEquals(Optional.of(T0.plusMillis(50).plus(TIMEOUT)), pairing.nextExpiry(TIMEOUT, true),
                "a decoder that delivered a result keeps the unit from being overdue for a timeout");
        pairing.halt();
        assertEquals(Optional.empty(), pairing.nextExpiry(TIMEOUT, false), "a stopped epoch expires nothing");
    }

    @Test
    void silenceIsNoResultSinceTheLabelWasPrinted() {
        pairing.begin(T0, true);
        assertTrue(pairing.silentSince(T0), "no result at all");
        assertTrue(pairing.silentSince(null), "a label not confirmed printed");
        pairing.read(at(read("X", 1), T0), T0.plusSeconds(1));
        assertTrue(!pairing.silentSince(T0.plusSeconds(1)), "a result arrived then");
        assertTrue(pairing.silentSince(T0.plusSeconds(2)));
    }
}
