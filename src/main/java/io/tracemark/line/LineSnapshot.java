package io.tracemark.line;

import java.util.List;
import java.util.Optional;

/**
 * Everything the line view shows, at one instant.
 *
 * @param state      PackML state
 * @param job        the current (or last) job, if any
 * @param counters   unit counters of that job
 * @param alarms     alarms not yet acknowledged, oldest first
 * @param lastVerdict the last unit judged
 * @param version    increases on every change; lets clients skip identical pushes
 */
public record LineSnapshot(PackMlState state, Optional<JobSummary> job, Counters counters, List<Alarm> alarms,
                           Optional<UnitVerdict> lastVerdict, long version) {

    /** running / paused / stopped / fault, for the panel's big status light. */
    public String status() {
        return alarms.stream().anyMatch(a -> a.severity() == Alarm.Severity.FAULT) && !state.panelStatus().equals("running")
                ? "fault" : state.panelStatus();
    }
}
