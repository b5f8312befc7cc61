package io.tracemark.printer;

import java.util.Objects;

/**
 * One label to print: the unit it belongs to and its complete ZPL format ({@code ^XA...^XZ}, or a
 * {@code ^XF} recall of a stored format). The format must print exactly one label ({@code ^PQ1} or none).
 *
 * @param unitId the station's id of the unit, reported back by {@link PrinterListener#printed(long)}
 * @param zpl    the label's ZPL
 */
public record LabelJob(long unitId, String zpl) {

    public LabelJob {
        Objects.requireNonNull(zpl, "zpl");
    }
}
