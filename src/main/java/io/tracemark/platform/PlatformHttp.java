package io.tracemark.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform client's HTTP/1.1 exchanges over {@link HttpURLConnection} (connections kept alive
 * and reused, no proxy, no redirects followed, a request body never re-sent on its own). Each
 * exchange runs on a worker thread ({@code platform-http-N}, started as calls need them) while the
 * caller waits for it at most the deadline: a platform that stalls half-way through a reply, or
 * an interrupt, frees the caller at once, and the stalled connection is closed behind it.
 *
 * <p>Why not {@code java.net.http.HttpClient}: its asynchronous machinery costs about 3.5 ms of
 * CPU per call at the sender's one call a second (it never warms up), this about 1 ms
 * ({@code bench line}, {@code stationCpuMsPerUnitByThread}).
 */
final class PlatformHttp {

    /** A reply: its status and its body as UTF-8 text (empty when it has none). */
    record Reply(int status, String body) {
    }

    /** No complete reply within the deadline. */
    static final class DeadlineException extends IOException {
        DeadlineException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Duration timeout;
    private final ExecutorService workers;

    /** @param timeout deadline of each exchange, connect to last byte of the reply */
    PlatformHttp(Duration timeout) {
        this.timeout = timeout;
        int client = CLIENTS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "platform-http-" + client + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One exchange.
     *
     * @param body the request body (JSON), or null for none
     * @throws DeadlineException    when the reply is not complete within the deadline
     * @throws IOException          when the platform cannot be reached or the connection fails
     * @throws InterruptedException when the caller is interrupted while waiting
     */
    Reply exchange(String method, URI uri, String token, byte[] body) throws IOException, InterruptedException {
        if (!(uri.toURL().openConnection(Proxy.NO_PROXY) instanceof HttpURLConnection c)) {
            throw new IOException(uri + " is not an http: or https: URL");
        }
        CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> run(c, method, token, body), workers);
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(c);
            throw new DeadlineException("no complete reply within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            abandon(c);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof java.net.SocketTimeoutException) {
                throw new DeadlineException("timed out after " + timeout.toMillis() + " ms (" + cause + ")", cause);
            }
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        }
    }

    /** Closes a connection its caller gave up on (on a worker: closing may wait for a read in progress). */
    private void abandon(HttpURLConnection c) {
        workers.execute(c::disconnect);
    }

    private Reply run(HttpURLConnection c, String method, String token, byte[] body) {
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            c.setConnectTimeout(millis);
            c.setReadTimeout(millis);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod(method);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "application/json");
            if (body != null) {
                c.setRequestProperty("Content-Type", "application/json");
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length); // streamed: never re-sent by the connection itself
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            c.disconnect();
            throw new java.io.UncheckedIOException(e);
        }
    }
}
