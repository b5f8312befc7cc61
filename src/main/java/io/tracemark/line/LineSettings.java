package io.tracemark.line;

import io.tracemark.verify.Grade;
import java.time.Duration;

/**
 * Rules of the closed loop, frozen at start-up (from {@code station.yaml}, section {@code line}).
 *
 * @param lookAhead              labels queued in the printer at most (the printer enforces it)
 * @param maxAwaitingVerdict     units sent and not yet judged at most (bounds labels between printer and camera)
 * @param consecutiveRejectLimit stop the line after this many rejects in a row
 * @param challengeAtStart       run the challenge test before a job prints
 * @param defaultMinimumGrade    minimum grade when the job does not name one
 * @param verdictTimeout         a printed unit with no camera result by then is rejected (missing-label)
 * @param confirmRejects         a gate with a sensor must confirm every reject, or the line stops
 * @param allocationChunk        item-level codes are allocated this many at a time, just ahead of need
 * @param stationId              the station's name (station.yaml), first part of every job id
 */
public record LineSettings(int lookAhead, int maxAwaitingVerdict, int consecutiveRejectLimit, boolean challengeAtStart,
                           Grade defaultMinimumGrade, Duration verdictTimeout, boolean confirmRejects,
                           int allocationChunk, String stationId) {

    /** The station id when none is given. */
    public static final String DEFAULT_STATION = "station";

    public LineSettings {
        if (lookAhead < 1 || maxAwaitingVerdict < lookAhead || consecutiveRejectLimit < 1 || allocationChunk < 1) {
            throw new IllegalArgumentException("impossible line settings: lookAhead " + lookAhead
                    + ", maxAwaitingVerdict " + maxAwaitingVerdict + ", consecutiveRejectLimit "
                    + consecutiveRejectLimit + ", allocationChunk " + allocationChunk);
        }
        if (stationId == null || stationId.isBlank()) {
            throw new IllegalArgumentException("line settings need a station id (the station's name)");
        }
    }

    /** Settings of a station named {@value #DEFAULT_STATION}. */
    public LineSettings(int lookAhead, int maxAwaitingVerdict, int consecutiveRejectLimit, boolean challengeAtStart,
                        Grade defaultMinimumGrade, Duration verdictTimeout, boolean confirmRejects,
                        int allocationChunk) {
        this(lookAhead, maxAwaitingVerdict, consecutiveRejectLimit, challengeAtStart, defaultMinimumGrade,
                verdictTimeout, confirmRejects, allocationChunk, DEFAULT_STATION);
    }

    public LineSettings withStationId(String id) {
        return new LineSettings(lookAhead, maxAwaitingVerdict, consecutiveRejectLimit, challengeAtStart,
                defaultMinimumGrade, verdictTimeout, confirmRejects, allocationChunk, id);
    }

    /** Look-ahead 2, 8 awaiting verdict, stop after 3 rejects in a row, challenge on, grade C, 3 s timeout. */
    public static LineSettings defaults() {
        return new LineSettings(4, 10, 3, true, Grade.C, Duration.ofSeconds(3), true, 16);
    }

    public LineSettings withChallengeAtStart(boolean on) {
        return new LineSettings(lookAhead, maxAwaitingVerdict, consecutiveRejectLimit, on, defaultMinimumGrade,
                verdictTimeout, confirmRejects, allocationChunk, stationId);
    }

    public LineSettings withConsecutiveRejectLimit(int n) {
        return new LineSettings(lookAhead, maxAwaitingVerdict, n, challengeAtStart, defaultMinimumGrade,
                verdictTimeout, confirmRejects, allocationChunk, stationId);
    }

    public LineSettings withVerdictTimeout(Duration timeout) {
        return new LineSettings(lookAhead, maxAwaitingVerdict, consecutiveRejectLimit, challengeAtStart,
                defaultMinimumGrade, timeout, confirmRejects, allocationChunk, stationId);
    }

    public LineSettings withMaxAwaitingVerdict(int n) {
        return new LineSettings(lookAhead, n, consecutiveRejectLimit, challengeAtStart, defaultMinimumGrade,
                verdictTimeout, confirmRejects, allocationChunk, stationId);
    }

    public LineSettings withAllocationChunk(int n) {
        return new LineSettings(lookAhead, maxAwaitingVerdict, consecutiveRejectLimit, challengeAtStart,
                defaultMinimumGrade, verdictTimeout, confirmRejects, n, stationId);
    }
}
