package io.tracemark.web;

/**
 * A configured device, as the admin page lists it.
 *
 * @param kind printer, scanner, gate, ...
 * @param uri  the device URI, e.g. {@code tcp://10.0.0.7:9100} or {@code sim://printer-1}
 */
public record DeviceInfo(String name, String kind, String uri) {
}
