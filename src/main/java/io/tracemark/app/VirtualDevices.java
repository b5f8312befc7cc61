package io.tracemark.app;

import io.tracemark.verify.ImageSource;
import io.tracemark.verify.RejectGate;

/**
 * The in-process virtual line as the station's {@code sim://} devices see it: the virtual printer's
 * loopback address, the virtual camera (possibly with a planned failure), the virtual gate, and the
 * virtual printer itself (for the device page's hands-on actions).
 */
record VirtualDevices(String printerUri, ImageSource camera, RejectGate gate, io.tracemark.sim.VirtualPrinter printer) {
}
