package io.tracemark.line;

/**
 * A job that is still OPEN (its codes allocated): the current one, a suspended one, or one left over.
 *
 * @param current   whether it is the line's current job
 * @param suspended whether it was suspended (a new job may start while it is)
 */
public record OpenJob(String jobId, int quantity, long verified, boolean current, boolean suspended) {
}
