package io.tracemark.core;

/** A device (printer, scanner, reject gate) did not do what was asked, or its transport failed. */
public class DeviceException extends TracemarkException {

    private final String device;

    public DeviceException(String device, String message) {
        super(device + " - " + message);
        this.device = device;
    }

    public DeviceException(String device, String message, Throwable cause) {
        super(device + " - " + message, cause);
        this.device = device;
    }

    public String device() {
        return device;
    }
}
