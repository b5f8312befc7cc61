package io.tracemark.app;

import io.tracemark.sim.VirtualPrinter;
import io.tracemark.web.NotFoundException;
import io.tracemark.web.VirtualControls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device page's hands-on actions at the demo's virtual printer: each goes to the simulated printer
 * itself ({@link VirtualPrinter#reloadPaper()}, {@link VirtualPrinter#setHeadOpen(boolean)},
 * {@link VirtualPrinter#replaceRibbon()}), as a person's hands would at a real one; the station learns of
 * it from the printer's status like from any printer, and the fault is then cleared at the panel.
 */
final class VirtualPrinterControls implements VirtualControls {

    private static final List<String> ACTIONS = List.of(RELOAD_PAPER, CLOSE_HEAD, FIX_RIBBON);

    private final Map<String, VirtualPrinter> printers;

    /** @param printers the virtual printer behind each {@code sim://} printer of the station, by device name */
    VirtualPrinterControls(Map<String, VirtualPrinter> printers) {
        this.printers = new LinkedHashMap<>(printers);
    }

    @Override
    public Map<String, List<String>> actions() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        printers.keySet().forEach(name -> out.put(name, ACTIONS));
        return out;
    }

    @Override
    public void perform(String device, String action) {
        VirtualPrinter printer = printers.get(device);
        if (printer == null) {
            throw new NotFoundException("virtual printer " + device);
        }
        switch (action) {
            case RELOAD_PAPER -> printer.reloadPaper();
            case CLOSE_HEAD -> printer.setHeadOpen(false);
            case FIX_RIBBON -> printer.replaceRibbon();
            default -> throw new NotFoundException("action " + action + " at virtual printer " + device);
        }
    }
}
