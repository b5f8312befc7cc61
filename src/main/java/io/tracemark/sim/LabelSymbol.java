package io.tracemark.sim;

import java.awt.Rectangle;

/**
 * What a printed label carries where a camera looks: the code symbol's box on the label (in printer
 * dots) and the data it encodes, as a perfect reader would read the label straight off the printer.
 *
 * @param box  where the symbol lies on the label, in dots (the whole label when no symbol was found)
 * @param data the symbol's content (GS1 separators as ASCII 29), empty when none was found
 * @param symbologyId the AIM symbology identifier a reader would send with it (e.g. {@code ]d2}), empty when none
 */
public record LabelSymbol(Rectangle box, String data, String symbologyId) {

    public boolean found() {
        return !data.isEmpty();
    }
}
