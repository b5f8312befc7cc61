package io.tracemark.app;

/** The in-process virtual packing station as the station's {@code sim://} packing devices see it: loopback URIs. */
record VirtualPacking(String caseReaderUri, String labelPrinterUri, String labelReaderUri) {
}
