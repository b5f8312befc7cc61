package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TracemarkException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The line's owner thread as pure mechanics: bounded commands, failures routed, device I/O handed back. */
class LineLoopTest {

    @Test
    void aCommandRunsOnTheOwnerThreadAndAnswers() {
        try (LineLoop loop = new LineLoop()) {
            String where = loop.call("where", Duration.ofSeconds(30), () -> {
                assertTrue(loop.inLoop());
                return Thread.currentThread().getName();
            });
            assertEquals("line-control", where);
        }
    }

    @Test
    void aCommandThatDoesNotAnswerInTimeFailsNamingItselfAndTheLoopGoesOn() throws Exception {
        try (LineLoop loop = new LineLoop()) {
            CompletableFuture<Void> never = new CompletableFuture<>();
            TracemarkException e = assertThrows(TracemarkException.class, () -> loop.callAsync("stop",
                    Duration.ofMillis(200), () -> never));
            assertTrue(e.getMessage().startsWith("stop did not finish within"), e.getMessage());
            // the owner thread was not blocked by the unanswered command
            assertEquals(42, loop.call("next", Duration.ofSeconds(30), () -> 42));
        }
    }

    @Test
    void aRefusalReachesTheCallerAsItsOwnException() {
        try (LineLoop loop = new LineLoop()) {
            TracemarkException refused = new TracemarkException("line is EXECUTE: cannot start a job");
            TracemarkException e = assertThrows(TracemarkException.class, () -> loop.call("start",
                    Duration.ofSeconds(30), () -> {
                        throw refused;
                    }));
            assertSame(refused, e);
        }
    }

    @Test
    void anExceptionInAnEventGoesToTheFailureHandlerOnTheOwnerThread() throws Exception {
        try (LineLoop loop = new LineLoop()) {
            AtomicReference<String> seen = new AtomicReference<>();
            CountDownLatch handled = new CountDownLatch(1);
            loop.onFailure((what, e) -> {
                seen.set(what + " / " + e.getMessage() + " / " + loop.inLoop());
                handled.countDown();
            });
            loop.post("camera result", () -> {
                throw new IllegalStateException("broken read");
            });
            assertTrue(handled.await(30, TimeUnit.SECONDS));
            assertEquals("camera result / broken read / true", seen.get());
            assertEquals(1, loop.call("after", Duration.ofSeconds(30), () -> 1), "the loop survives the failure");
        }
    }

    @Test
    void deviceIoRunsOffTheOwnerThreadAndItsResultComesBackToIt() {
        try (LineLoop loop = new LineLoop()) {
            String result = loop.callAsync("open printer", Duration.ofSeconds(30), () ->
                    loop.offload("printer open", () -> {
                        assertTrue(!loop.inLoop(), "device I/O must not run on the owner thread");
                        return "opened";
                    }).thenApply(value -> value + (loop.inLoop() ? " / back on the loop" : " / elsewhere")));
            assertEquals("opened / back on the loop", result);

            IllegalStateException failure = new IllegalStateException("printer does not answer");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.callAsync("open printer",
                    Duration.ofSeconds(30), () -> loop.offload("printer open", () -> {
                        throw failure;
                    })));
            assertSame(failure, e);
        }
    }

    @Test
    void aCommandFromTheOwnerThreadItselfIsRefusedInsteadOfDeadlocking() {
        try (LineLoop loop = new LineLoop()) {
            IllegalStateException e = loop.call("outer", Duration.ofSeconds(30), () -> assertThrows(
                    IllegalStateException.class, () -> loop.call("inner", Duration.ofSeconds(30), () -> 1)));
            assertTrue(e.getMessage().contains("inner"), e.getMessage());
        }
    }
}
