package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TracemarkException;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.LineController;
import io.tracemark.line.LineDevices;
import io.tracemark.line.LineSettings;
import io.tracemark.line.LineSnapshot;
import io.tracemark.line.PackMlState;
import io.tracemark.line.TemplateLabelDesigns;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterListener;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.ScanCounts;
import io.tracemark.verify.Scanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line has one owner thread: panel commands answer within a bound while the printer is stalled
 * (device I/O runs off that thread), an exception inside a device event aborts the line with an alarm,
 * and an exception inside a start leaves the line ABORTED with an alarm, never STARTING.
 *
 * <p>The line under test runs over the simulated station's database, ledger and master data with a
 * printer that is the real ZPL driver talking to the virtual printer, wrapped so the test can stall
 * it (a link that hangs) or make it fail, and a scanner the test drives.
 */
class LineOwnerTest {

    /** A panel command must answer well within this while the printer hangs. */
    private static final Duration ANSWER = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void panelCommandsAnswerWhileTheStalledPrinterHoldsUpAStop() throws Exception {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick());
             Bench bench = new Bench(rig, LineRig.quick().withVerdictTimeout(Duration.ofSeconds(120)))) {
            bench.line.start(LineRig.job(20), "tester");
            bench.awaitPrinted(1);
            bench.printer.stall();
            CompletableFuture<Throwable> stop = CompletableFuture.supplyAsync(() -> {
                try {
                    bench.line.stop("tester");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            bench.printer.awaitStalledCall();
            bench.awaitState(PackMlState.STOPPING);

            // the panel is not held up by the printer: commands answer (refused, with the reason) at once
            TracemarkException pause = answersWithin(() -> assertThrows(TracemarkException.class,
                    () -> bench.line.pause("tester")));
            assertTrue(pause.getMessage().contains("STOPPING"), pause.getMessage());
            TracemarkException again = answersWithin(() -> assertThrows(TracemarkException.class,
                    () -> bench.line.stop("tester")));
            assertTrue(again.getMessage().contains("nothing to stop"), again.getMessage());
            TracemarkException ack = answersWithin(() -> assertThrows(TracemarkException.class,
                    () -> bench.line.acknowledgeAlarm(999, "tester")));
            assertTrue(ack.getMessage().contains("no active alarm 999"), ack.getMessage());
            LineSnapshot seen = answersWithin(bench.line::snapshot);
            assertEquals(PackMlState.STOPPING, seen.state());

            // the stop itself answers within its bound, naming the command, while the printer still hangs
            Throwable timedOut = stop.get(60, TimeUnit.SECONDS);
            assertTrue(timedOut instanceof TracemarkException, String.valueOf(timedOut));
            assertTrue(timedOut.getMessage().startsWith("stop did not finish within"), timedOut.getMessage());
            assertFalse(bench.printer.released(), "the printer was still stalled when stop answered");

            bench.printer.release();
            bench.awaitState(PackMlState.STOPPED);
            Reconciliation r = rig.sim.ledger().reconcile(bench.line.currentJobId().orElseThrow());
            assertTrue(r.balanced(), r.toString());
            assertEquals(0, bench.unitsSent(rig), "units in flight voided once the printer answered: " + r);
        }
    }

    @Test
    void anExceptionInsideADeviceEventAbortsTheLineWithAnAlarm() throws Exception {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick());
             Bench bench = new Bench(rig, LineRig.quick().withVerdictTimeout(Duration.ofSeconds(120)))) {
            bench.line.start(LineRig.job(20), "tester");
            bench.awaitPrinted(3);
            // a reader driver with a bug: a read without grades (null where an Optional belongs)
            bench.scanner.emit(new ReadResult.Read("garbage", "]d2", null, Optional.empty(), Instant.now()));
            bench.awaitState(PackMlState.ABORTED);
            List<Alarm> alarms = bench.line.snapshot().alarms();
            assertEquals(1, alarms.size(), alarms.toString());
            assertEquals("line.error", alarms.get(0).cause());
            // judged when it arrives, or, if it came before the line heard of the labels printed (one hop
            // later than this test's listener), when the printer's event lets it be paired
            assertTrue(alarms.get(0).detail().startsWith("camera result")
                    || alarms.get(0).detail().startsWith("printer event"), alarms.get(0).detail());
            Reconciliation r = rig.sim.ledger().reconcile(bench.line.currentJobId().orElseThrow());
            assertTrue(r.balanced(), r.toString());
            assertEquals(0, bench.unitsSent(rig), "units in flight voided: " + r);
            assertEquals(r.sent(), r.voided(), "nothing judged after the failure: " + r);
            // and the line is still driven by its thread: acknowledge, clear
            bench.line.acknowledgeAlarm(alarms.get(0).id(), "tester");
            bench.line.clear("tester");
            assertEquals(PackMlState.STOPPED, bench.line.snapshot().state());
        }
    }

    @Test
    void anExceptionInsideStartAbortsWithAnAlarmAndTheNextStartRuns() throws Exception {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick());
             Bench bench = new Bench(rig, LineRig.quick().withVerdictTimeout(Duration.ofSeconds(120)))) {
            bench.printer.failOpen(new IllegalStateException("driver bug: settings not applied"));
            TracemarkException e = assertThrows(TracemarkException.class,
                    () -> bench.line.start(LineRig.job(5), "tester"));
            assertTrue(e.getMessage().contains("driver bug: settings not applied"), e.getMessage());
            LineSnapshot after = bench.line.snapshot();
            assertEquals(PackMlState.ABORTED, after.state(), "not left in STARTING");
            assertEquals(1, after.alarms().size(), after.alarms().toString());
            assertEquals("line.error", after.alarms().get(0).cause());
            assertTrue(after.alarms().get(0).detail().contains("driver bug"), after.alarms().get(0).detail());
            assertEquals(0, rig.sim.ledger().openJobs().size(), "no job was created");

            TracemarkException unseen = assertThrows(TracemarkException.class, () -> bench.line.clear("tester"));
            assertTrue(unseen.getMessage().contains("acknowledge the alarm first"), unseen.getMessage());
            bench.line.acknowledgeAlarm(after.alarms().get(0).id(), "tester");
            bench.line.clear("tester");
            bench.printer.failOpen(null);
            bench.line.start(LineRig.job(5), "tester");
            bench.awaitPrinted(1);
            assertEquals(PackMlState.EXECUTE, bench.line.snapshot().state());
            bench.line.stop("tester");
            assertEquals(PackMlState.STOPPED, bench.line.snapshot().state());
        }
    }

    /** Fails (instead of hanging) when the command does not answer within {@link #ANSWER}. */
    private static <T> T answersWithin(java.util.function.Supplier<T> command) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(ANSWER, command::get,
                "the panel command did not answer while the printer is stalled");
    }

    /** A line over the rig's data with a stallable printer and a scripted scanner. */
    private static final class Bench implements AutoCloseable {
        final StallablePrinter printer;
        final ScriptedScanner scanner = new ScriptedScanner();
        final LineController line;

        Bench(LineRig rig, LineSettings settings) {
            PrinterProfile profile = PrinterProfiles.load("zt411-203");
            this.printer = new StallablePrinter(new ZplPrinter(new TcpTransport(DeviceUri.parse(
                    rig.sim.virtualPrinter().uri())), ZplPrinterOptions.from(profile)));
            TemplateLabelDesigns designs = new TemplateLabelDesigns(TemplateLibrary.standard(),
                    Map.of(SimulatedLine.PRINTER, RasterRenderer.target(profile)), SimulatedLine.PLATFORM_NAME, "https://id.example.test");
            LineDevices devices = new LineDevices(Map.of(SimulatedLine.PRINTER, printer),
                    Map.of(SimulatedLine.PRINTER, JobSettings.from(profile)), Map.of(SimulatedLine.SCANNER, scanner),
                    rig.sim.gate());
            this.line = new LineController(rig.db, rig.sim.ledger(), rig.sim.masterData(), designs, devices, settings,
                    Clock.systemDefaultZone());
            line.open();
        }

        void awaitPrinted(int n) throws InterruptedException {
            assertTrue(printer.printed.await(n, 60), "labels printed: " + printer.printedCount());
        }

        /** Units of the job still SENT (in flight, no verdict). */
        long unitsSent(LineRig rig) {
            return rig.db.count("SELECT count(*) FROM units WHERE job_id = ? AND state = 'SENT'",
                    line.currentJobId().orElseThrow());
        }

        void awaitState(PackMlState state) {
            assertEquals(state, LineWatch.awaitState(line, EnumSet.of(state), LineRig.PATIENCE), line.snapshot()
                    .toString());
        }

        @Override
        public void close() {
            printer.release();
            line.close();
        }
    }

    /** Counts up and lets a test wait for a count. */
    private static final class Count {
        private long value;

        synchronized void add() {
            value++;
            notifyAll();
        }

        synchronized boolean await(long n, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (value < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized long get() {
            return value;
        }
    }

    /**
     * The real driver, with a link that can hang: while stalled, {@code submit} and {@code abort}
     * block until released (a printer that stopped answering in the middle of a command).
     */
    private static final class StallablePrinter implements Printer {
        private final ZplPrinter real;
        private final Count printed = new Count();
        private final CountDownLatch stalledCall = new CountDownLatch(1);
        private volatile CountDownLatch stall = new CountDownLatch(0);
        private volatile RuntimeException openFailure;

        StallablePrinter(ZplPrinter real) {
            this.real = real;
            real.addListener(new PrinterListener() {
                @Override
                public void printed(long unitId) {
                    printed.add();
                }

                @Override
                public void fault(PrinterStatus status) {
                }
            });
        }

        void stall() {
            stall = new CountDownLatch(1);
        }

        void release() {
            stall.countDown();
        }

        boolean released() {
            return stall.getCount() == 0;
        }

        void awaitStalledCall() throws InterruptedException {
            assertTrue(stalledCall.await(60, TimeUnit.SECONDS), "nothing called the stalled printer");
        }

        void failOpen(RuntimeException e) {
            openFailure = e;
        }

        long printedCount() {
            return printed.get();
        }

        private void hang() {
            CountDownLatch s = stall;
            if (s.getCount() > 0) {
                stalledCall.countDown();
                try {
                    s.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public String device() {
            return real.device();
        }

        @Override
        public void open(JobSettings settings) {
            RuntimeException failure = openFailure;
            if (failure != null) {
                throw failure;
            }
            real.open(settings);
        }

        @Override
        public void downloadFormat(String dfZpl) {
            real.downloadFormat(dfZpl);
        }

        @Override
        public void submit(LabelJob job) {
            hang();
            real.submit(job);
        }

        @Override
        public void addListener(PrinterListener listener) {
            real.addListener(listener);
        }

        @Override
        public void removeListener(PrinterListener listener) {
            real.removeListener(listener);
        }

        @Override
        public PrinterStatus status() {
            return real.status();
        }

        @Override
        public List<Long> outstanding() {
            return real.outstanding();
        }

        @Override
        public int lookAhead() {
            return real.lookAhead();
        }

        @Override
        public List<Long> abort() {
            hang();
            return real.abort();
        }

        @Override
        public void close() {
            release();
            real.close();
        }
    }

    /** A reader whose results the test hands over (as a result-string reader's thread would). */
    private static final class ScriptedScanner implements Scanner {
        private final List<Consumer<ReadResult>> listeners = new CopyOnWriteArrayList<>();

        void emit(ReadResult result) {
            Thread t = new Thread(() -> listeners.forEach(l -> l.accept(result)), "scripted-scanner");
            t.start();
        }

        @Override
        public String name() {
            return SimulatedLine.SCANNER;
        }

        @Override
        public void setListener(Consumer<ReadResult> listener) {
            listeners.clear();
            listeners.add(listener);
        }

        @Override
        public void start() {
        }

        @Override
        public void trigger(boolean on) {
        }

        @Override
        public void stop() {
        }

        @Override
        public ScanCounts counts() {
            return new ScanCounts(0, 0, 0);
        }
    }
}
