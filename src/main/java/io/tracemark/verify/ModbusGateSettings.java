package io.tracemark.verify;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceUri;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A reject gate on a PLC or digital I/O module over Modbus TCP, from its URI:
 * {@code modbus-tcp://host:502?unit=1&coil=12&confirm=input:7&pulseMs=80&timeoutMs=1000&counter=holding:40}.
 * Addresses are the protocol's zero-based ones (coil 12 is the 13th coil; a PLC's "00013").
 * {@code confirm} says how the PLC confirms a reject ({@link GateConfirmation}): {@code input:N} (a pulsed
 * input, confirmed by its rising edge), {@code latch:N} with {@code reset=coil:M} (a latched input the
 * station resets), {@code counter:N} (a holding register counting confirmed rejects), or absent.
 *
 * @param host      the PLC
 * @param port      Modbus TCP port (502 by default)
 * @param unit      unit identifier (slave id) in the MBAP header, 0..255 (default 1)
 * @param coil      the coil that fires the gate (function 05 write single coil)
 * @param confirm   how the PLC confirms a reject
 * @param pulseMs   how long the coil stays on
 * @param timeoutMs how long after the pulse the confirmation may take; also the Modbus reply timeout
 * @param pollMs    how often the confirmation is read while waiting for it (default 5)
 * @param counter   the holding register (function 03) where the PLC counts the rejects it carried out, or empty
 */
public record ModbusGateSettings(String host, int port, int unit, int coil, GateConfirmation confirm, int pulseMs,
                                 int timeoutMs, int pollMs, OptionalInt counter) {

    public static final String SCHEME = "modbus-tcp";
    private static final Set<String> KEYS = Set.of("unit", "coil", "confirm", "reset", "pulseMs", "timeoutMs",
            "pollMs", "counter");

    /**
     * Reads the settings from a {@code modbus-tcp://} URI.
     *
     * @throws InvalidInputException listing every problem with its query key
     */
    public static ModbusGateSettings parse(String text) {
        DeviceUri uri = DeviceUri.parse(text);
        List<Problem> problems = new ArrayList<>();
        if (!uri.scheme().equals(SCHEME)) {
            problems.add(new Problem("scheme", "expected " + SCHEME + "://, got " + uri.scheme()));
        }
        if (uri.host().isBlank()) {
            problems.add(new Problem("host", "the PLC's address is missing"));
        }
        for (String key : uri.query().keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(new Problem("query." + key, "unknown; known: " + KEYS.stream().sorted().toList()));
            }
        }
        int unit = number(uri, "unit", 1, 0, 255, problems);
        int coil = uri.param("coil").isEmpty() ? missing("coil", problems) : number(uri, "coil", 0, 0, 65535, problems);
        GateConfirmation confirm = confirmation(uri, coil, problems);
        int pulse = number(uri, "pulseMs", 80, 1, 10_000, problems);
        int timeout = number(uri, "timeoutMs", 1000, 10, 60_000, problems);
        int poll = number(uri, "pollMs", 5, 1, 1000, problems);
        OptionalInt counter = address(uri, "counter", "holding", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("reject gate URI '" + uri.raw() + "'", problems);
        }
        return new ModbusGateSettings(uri.host(), uri.portOr(502), unit, coil, confirm, pulse, timeout, poll, counter);
    }

    /** {@code confirm} and {@code reset}: each kind with the parameters it needs and none it does not. */
    private static GateConfirmation confirmation(DeviceUri uri, int coil, List<Problem> problems) {
        String value = uri.param("confirm").orElse(null);
        boolean reset = uri.param("reset").isPresent();
        if (value == null) {
            if (reset) {
                problems.add(new Problem("query.reset", "only a latched confirmation is reset (confirm=latch:N)"));
            }
            return new GateConfirmation.None();
        }
        int colon = value.indexOf(':');
        String kind = colon < 0 ? value : value.substring(0, colon);
        if (!Set.of("input", "latch", "counter").contains(kind)) {
            problems.add(new Problem("query.confirm", "'" + value + "' must be input:N (a pulsed input), latch:N"
                    + " (a latched input, with reset=coil:M) or counter:N (a holding register)"));
            return new GateConfirmation.None();
        }
        OptionalInt n = address(uri, "confirm", kind, problems);
        if (!kind.equals("latch") && reset) {
            problems.add(new Problem("query.reset", "only a latched confirmation is reset (confirm=latch:N); "
                    + "confirm=" + value + " needs no reset"));
        }
        if (n.isEmpty()) {
            return new GateConfirmation.None();
        }
        return switch (kind) {
            case "input" -> new GateConfirmation.Pulse(n.getAsInt());
            case "counter" -> new GateConfirmation.Counter(n.getAsInt());
            default -> {
                if (!reset) {
                    problems.add(new Problem("query.reset", "required with confirm=" + value
                            + ": the coil the station writes to reset the latch, e.g. reset=coil:13"));
                    yield new GateConfirmation.None();
                }
                OptionalInt resetCoil = address(uri, "reset", "coil", problems);
                if (resetCoil.isPresent() && resetCoil.getAsInt() == coil) {
                    problems.add(new Problem("query.reset", "coil " + coil + " is the gate's own coil; the latch"
                            + " needs a reset coil of its own"));
                }
                yield resetCoil.isEmpty() ? new GateConfirmation.None()
                        : new GateConfirmation.Latch(n.getAsInt(), resetCoil.getAsInt());
            }
        };
    }

    private static int missing(String key, List<Problem> problems) {
        problems.add(new Problem("query." + key, "required: the coil that fires the gate, e.g. " + key + "=12"));
        return 0;
    }

    private static int number(DeviceUri uri, String key, int fallback, int min, int max, List<Problem> problems) {
        String value = uri.param(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                problems.add(new Problem("query." + key, n + " is outside " + min + ".." + max));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem("query." + key, "'" + value + "' is not a whole number"));
            return fallback;
        }
    }

    /** {@code kind:N}, e.g. {@code input:7}; empty when absent. */
    private static OptionalInt address(DeviceUri uri, String key, String kind, List<Problem> problems) {
        String value = uri.param(key).orElse(null);
        if (value == null) {
            return OptionalInt.empty();
        }
        String prefix = kind + ":";
        try {
            int n = value.startsWith(prefix) ? Integer.parseInt(value.substring(prefix.length())) : -1;
            if (n < 0 || n > 65535) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            problems.add(new Problem("query." + key, "'" + value + "' is not " + prefix + "N with N in 0..65535"));
            return OptionalInt.empty();
        }
    }

    /** Whether a sensor confirms each reject. */
    public boolean confirms() {
        return confirm.present();
    }

    /** {@code modbus-tcp://host:port}, for names and messages. */
    public String address() {
        return SCHEME + "://" + host + ":" + port + " unit " + unit + " coil " + coil;
    }
}
