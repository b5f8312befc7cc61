package io.tracemark.app;

import io.tracemark.label.CjkFontMode;
import io.tracemark.label.LabelTarget;
import io.tracemark.printer.PrinterProfile;

/** The one mapping from a printer profile (package printer) to what label rendering needs (package label). */
public final class LabelTargets {

    private LabelTargets() {
    }

    public static LabelTarget of(PrinterProfile profile) {
        return new LabelTarget(profile.resolutionDpmm(), CjkFontMode.valueOf(profile.cjkFont().mode().name()),
                profile.cjkFont().residentName(), profile.storedFormats(), profile.objectNameLength());
    }
}
