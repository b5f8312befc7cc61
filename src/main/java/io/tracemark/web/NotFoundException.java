package io.tracemark.web;

import io.tracemark.core.TracemarkException;

/** The thing a request names does not exist (HTTP 404). */
public final class NotFoundException extends TracemarkException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
