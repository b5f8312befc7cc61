package io.tracemark.device;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a transport by URI scheme (as PLC4X chooses a driver by URL). The standard schemes are
 * {@code tcp} and {@code serial}; the composition root registers others (the simulated devices'
 * {@code sim} scheme, {@code mem} in tests). One registry per composition root, no global instance.
 */
public final class DeviceRegistry {

    private final Map<String, TransportFactory> factories = new ConcurrentHashMap<>();

    /** A registry with {@code tcp} and {@code serial}. */
    public static DeviceRegistry withStandardTransports() {
        return new DeviceRegistry()
                .register("tcp", TcpTransport::new)
                .register("serial", SerialTransport::new);
    }

    /** Registers (or replaces) the factory for {@code scheme}; returns this registry. */
    public DeviceRegistry register(String scheme, TransportFactory factory) {
        factories.put(scheme.toLowerCase(), factory);
        return this;
    }

    /** The schemes this registry can build, sorted. */
    public Set<String> schemes() {
        return new TreeMap<>(factories).keySet();
    }

    /** Parses {@code uri} and builds (does not open) its transport. */
    public Transport create(String uri) {
        return create(DeviceUri.parse(uri));
    }

    /**
     * Builds (does not open) the transport for {@code uri}.
     *
     * @throws InvalidInputException when no factory knows the scheme (the known ones are listed)
     */
    public Transport create(DeviceUri uri) {
        TransportFactory factory = factories.get(uri.scheme());
        if (factory == null) {
            throw new InvalidInputException("device URI '" + uri.raw() + "'", List.of(new Problem("scheme",
                    "no transport for '" + uri.scheme() + "'; known: " + String.join(", ", schemes()))));
        }
        return factory.create(uri);
    }
}
