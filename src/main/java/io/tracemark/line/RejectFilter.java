package io.tracemark.line;

/**
 * Filter for the reject log; null fields match everything.
 *
 * @param limit at most this many rows (1–1000)
 */
public record RejectFilter(String jobId, String reason, String codeContains, int limit) {
}
