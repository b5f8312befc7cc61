package io.tracemark.platform.wire;

/**
 * Reply to {@code POST /audit-anchors}.
 *
 * @param accepted   anchors stored now
 * @param duplicates anchors the platform held already (same key, same anchor)
 */
public record ChainAnchorResult(int accepted, int duplicates) {
}
