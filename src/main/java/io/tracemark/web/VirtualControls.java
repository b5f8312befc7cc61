package io.tracemark.web;

import java.util.List;
import java.util.Map;

/**
 * What a person could do with their hands at the virtual devices of a simulated line (the demo): load
 * paper, close the print head, fit a ribbon. Each acts on the simulated device itself, as at a real
 * printer, never on the station's alarms. A station on real devices has none ({@link #NONE}).
 */
public interface VirtualControls {

    /** Reload paper (paper out ends). */
    String RELOAD_PAPER = "reloadPaper";
    /** Close the print head. */
    String CLOSE_HEAD = "closeHead";
    /** Fit a new ribbon (ribbon out ends). */
    String FIX_RIBBON = "fixRibbon";

    VirtualControls NONE = new VirtualControls() {
        @Override
        public Map<String, List<String>> actions() {
            return Map.of();
        }

        @Override
        public void perform(String device, String action) {
            throw new NotFoundException("virtual device " + device);
        }
    };

    /** The actions offered, by device name. */
    Map<String, List<String>> actions();

    /**
     * Does the action at the virtual device.
     *
     * @throws NotFoundException when the device or the action is not offered
     */
    void perform(String device, String action);
}
