package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.device.DeviceRegistry;
import io.tracemark.label.LabelFonts;
import io.tracemark.label.TrueTypeFont;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.PrintConfirmation;
import io.tracemark.printer.PrinterFaultException;
import io.tracemark.printer.PrinterFont;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-label confirmation (^HV, odometer) and font download, real driver against the virtual printer over TCP. */
class PrintConfirmationTest {

    static final PrinterProfile PROFILE = PrinterProfiles.load("zt411-203");
    static final String FORMAT = "^XA^DFR:UNIT.ZPL^FS^FO50,50^A0N,30,30^FN1^FS^XZ";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private VirtualPrinter printer(String faults, double labelsPerSecond) {
        VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(PROFILE)
                .withFaults(FaultPlan.parse(faults)).withSpeed(labelsPerSecond));
        vp.start();
        open.add(vp);
        return vp;
    }

    private ZplPrinter driver(VirtualPrinter vp, ZplPrinterOptions options) {
        ZplPrinter driver = new ZplPrinter(DeviceRegistry.withStandardTransports().create(vp.uri()), options);
        open.add(0, driver);
        driver.addListener(events);
        driver.open(JobSettings.from(PROFILE));
        return driver;
    }

    private static ZplPrinterOptions options(PrintConfirmation confirmation) {
        return ZplPrinterOverTcpTest.OPTIONS.withConfirmation(confirmation);
    }

    static LabelJob recall(long unit) {
        return new LabelJob(unit, "^XA^XFR:UNIT.ZPL^FS^FN1^FDUNIT " + unit + "^FS^XZ");
    }

    @Test
    void theProfileChoosesHostVerification() {
        assertEquals(PrintConfirmation.HOST_VERIFICATION, PROFILE.confirmation());
        assertEquals(PrintConfirmation.HOST_VERIFICATION, ZplPrinterOptions.from(PROFILE).confirmation());
        assertEquals(PrintConfirmation.COUNTERS, PrinterProfiles.load("tij-coder-300").confirmation());
    }

    @Test
    void eachLabelIsConfirmedByItsOwnHostVerificationReplyAfterItPrinted() throws Exception {
        VirtualPrinter vp = printer("", 40);
        List<String> printedZpl = new CopyOnWriteArrayList<>();
        List<Long> printedWhenConfirmed = new CopyOnWriteArrayList<>();
        vp.addListener(label -> printedZpl.add(label.zpl()));
        ZplPrinter driver = driver(vp, options(PrintConfirmation.HOST_VERIFICATION));
        driver.addListener(new io.tracemark.printer.PrinterListener() {
            @Override
            public void printed(long unitId) {
                printedWhenConfirmed.add(vp.printedCount());
            }

            @Override
            public void fault(io.tracemark.printer.PrinterStatus status) {
            }

            @Override
            public void recovered(io.tracemark.printer.PrinterStatus status) {
            }
        });
        driver.downloadFormat(FORMAT);
        events.expectPrinted(12);
        for (long unit = 1; unit <= 12; unit++) {
            driver.submit(recall(unit));
        }
        assertTrue(events.awaitPrinted());
        assertEquals(LongStream.rangeClosed(1, 12).boxed().toList(), events.printed);
        for (int i = 0; i < printedWhenConfirmed.size(); i++) {
            assertTrue(printedWhenConfirmed.get(i) >= i + 1, "unit " + (i + 1) + " confirmed before it printed: "
                    + printedWhenConfirmed);
        }
        assertTrue(printedZpl.get(0).contains("^FN9999^FD1^FS^FH_^HV9999,20,TMHV_3A,_0D_0A,L^FS"), printedZpl.get(0));
        assertEquals(List.of(), driver.outstanding());
    }

    @Test
    void aLabelCutShortSendsNoReplyAndStaysUnconfirmed() throws Exception {
        VirtualPrinter vp = printer("paperOutAt=5", 0);
        ZplPrinter driver = driver(vp, options(PrintConfirmation.HOST_VERIFICATION));
        driver.downloadFormat(FORMAT);
        List<Long> sent = new ArrayList<>();
        for (long unit = 1; unit <= 30; unit++) {
            try {
                driver.submit(recall(unit));
                sent.add(unit);
            } catch (PrinterFaultException e) {
                break;
            }
        }
        events.awaitFault();
        List<Long> lost = driver.abort();
        assertEquals(5, vp.printedCount(), "the fifth label came out partial");
        assertEquals(List.of(1L, 2L, 3L, 4L), events.printed, "no ^HV reply for the partial label");
        assertEquals(sent.subList(4, sent.size()), lost);
    }

    @Test
    void theOdometerCountsLabelsAndConfirmsThem() throws Exception {
        VirtualPrinter vp = printer("", 0);
        ZplPrinter driver = driver(vp, options(PrintConfirmation.ODOMETER));
        events.expectPrinted(20);
        for (long unit = 1; unit <= 20; unit++) {
            driver.submit(ZplPrinterOverTcpTest.label(unit));
        }
        assertTrue(events.awaitPrinted());
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), events.printed);
        assertEquals(20, vp.printedCount());
    }

    @Test
    void theCjkFontGoesDownAsTrueTypeOnceAndIsFoundByNameAfterwards() throws Exception {
        byte[] ttf = LabelFonts.system().cjkTrueType();
        assertFalse(TrueTypeFont.isCollection(ttf));
        Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        assertTrue(font.canDisplay('追'), "the extracted font draws Chinese: " + font.getFontName());

        VirtualPrinter vp = printer("", 0);
        AtomicInteger reads = new AtomicInteger();
        PrinterFont cjk = new PrinterFont("E:TMCJK.TTF", () -> {
            reads.incrementAndGet();
            return ttf;
        });
        ZplPrinterOptions withFont = options(PrintConfirmation.COUNTERS).withFont(cjk);
        driver(vp, withFont);
        assertArrayEquals(ttf, vp.fonts().get("E:TMCJK.TTF"));
        long afterFirst = vp.bytesReceived();
        assertTrue(afterFirst > 2L * ttf.length, "sent as ASCII hex");

        ZplPrinter second = driver(vp, withFont);
        second.submit(ZplPrinterOverTcpTest.label(1));
        assertEquals(1, reads.get(), "the second driver found the font by name and did not read or send it");
        assertTrue(vp.bytesReceived() - afterFirst < 10_000, "no second download: " + (vp.bytesReceived() - afterFirst));
    }

    @Test
    void anErrorOnlyHqesReportsWithAnUnnamedBitStopsTheLine() throws Exception {
        VirtualPrinter vp = printer("", 0);
        ZplPrinter driver = driver(vp, options(PrintConfirmation.COUNTERS));
        vp.setUnnamedErrors(0x00400000L);
        io.tracemark.printer.PrinterStatus fault = events.awaitFault();
        assertTrue(fault.faults().contains(io.tracemark.printer.PrinterCondition.HARDWARE_ERROR), fault.summary());
        assertTrue(fault.host() != null && fault.host().pendingLabels() == 0 && !fault.host().paused(),
                "~HS alone looks ready");
        assertThrowsFault(driver);
        driver.abort();
        vp.setUnnamedErrors(0);
        events.awaitRecovery();
    }

    @Test
    void aBatchGoesToThePrinterAsTheLookAheadAllowsAndEachLabelIsConfirmedOnceInOrder() throws Exception {
        VirtualPrinter vp = printer("", 0);
        ZplPrinter driver = driver(vp, options(PrintConfirmation.HOST_VERIFICATION));
        List<Integer> outstandingWhenPrinted = new CopyOnWriteArrayList<>();
        vp.addListener(label -> outstandingWhenPrinted.add(driver.outstanding().size()));
        driver.downloadFormat(FORMAT);
        events.expectPrinted(25);
        driver.submitAll(LongStream.rangeClosed(1, 25).mapToObj(PrintConfirmationTest::recall).toList());
        assertTrue(events.awaitPrinted());
        assertEquals(LongStream.rangeClosed(1, 25).boxed().toList(), events.printed);
        assertEquals(25, vp.printedCount());
        assertTrue(outstandingWhenPrinted.stream().allMatch(n -> n <= 2), "look-ahead of 2 exceeded: "
                + outstandingWhenPrinted);
        assertEquals(List.of(), driver.outstanding());
    }

    @Test
    void aHeadOpenedWhileLabelsConfirmThemselvesIsSeenByTheStatusPollBetweenTheReplies() throws Exception {
        VirtualPrinter vp = printer("", 50);
        // the defaults: busy polls every 20 ms only read the ^HV replies, ~HS at least every 100 ms
        ZplPrinter driver = driver(vp, ZplPrinterOptions.defaults().withConfirmation(PrintConfirmation.HOST_VERIFICATION)
                .withSubmitTimeout(java.time.Duration.ofSeconds(30)));
        driver.downloadFormat(FORMAT);
        events.expectPrinted(3);
        for (long unit = 1; unit <= 3; unit++) {
            driver.submit(recall(unit));
        }
        assertTrue(events.awaitPrinted());
        vp.setHeadOpen(true);
        driver.submit(recall(4));
        driver.submit(recall(5)); // labels outstanding: the printer is silent now, no reply comes
        io.tracemark.printer.PrinterStatus fault = events.awaitFault();
        assertEquals(io.tracemark.printer.PrinterStatus.Link.SILENT, fault.link(), fault.summary());
        assertThrowsFault(driver);
        List<Long> lost = driver.abort();
        assertEquals(List.of(4L, 5L), lost);
    }

    private static void assertThrowsFault(ZplPrinter driver) {
        org.junit.jupiter.api.Assertions.assertThrows(PrinterFaultException.class,
                () -> driver.submit(ZplPrinterOverTcpTest.label(1)));
    }
}
