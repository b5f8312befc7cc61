package io.tracemark.line;

import io.tracemark.core.Problem;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.verify.ScanCounts;
import io.tracemark.verify.Scanner;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The device page's view of printers and scanners, from what each reports. */
final class DeviceStates {

    private DeviceStates() {
    }

    /** Asks the printer now ({@code ~HS}, {@code ~HQES}, the odometer): bounded by its status timeout. */
    static DeviceState printer(String name, Printer printer) {
        PrinterStatus status = printer.status();
        String link = switch (status.link()) {
            case RESPONDING -> DeviceState.UP;
            case SILENT -> DeviceState.SILENT;
            case DISCONNECTED -> DeviceState.DOWN;
        };
        List<String> conditions = status.conditions().stream()
                .filter(c -> c != io.tracemark.printer.PrinterCondition.DISCONNECTED
                        && c != io.tracemark.printer.PrinterCondition.NOT_RESPONDING)
                .map(Enum::name).toList();
        Map<String, Long> counters = new LinkedHashMap<>();
        if (status.host() != null) {
            counters.put("pending", status.host().pendingLabels());
        }
        counters.put("inPrinter", (long) printer.outstanding().size());
        if (status.link() == PrinterStatus.Link.RESPONDING) {
            printer.labelOdometer().ifPresent(n -> counters.put("odometer", n));
        }
        return new DeviceState(name, DeviceState.PRINTER, link, conditions, counters, status.detail());
    }

    static DeviceState scanner(String name, Scanner scanner, String downDetail, boolean boxed) {
        ScanCounts counts = scanner.counts();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("reads", counts.reads());
        counters.put("noReads", counts.noReads());
        counters.put("badReads", counts.badReads());
        return new DeviceState(name, DeviceState.SCANNER, downDetail == null ? DeviceState.UP : DeviceState.DOWN,
                boxed ? List.of("CODE_BOX") : List.of(), counters, downDetail == null ? "" : downDetail);
    }

    /** What is wrong with a code box: each problem names its field. */
    static List<Problem> boxProblems(CodeBox b, int minSide) {
        List<Problem> problems = new ArrayList<>();
        Rectangle r = b.box();
        if (b.frameWidth() <= 0 || b.frameHeight() <= 0) {
            problems.add(new Problem("frame", "the frame size must be positive, was " + b.frameWidth() + "×"
                    + b.frameHeight()));
            return problems;
        }
        if (r.width < minSide || r.height < minSide) {
            problems.add(new Problem("box", "the box must be at least " + minSide + " pixels a side, was "
                    + r.width + "×" + r.height));
        }
        if (r.x < 0 || r.y < 0 || r.x + r.width > b.frameWidth() || r.y + r.height > b.frameHeight()) {
            problems.add(new Problem("box", "the box x=" + r.x + " y=" + r.y + " w=" + r.width + " h=" + r.height
                    + " is not inside the " + b.frameWidth() + "×" + b.frameHeight() + " frame"));
        }
        return problems;
    }
}
