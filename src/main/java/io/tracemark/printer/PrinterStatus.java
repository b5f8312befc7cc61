package io.tracemark.printer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the station knows about a printer at one instant.
 *
 * @param device   the printer's URI
 * @param at       when the status was taken
 * @param link     whether the printer answered, stayed silent, or could not be reached
 * @param host     the decoded {@code ~HS} reply, null unless {@code link} is {@link Link#RESPONDING}
 * @param extended the decoded {@code ~HQES} reply, null when not asked or not answered
 * @param detail   words for a person: the cause of a link failure, or empty
 */
public record PrinterStatus(String device, Instant at, Link link, HostStatus host, ExtendedStatus extended,
                            String detail) {

    /** How the printer answered the status query. */
    public enum Link { RESPONDING, SILENT, DISCONNECTED }

    /** Everything noteworthy, from the link, {@code ~HS} and {@code ~HQES} together. */
    public Set<PrinterCondition> conditions() {
        Set<PrinterCondition> set = EnumSet.noneOf(PrinterCondition.class);
        if (link == Link.DISCONNECTED) {
            set.add(PrinterCondition.DISCONNECTED);
        } else if (link == Link.SILENT) {
            set.add(PrinterCondition.NOT_RESPONDING);
        }
        if (host != null) {
            addIf(set, host.paperOut(), PrinterCondition.PAPER_OUT);
            addIf(set, host.headUp(), PrinterCondition.HEAD_OPEN);
            addIf(set, host.ribbonOut(), PrinterCondition.RIBBON_OUT);
            addIf(set, host.paused(), PrinterCondition.PAUSED);
            addIf(set, host.overTemperature(), PrinterCondition.OVER_TEMPERATURE);
            addIf(set, host.underTemperature(), PrinterCondition.UNDER_TEMPERATURE);
            addIf(set, host.corruptRam(), PrinterCondition.CORRUPT_RAM);
            addIf(set, host.bufferFull(), PrinterCondition.BUFFER_FULL);
        }
        if (extended != null) {
            for (PrinterError e : extended.errors()) {
                set.add(switch (e) {
                    case MEDIA_OUT -> PrinterCondition.PAPER_OUT;
                    case RIBBON_OUT -> PrinterCondition.RIBBON_OUT;
                    case HEAD_OPEN -> PrinterCondition.HEAD_OPEN;
                    case PAUSED -> PrinterCondition.PAUSED;
                    case PRINTHEAD_OVER_TEMPERATURE, MOTOR_OVER_TEMPERATURE -> PrinterCondition.OVER_TEMPERATURE;
                    default -> PrinterCondition.HARDWARE_ERROR;
                });
            }
            if (extended.unnamedError()) {
                set.add(PrinterCondition.HARDWARE_ERROR);
            }
        }
        return set;
    }

    /** The conditions that stop printing; empty when the printer is ready. */
    public Set<PrinterCondition> faults() {
        return conditions().stream().filter(PrinterCondition::stopsPrinting)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PrinterCondition.class)));
    }

    /** Whether the printer answered and nothing stops it printing. */
    public boolean ready() {
        return link == Link.RESPONDING && faults().isEmpty();
    }

    /** One line for logs and the panel, e.g. {@code tcp://10.0.0.7:9100 PAPER_OUT,PAUSED pending=2}. */
    public String summary() {
        Set<PrinterCondition> c = conditions();
        String state = c.isEmpty() ? "READY" : c.stream().map(Enum::name).collect(Collectors.joining(","));
        String pending = host == null ? "" : " pending=" + host.pendingLabels();
        return device + " " + state + pending + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private static void addIf(Set<PrinterCondition> set, boolean flag, PrinterCondition condition) {
        if (flag) {
            set.add(condition);
        }
    }
}
