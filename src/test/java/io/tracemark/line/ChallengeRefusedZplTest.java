package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.RejectGate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A label whose ZPL the printer driver refuses ({@code ^PQ2}: two labels for one unit) makes the
 * challenge fail with the reason, instead of an exception that left the line in STARTING for good.
 */
class ChallengeRefusedZplTest {

    @Test
    void aChallengeLabelWithPq2FailsTheChallengeAndNamesWhy() throws Exception {
        PrinterProfile profile = PrinterProfiles.load("zt411-203");
        try (VirtualPrinter device = new VirtualPrinter(VirtualPrinter.Settings.instant(profile))) {
            device.start();
            ZplPrinter printer = new ZplPrinter(new TcpTransport(DeviceUri.parse(device.uri())),
                    ZplPrinterOptions.from(profile));
            try (printer) {
                printer.open(JobSettings.from(profile));
                RejectActuator gate = new RejectActuator(new NeverGate(), false, cause -> { });
                UnitMatcher matcher = new UnitMatcher(null, Clock.systemUTC(), gate, new UnitMatcher.Events() {
                    @Override
                    public void judged(UnitVerdict verdict, Judgement judgement) {
                    }

                    @Override
                    public void stop(StopCause cause) {
                    }
                }, Runnable::run);
                matcher.begin(new UnitMatcher.JobRules(io.tracemark.core.TraceLevel.ITEM, io.tracemark.verify.Grade.C,
                        3, Duration.ofSeconds(1)), java.util.Set.of());
                ChallengeResult result = new ChallengeTest(matcher, Clock.systemUTC(), Duration.ofSeconds(1))
                        .run(printer, new Pq2Labels(), "CODE-1");
                assertFalse(result.passed(), result.toString());
                assertTrue(result.detail().contains("^PQ2"), result.detail());
            }
        }
    }

    /** Labels that print two copies: the linter lets {@code ^PQ2} through, the driver does not. */
    private static final class Pq2Labels implements JobLabels {
        @Override
        public String setupZpl() {
            return "";
        }

        @Override
        public String unitZpl(String code) {
            return "^XA^FO50,50^A0N,30,30^FD" + code + "^FS^PQ2^XZ";
        }

        @Override
        public Expectation expectation(String code) {
            return Expectation.parse(code);
        }

        @Override
        public String challengeCode(String like, long salt) {
            return like + "-X" + salt;
        }
    }

    private static final class NeverGate implements RejectGate {
        @Override
        public String name() {
            return "never";
        }

        @Override
        public CompletableFuture<Boolean> reject(long unitId) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public boolean confirms() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
