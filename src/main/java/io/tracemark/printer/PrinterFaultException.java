package io.tracemark.printer;

import io.tracemark.core.DeviceException;

/** A printer refused work because it is in fault; carries the status that says why. */
public class PrinterFaultException extends DeviceException {

    private final transient PrinterStatus status;

    public PrinterFaultException(PrinterStatus status, String message) {
        super(status.device(), message + ": " + status.summary());
        this.status = status;
    }

    public PrinterFaultException(PrinterStatus status, String message, Throwable cause) {
        super(status.device(), message + ": " + status.summary(), cause);
        this.status = status;
    }

    /** The status at the time of the refusal. */
    public PrinterStatus status() {
        return status;
    }
}
