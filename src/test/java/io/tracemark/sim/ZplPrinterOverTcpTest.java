package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.device.DeviceRegistry;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.PrinterCondition;
import io.tracemark.printer.PrinterError;
import io.tracemark.printer.PrinterFaultException;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real ZPL driver over real TCP against the virtual printer on loopback. */
class ZplPrinterOverTcpTest {

    static final PrinterProfile PROFILE = PrinterProfiles.load("zt411-203");
    static final ZplPrinterOptions OPTIONS = ZplPrinterOptions.defaults()
            .withPolling(Duration.ofMillis(5), Duration.ofMillis(30))
            .withStatusTimeout(Duration.ofMillis(1000))
            .withSubmitTimeout(Duration.ofSeconds(5));

    private final List<AutoCloseable> open = new ArrayList<>();
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private VirtualPrinter printer(String faults) {
        VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(PROFILE).withFaults(FaultPlan.parse(faults)));
        vp.start();
        open.add(vp);
        return vp;
    }

    private ZplPrinter driver(VirtualPrinter vp) {
        ZplPrinter driver = new ZplPrinter(DeviceRegistry.withStandardTransports().create(vp.uri()), OPTIONS);
        open.add(0, driver);
        driver.addListener(events);
        driver.open(JobSettings.from(PROFILE));
        return driver;
    }

    static LabelJob label(long unit) {
        return new LabelJob(unit, "^XA^FO50,50^A0N,30,30^FDUNIT " + unit + "^FS^XZ");
    }

    /** Submits units from 1 until the printer refuses; returns the units sent. */
    private static List<Long> submitUntilFault(ZplPrinter driver, int max) {
        List<Long> sent = new ArrayList<>();
        for (long unit = 1; unit <= max; unit++) {
            try {
                driver.submit(label(unit));
                sent.add(unit);
            } catch (PrinterFaultException e) {
                break;
            }
        }
        return sent;
    }

    @Test
    void printsEveryLabelAndConfirmsEachOnceInOrder() throws Exception {
        VirtualPrinter vp = printer("");
        ZplPrinter driver = driver(vp);
        events.expectPrinted(60);
        for (long unit = 1; unit <= 60; unit++) {
            driver.submit(label(unit));
            assertTrue(driver.outstanding().size() <= 2, "look-ahead exceeded: " + driver.outstanding());
        }
        assertTrue(events.awaitPrinted());
        assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(), events.printed);
        assertEquals(60, vp.printedCount());
        assertEquals(List.of(), driver.outstanding());
        assertTrue(events.faults.isEmpty());
    }

    @Test
    void statusDecodesWhatTheVirtualPrinterHolds() {
        VirtualPrinter vp = printer("");
        vp.setPaused(true);
        ZplPrinter driver = driver(vp);
        driver.submit(label(1));
        PrinterStatus status = driver.status();
        assertEquals(PrinterStatus.Link.RESPONDING, status.link());
        assertTrue(status.host().paused());
        assertEquals(1, status.host().formatsInBuffer());
        assertEquals(PROFILE.labelLengthDots(), status.host().labelLengthDots());
        assertTrue(status.host().thermalTransfer());
        assertTrue(status.extended().errors().contains(PrinterError.PAUSED));
        assertEquals(vp.hostStatus().toWire(), status.host().toWire());
    }

    @Test
    void paperOutStopsPrintingAndAbortListsExactlyTheUnprintedUnits() throws Exception {
        VirtualPrinter vp = printer("paperOutAt=5");
        ZplPrinter driver = driver(vp);
        List<Long> sent = submitUntilFault(driver, 30);
        PrinterStatus fault = events.awaitFault();
        assertTrue(fault.faults().contains(PrinterCondition.PAPER_OUT), fault.summary());
        assertTrue(fault.host().paperOut());
        List<Long> lost = driver.abort();
        assertEquals(5, vp.printedCount());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.printed, "label 5 came out partial and is not reprinted (^JZN)");
        assertEquals(sent.subList(5, sent.size()), lost);
        assertTrue(vp.faultLog().stream().anyMatch(f -> f.seq() == 5 && f.kind() == FaultKind.PAPER_OUT));
        assertFalse(vp.reprintAfterError());

        vp.clearFault();
        events.awaitRecovery();
        events.expectPrinted(2);
        driver.submit(label(100));
        driver.submit(label(101));
        assertTrue(events.awaitPrinted());
        assertEquals(7, vp.printedCount(), "nothing reprinted, nothing cancelled printed");
    }

    @Test
    void headOpenSilencesTheStatusAndTheDriverCallsItAFault() throws Exception {
        VirtualPrinter vp = printer("headOpenAt=4");
        ZplPrinter driver = driver(vp);
        List<Long> sent = submitUntilFault(driver, 30);
        PrinterStatus fault = events.awaitFault();
        assertEquals(PrinterStatus.Link.SILENT, fault.link());
        assertTrue(fault.faults().contains(PrinterCondition.NOT_RESPONDING));
        assertNotNull(fault.extended(), "~HQES still answers with the head open");
        assertTrue(fault.faults().contains(PrinterCondition.HEAD_OPEN));
        List<Long> lost = driver.abort();
        assertEquals(3, vp.printedCount());
        assertAccounted(sent, lost, vp);
        assertTrue(lost.contains(4L), "label 4 never printed and is listed lost");
    }

    /**
     * Every sent unit is confirmed printed or listed lost (in order); nothing is confirmed that the printer
     * did not print; whatever the printer printed is among the sent units.
     */
    private void assertAccounted(List<Long> sent, List<Long> lost, VirtualPrinter vp) {
        List<Long> accounted = new ArrayList<>(events.printed);
        accounted.addAll(lost);
        assertEquals(sent, accounted, "every sent unit is either confirmed printed or listed lost, in order");
        assertTrue(events.printed.size() <= vp.printedCount(), events.printed + " vs " + vp.printedCount());
        assertTrue(vp.printedCount() <= sent.size());
    }

    @Test
    void ribbonOutIsAFault() throws Exception {
        VirtualPrinter vp = printer("ribbonOutAfter=2");
        ZplPrinter driver = driver(vp);
        List<Long> sent = submitUntilFault(driver, 30);
        PrinterStatus fault = events.awaitFault();
        assertTrue(fault.faults().contains(PrinterCondition.RIBBON_OUT), fault.summary());
        List<Long> lost = driver.abort();
        assertEquals(3, vp.printedCount());
        assertEquals(sent.subList(3, sent.size()), lost);
    }

    @Test
    void pauseHoldsUntilResumedAndRecoveryIsReported() throws Exception {
        VirtualPrinter vp = printer("pauseAt=6");
        ZplPrinter driver = driver(vp);
        List<Long> sent = submitUntilFault(driver, 30);
        assertTrue(events.awaitFault().faults().contains(PrinterCondition.PAUSED));
        assertThrows(PrinterFaultException.class, () -> driver.submit(label(999)));
        vp.setPaused(false);
        events.awaitRecovery();
        List<Long> lost = driver.abort();
        assertEquals(List.of(), lost, "after resume the printer printed what it held");
        assertEquals(sent, events.printed);
        assertEquals(sent.size(), vp.printedCount());
    }

    @Test
    void abortCancelsWhatThePrinterHolds() throws Exception {
        VirtualPrinter vp = printer("");
        vp.setPaused(true);
        ZplPrinter driver = driver(vp);
        driver.submit(label(1));
        driver.status();
        List<Long> sent = new ArrayList<>(List.of(1L));
        try {
            driver.submit(label(2));
            sent.add(2L);
        } catch (PrinterFaultException expected) {
            // the poll saw the pause first
        }
        List<Long> lost = driver.abort();
        assertEquals(sent, lost, "printed " + events.printed + " vp " + vp.printedCount() + " faults " + events.faults);
        assertEquals(0, driver.status().host().pendingLabels(), "~JA emptied the buffer");
        vp.setPaused(false);
        driver.status();
        assertEquals(0, vp.printedCount());
    }

    @Test
    void connectionDropIsAFaultAndAbortReconnects() throws Exception {
        VirtualPrinter vp = printer("dropConnectionAt=5");
        ZplPrinter driver = driver(vp);
        List<Long> sent = submitUntilFault(driver, 30);
        PrinterStatus fault = events.awaitFault();
        assertTrue(fault.faults().contains(PrinterCondition.DISCONNECTED) || fault.faults().contains(
                PrinterCondition.NOT_RESPONDING), fault.summary());
        List<Long> lost = driver.abort();
        assertAccounted(sent, lost, vp);
        assertEquals(2, vp.connectionCount(), "abort reconnected");
        events.expectPrinted(1);
        long before = vp.printedCount();
        driver.submit(label(200));
        assertTrue(events.awaitPrinted());
        assertEquals(200L, events.printed.get(events.printed.size() - 1));
        assertEquals(before + 1, vp.printedCount());
    }

    @Test
    void storedFormatsPrintThroughTheRendererWithFewerBytes() throws Exception {
        List<String> stored = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        LabelRenderer renderer = new LabelRenderer() {
            @Override
            public void storeFormat(String dfZpl) {
                stored.add(dfZpl);
            }

            @Override
            public java.awt.image.BufferedImage render(String labelZpl) {
                rendered.add(labelZpl);
                return new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            }
        };
        VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(PROFILE).withRenderer(renderer));
        vp.start();
        open.add(vp);
        List<PrintedLabel> labels = new java.util.concurrent.CopyOnWriteArrayList<>();
        vp.addListener(labels::add);
        ZplPrinter driver = driver(vp);
        String df = "^XA^DFR:UNIT.ZPL^FS^FO50,50^A0N,30,30^FN1^FS^FO50,100^BXN,6,200^FN2^FS^XZ";
        driver.downloadFormat(df);
        events.expectPrinted(3);
        for (long unit = 1; unit <= 3; unit++) {
            driver.submit(new LabelJob(unit, "^XA^XFR:UNIT.ZPL^FS^FN1^FDUNIT " + unit + "^FS^FN2^FD0106901234567892" + unit
                    + "^FS^XZ"));
        }
        assertTrue(events.awaitPrinted());
        assertEquals(List.of(df), stored);
        assertEquals(3, labels.size());
        labels.forEach(l -> assertNotNull(l.image().get()));
        assertEquals(List.of(1L, 2L, 3L), labels.stream().map(PrintedLabel::seq).toList());
        assertTrue(rendered.get(2).contains("^XFR:UNIT.ZPL") && rendered.get(2).contains("UNIT 3"));
    }
}
