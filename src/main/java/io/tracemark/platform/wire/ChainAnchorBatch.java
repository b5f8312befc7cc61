package io.tracemark.platform.wire;

import java.util.List;

/**
 * Body of {@code POST /audit-anchors}.
 *
 * @param anchors the anchors, at most {@link EventBatch#MAX_EVENTS}
 */
public record ChainAnchorBatch(List<ChainAnchor> anchors) {

    public ChainAnchorBatch {
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }
}
