package io.tracemark.device;

/** Builds a transport for the URIs of one scheme; registered in a {@link DeviceRegistry}. */
@FunctionalInterface
public interface TransportFactory {

    /**
     * Builds (does not open) a transport for {@code uri}.
     *
     * @throws io.tracemark.core.InvalidInputException when the URI's options are wrong for this scheme
     */
    Transport create(DeviceUri uri);
}
