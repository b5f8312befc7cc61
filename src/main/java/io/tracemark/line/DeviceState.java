package io.tracemark.line;

import java.util.List;
import java.util.Map;

/**
 * One device of the line as the device page shows it.
 *
 * @param kind       {@value #PRINTER}, {@value #SCANNER} or {@value #GATE}
 * @param link       {@value #UP}, {@value #DOWN}, {@value #SILENT}, {@value #WARNING} or {@value #UNKNOWN}
 * @param conditions what the device reports, for people: printer conditions such as {@code HEAD_OPEN},
 *                   {@code PAPER_OUT}, {@code RIBBON_OUT}, {@code PAUSED}, {@code BUFFER_FULL}
 *                   ({@code io.tracemark.printer.PrinterCondition} names); empty when all is well
 * @param counters   counts by name (printer: {@code odometer}, {@code pending}, {@code inPrinter};
 *                   scanner: {@code reads}, {@code noReads}, {@code badReads}; gate: {@code fired},
 *                   {@code confirmed}, {@code failed}); a count the device does not report is absent
 * @param detail     the device's own words for a link failure, or empty
 */
public record DeviceState(String name, String kind, String link, List<String> conditions, Map<String, Long> counters,
                          String detail) {

    public static final String PRINTER = "printer";
    public static final String SCANNER = "scanner";
    public static final String GATE = "gate";
    public static final String UP = "up";
    public static final String DOWN = "down";
    public static final String SILENT = "silent";
    public static final String WARNING = "warning";
    public static final String UNKNOWN = "unknown";

    public DeviceState {
        conditions = List.copyOf(conditions);
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
    }
}
