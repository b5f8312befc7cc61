package io.tracemark.line;

import io.tracemark.printer.PrinterCondition;
import io.tracemark.printer.PrinterStatus;
import java.util.Set;

/**
 * Why the line stopped: a stable key the panel translates and the specifics.
 *
 * @param cause  e.g. {@code printer.paperOut}, {@code printer.headOpen}, {@code printer.silent},
 *               {@code printer.disconnected}, {@code scanner.fault}, {@code rejects.consecutive},
 *               {@code gate.unconfirmed}, {@code gate.fault}, {@code challenge.failed}, {@code operator.stop}
 * @param detail device, unit and numbers in plain words
 * @param fault  true for faults (PackML Abort), false for an orderly stop
 */
public record StopCause(String cause, String detail, boolean fault) {

    /** The cause a printer fault status names; the most specific condition wins. */
    public static StopCause of(PrinterStatus status) {
        Set<PrinterCondition> faults = status.faults();
        String key;
        if (faults.contains(PrinterCondition.PAPER_OUT)) {
            key = "printer.paperOut";
        } else if (faults.contains(PrinterCondition.RIBBON_OUT)) {
            key = "printer.ribbonOut";
        } else if (faults.contains(PrinterCondition.HEAD_OPEN)) {
            key = "printer.headOpen";
        } else if (faults.contains(PrinterCondition.NOT_RESPONDING)) {
            key = "printer.silent";
        } else if (faults.contains(PrinterCondition.DISCONNECTED)) {
            key = "printer.disconnected";
        } else if (faults.contains(PrinterCondition.PAUSED)) {
            key = "printer.paused";
        } else {
            key = "printer.fault";
        }
        return new StopCause(key, status.summary(), true);
    }

    public static StopCause fault(String cause, String detail) {
        return new StopCause(cause, detail, true);
    }
}
