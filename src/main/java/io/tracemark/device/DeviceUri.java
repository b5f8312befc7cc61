package io.tracemark.device;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The address of a device: {@code tcp://10.0.0.7:9100}, {@code serial:///dev/ttyUSB0?baud=115200},
 * {@code sim://printer-1?paperOutAfter=500}. Parsed by hand (not {@link java.net.URI}) so that host
 * names with underscores and serial paths work and every problem is named at once.
 *
 * @param raw    the text as given
 * @param scheme lower-case scheme, e.g. {@code tcp}
 * @param host   host or device name (empty for {@code serial:///path})
 * @param port   port, or -1 when absent
 * @param path   path after the authority, e.g. {@code /dev/ttyUSB0} (empty when absent)
 * @param query  query parameters in the order given
 */
public record DeviceUri(String raw, String scheme, String host, int port, String path, Map<String, String> query) {

    public DeviceUri {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * Parses a device URI.
     *
     * @throws InvalidInputException listing every problem (missing scheme, bad port, bad query pair)
     */
    public static DeviceUri parse(String text) {
        List<Problem> problems = new ArrayList<>();
        String raw = text == null ? "" : text.trim();
        int sep = raw.indexOf("://");
        if (sep <= 0) {
            problems.add(new Problem("scheme", "expected scheme://..., e.g. tcp://host:9100, serial:///dev/ttyUSB0 or sim://name"));
            throw new InvalidInputException("device URI '" + raw + "'", problems);
        }
        String scheme = raw.substring(0, sep).toLowerCase();
        if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
            problems.add(new Problem("scheme", "'" + scheme + "' is not a valid scheme"));
        }
        String rest = raw.substring(sep + 3);
        String queryText = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            queryText = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash) : "";
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            String portText = authority.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
                if (port < 0 || port > 65535) {
                    problems.add(new Problem("port", "port " + port + " is outside 0..65535"));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("port", "'" + portText + "' is not a port number"));
            }
        }
        Map<String, String> query = parseQuery(queryText, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("device URI '" + raw + "'", problems);
        }
        return new DeviceUri(raw, scheme, host, port, path, query);
    }

    private static Map<String, String> parseQuery(String text, List<Problem> problems) {
        Map<String, String> query = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return query;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem("query", "'" + pair + "' is not key=value"));
            } else if (query.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                problems.add(new Problem("query." + pair.substring(0, eq), "given twice"));
            }
        }
        return query;
    }

    /** The query value for {@code key}, if present. */
    public Optional<String> param(String key) {
        return Optional.ofNullable(query.get(key));
    }

    /** The query value for {@code key} as an int, or {@code fallback}; a non-number names the key. */
    public int intParam(String key, int fallback) {
        String value = query.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("device URI '" + raw + "'",
                    List.of(new Problem("query." + key, "'" + value + "' is not a whole number")));
        }
    }

    /** The port, or {@code fallback} when the URI gives none. */
    public int portOr(int fallback) {
        return port >= 0 ? port : fallback;
    }

    @Override
    public String toString() {
        return raw;
    }
}
