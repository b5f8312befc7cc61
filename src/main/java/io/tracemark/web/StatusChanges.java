package io.tracemark.web;

/**
 * What changes the extra sections of the status document besides the line (e.g. the PLC reject
 * counts read in the background), so that the panel pushes the status when they change.
 */
@FunctionalInterface
public interface StatusChanges {

    /** Nothing beside the line changes the status. */
    StatusChanges NONE = listener -> () -> { };

    /**
     * Calls {@code listener} whenever the extra sections change; quick, never throwing. Closing the
     * handle removes it.
     */
    AutoCloseable onChange(Runnable listener);
}
