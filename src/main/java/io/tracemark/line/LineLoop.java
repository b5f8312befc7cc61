package io.tracemark.line;

import io.tracemark.core.TracemarkException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line's owner thread (STYLE.md, Netty's event loop): the PackML state, the job, the units in
 * flight and the counters are touched only on it. Devices post events ({@link #post}); the panel
 * posts commands ({@link #call}) and waits for their answer at most a bounded time; blocking device
 * I/O runs on the device worker ({@link #offload}), whose result comes back to this thread. An
 * exception thrown by an event goes to the failure handler, which aborts the line with an alarm.
 */
final class LineLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineLoop.class);

    private final ExecutorService loop;
    private final ExecutorService deviceIo;
    private volatile Thread owner;
    private volatile BiConsumer<String, RuntimeException> failures = (what, e) -> LOG.error("{} failed", what, e);

    LineLoop() {
        this.loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "line-control");
            t.setDaemon(true);
            owner = t;
            return t;
        });
        this.deviceIo = Executors.newCachedThreadPool(daemon("line-device-io"));
    }

    /** Who is told of an exception thrown by an event (the line aborts with an alarm). */
    void onFailure(BiConsumer<String, RuntimeException> handler) {
        this.failures = handler;
    }

    /** Whether the caller is the owner thread. */
    boolean inLoop() {
        return Thread.currentThread() == owner;
    }

    /** Posts an event; an exception it throws goes to the failure handler. Dropped once closed. */
    void post(String what, Runnable event) {
        try {
            loop.execute(() -> runEvent(what, event));
        } catch (RejectedExecutionException closing) {
            LOG.debug("line closed; event {} dropped", what);
        }
    }

    private void runEvent(String what, Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.error("line event {} failed", what, e);
            try {
                failures.accept(what, e);
            } catch (RuntimeException again) {
                LOG.error("handling the failure of {} failed too", what, again);
            }
        }
    }

    /** Runs a command on the owner thread and returns its answer, waiting at most {@code bound}. */
    <T> T call(String command, Duration bound, Supplier<T> body) {
        return callAsync(command, bound, () -> CompletableFuture.completedFuture(body.get()));
    }

    /**
     * Runs a command whose answer may come later (after device I/O on the worker) and waits at most
     * {@code bound} for it. A refusal or failure is rethrown as the command's exception; a timeout is
     * an error that names the command and what the line is doing, never a hang.
     */
    <T> T callAsync(String command, Duration bound, Supplier<CompletableFuture<T>> body) {
        if (inLoop()) {
            throw new IllegalStateException("command " + command + " called on the line's own thread");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    body.get().whenComplete((value, error) -> {
                        if (error != null) {
                            answer.completeExceptionally(error);
                        } else {
                            answer.complete(value);
                        }
                    });
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException closing) {
            throw new TracemarkException("the line is shut down: " + command + " not done");
        }
        try {
            return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TracemarkException(command + " did not finish within " + bound.toSeconds() + " s: the line is "
                    + "waiting for a device; the command goes on by itself, look at the line's state and alarms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TracemarkException(command + " interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new TracemarkException(command + " failed: " + UnitMatcher.rootMessage(cause), cause);
        }
    }

    /**
     * Runs blocking device I/O on the device worker; the returned future completes on the owner
     * thread (its dependent stages run there), with the I/O's value or its exception.
     */
    <T> CompletableFuture<T> offload(String what, Supplier<T> io) {
        CompletableFuture<T> back = new CompletableFuture<>();
        CompletableFuture.supplyAsync(io, deviceIo).whenComplete((value, error) -> post(what + " (result)", () -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : error;
                back.completeExceptionally(cause);
            } else {
                back.complete(value);
            }
        }));
        return back;
    }

    /** The owner thread as an executor of events named {@code what}. */
    java.util.concurrent.Executor events(String what) {
        return event -> post(what, event);
    }

    /** The device worker, for device I/O that reports back by itself (the reject gate). */
    java.util.concurrent.Executor deviceWorker() {
        return deviceIo;
    }

    /** Runs device I/O on the device worker without waiting for it (its failure is logged). */
    void fireAndForget(String what, Runnable io) {
        try {
            deviceIo.execute(() -> {
                try {
                    io.run();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed: {}", what, UnitMatcher.rootMessage(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("line closed; {} not done", what);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        deviceIo.shutdownNow();
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
