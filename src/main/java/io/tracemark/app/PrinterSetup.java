package io.tracemark.app;

import io.tracemark.label.LabelFonts;
import io.tracemark.printer.PrinterFont;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.ZplPrinterOptions;

/**
 * The ZPL driver's options for a printer of a profile, as every composition root builds them: the
 * profile's look-ahead, polling and print confirmation, the line's look-ahead, and for profiles whose
 * CJK font mode is {@code download} the font the printer must hold (TrueType split from the bundled
 * collection, looked up by name in the printer and downloaded only when missing).
 */
public final class PrinterSetup {

    private PrinterSetup() {
    }

    public static ZplPrinterOptions options(PrinterProfile profile, int lookAhead) {
        ZplPrinterOptions options = ZplPrinterOptions.from(profile).withLookAhead(lookAhead);
        if (profile.cjkFont().mode() != PrinterProfile.CjkFontMode.DOWNLOAD) {
            return options;
        }
        String name = LabelTargets.of(profile).residentFontName();
        return options.withFont(new PrinterFont(name, () -> LabelFonts.system().cjkTrueType()));
    }
}
