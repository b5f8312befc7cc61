package io.tracemark.line;

import io.tracemark.core.TracemarkException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Alarms raised and not yet acknowledged, oldest first. Thread-safe. */
final class AlarmBoard {

    private final Clock clock;
    private final List<Alarm> active = new ArrayList<>();
    private long nextId = 1;

    AlarmBoard(Clock clock) {
        this.clock = clock;
    }

    synchronized Alarm raise(Alarm.Severity severity, String cause, String detail) {
        Alarm alarm = new Alarm(nextId++, clock.instant(), severity, cause, detail);
        active.add(alarm);
        return alarm;
    }

    synchronized Alarm acknowledge(long id) {
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).id() == id) {
                return active.remove(i);
            }
        }
        throw new TracemarkException("no active alarm " + id);
    }

    synchronized List<Alarm> active() {
        return List.copyOf(active);
    }
}
