package io.tracemark.cli;

import io.tracemark.printer.ExtendedStatus;
import io.tracemark.printer.HostStatus;
import io.tracemark.printer.PrinterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code printer status} for people: one "what: value" row per fact, aligned. The printer's password
 * ({@code ~HS} string 3) is never shown.
 */
final class PrinterStatusTable {

    private PrinterStatusTable() {
    }

    static String of(PrinterStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Printer", status.device()));
        rows.add(row("State", status.ready() ? "READY" : "NOT READY"));
        rows.add(row("Link", status.link().name().toLowerCase()));
        if (!status.conditions().isEmpty()) {
            rows.add(row("Conditions", status.conditions().stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
        if (!status.detail().isEmpty()) {
            rows.add(row("Detail", status.detail()));
        }
        HostStatus h = status.host();
        if (h != null) {
            rows.add(row("Paper out", yesNo(h.paperOut())));
            rows.add(row("Ribbon out", yesNo(h.ribbonOut())));
            rows.add(row("Head open", yesNo(h.headUp())));
            rows.add(row("Paused", yesNo(h.paused())));
            rows.add(row("Formats in buffer", String.valueOf(h.formatsInBuffer())));
            rows.add(row("Labels remaining", String.valueOf(h.labelsRemaining())));
            rows.add(row("Label length", h.labelLengthDots() + " dots"));
            rows.add(row("Print method", h.thermalTransfer() ? "thermal transfer" : "direct thermal"));
            rows.add(row("Print mode", h.printMode().name().toLowerCase().replace('_', '-')));
            rows.add(row("Temperature", h.overTemperature() ? "over" : h.underTemperature() ? "under" : "normal"));
            rows.add(row("Buffer full", yesNo(h.bufferFull())));
            rows.add(row("Corrupt RAM", yesNo(h.corruptRam())));
        }
        ExtendedStatus e = status.extended();
        if (e != null) {
            rows.add(row("Errors", e.errors().isEmpty() && !e.unnamedError() ? "none"
                    : e.errors().stream().map(Enum::name).collect(Collectors.joining(", "))
                    + String.format(" (~HQES %08X %08X)", e.errorGroup2(), e.errorGroup1())));
            rows.add(row("Warnings", e.warnings().isEmpty() ? "none"
                    : e.warnings().stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            out.append(String.format("%-" + width + "s  %s%n", r[0], r[1]));
        }
        return out.toString();
    }

    private static String[] row(String what, String value) {
        return new String[] {what, value};
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
