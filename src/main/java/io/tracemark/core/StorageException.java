package io.tracemark.core;

/** The station database could not be read or written. */
public class StorageException extends TracemarkException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
