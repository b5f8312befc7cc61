package io.tracemark.platform.wire;

import java.util.List;

/** Body of {@code POST /events}: up to 1,000 unit events, in the order they happened. */
public record EventBatch(List<UnitEvent> events) {

    public static final int MAX_EVENTS = 1000;

    public EventBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
