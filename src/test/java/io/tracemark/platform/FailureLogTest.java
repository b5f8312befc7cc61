package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tracemark.platform.PlatformLinkTest.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A background task failing again and again writes one warning per reason, not one per attempt. */
class FailureLogTest {

    @Test
    void theSameFailureIsLoggedOncePerReasonAndPerQuarterHourAndTheRecoveryOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger("failure-log-test");
        logger.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        FailureLog log = new FailureLog(logger, "outbox sender", clock, Duration.ofMinutes(15));
        for (int i = 0; i < 100; i++) {
            log.failed("platform unreachable", null);
        }
        log.failed("HTTP 503", null);
        clock.set(Instant.parse("2026-12-01T00:16:00Z"));
        log.failed("HTTP 503", null);
        log.succeeded();
        log.succeeded();

        List<String> warnings = seen.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of("outbox sender: platform unreachable (failure 1)", "outbox sender: HTTP 503 (failure 101)",
                "outbox sender: HTTP 503 (failure 102)"), warnings);
        assertEquals(List.of("outbox sender: working again after 102 failures"), seen.list.stream()
                .filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage).toList());
        logger.detachAppender(seen);
    }
}
