package io.tracemark.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP proxy on loopback between a client and a server under test: every request and its
 * response are forwarded unchanged and checked against an {@link OpenApiContract}. Point the client
 * at {@link #uri()}; {@link #assertConforms()} fails the test with every violation seen.
 */
public final class ContractProxy implements AutoCloseable {

    /** Headers the JDK client sets itself (or refuses), and hop-by-hop headers. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "http2-settings");

    private final OpenApiContract contract;
    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> requestViolations = new CopyOnWriteArrayList<>();
    private final List<String> responseViolations = new CopyOnWriteArrayList<>();
    private final List<OpenApiContract.Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final String checkedPrefix;

    /**
     * @param contract      the document the traffic must follow
     * @param target        the server's root URL
     * @param checkedPrefix only paths below it are checked (pages and files outside the API are just forwarded)
     */
    public ContractProxy(OpenApiContract contract, URI target, String checkedPrefix) {
        this.contract = contract;
        String t = target.toString();
        this.target = URI.create(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
        this.checkedPrefix = checkedPrefix;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("contract proxy: cannot listen on 127.0.0.1", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where clients connect instead of the server. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Exchanges seen so far that the contract covers. */
    public List<OpenApiContract.Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Fails with every contract violation seen (requests and responses), or if nothing was checked. */
    public void assertConforms() {
        List<String> all = new ArrayList<>(requestViolations);
        all.addAll(responseViolations);
        assertNone(all);
    }

    /**
     * Fails with every response that broke the contract, or if nothing was checked. For tests that
     * send bad requests on purpose: the replies to them must still be what the contract says.
     */
    public void assertResponsesConform() {
        assertNone(responseViolations);
    }

    /**
     * For a test's clean-up: if any exchange was checked, fails with the violations of the replies,
     * and of the requests too unless {@code badRequestsOnPurpose}.
     */
    public void assertSeenConform(boolean badRequestsOnPurpose) {
        if (exchanges.isEmpty()) {
            return;
        }
        if (badRequestsOnPurpose) {
            assertResponsesConform();
        } else {
            assertConforms();
        }
    }

    private void assertNone(List<String> violations) {
        if (exchanges.isEmpty()) {
            throw new AssertionError("contract proxy to " + target + ": no exchange was checked");
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " contract violations:\n" + String.join("\n", violations));
        }
    }

    private void forward(HttpExchange in) throws IOException {
        try (in) {
            byte[] requestBody = in.getRequestBody().readAllBytes();
            String pathAndQuery = in.getRequestURI().getRawPath()
                    + (in.getRequestURI().getRawQuery() == null ? "" : "?" + in.getRequestURI().getRawQuery());
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .method(in.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
            String ownOrigin = uri().toString();
            in.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    // a reverse proxy presents its own origin as the server's, as the browser saw it
                    List<String> forwarded = values.stream().map(v -> v.startsWith(ownOrigin)
                            ? target + v.substring(ownOrigin.length()) : v).toList();
                    forwarded.forEach(v -> out.header(name, v));
                    requestHeaders.put(name, forwarded);
                }
            });
            HttpResponse<byte[]> reply;
            try {
                reply = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                in.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                // the server is down: drop the client's connection too, as an unreachable server would
                throw e;
            }
            reply.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    in.getResponseHeaders().put(name, values);
                }
            });
            // checked before the reply goes out, so a test that has its reply sees the check done
            String path = in.getRequestURI().getPath();
            if (path.startsWith(checkedPrefix)) {
                OpenApiContract.Exchange x = new OpenApiContract.Exchange(in.getRequestMethod(), in.getRequestURI().getRawPath(),
                        query(in.getRequestURI().getRawQuery()), requestHeaders,
                        new String(requestBody, StandardCharsets.UTF_8), reply.statusCode(), reply.headers().map(),
                        new String(reply.body(), StandardCharsets.UTF_8));
                exchanges.add(x);
                requestViolations.addAll(contract.checkRequest(x));
                responseViolations.addAll(contract.checkResponse(x));
            }
            byte[] body = reply.body();
            in.sendResponseHeaders(reply.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream os = in.getResponseBody()) {
                    os.write(body);
                }
            }
        } catch (RuntimeException e) {
            responseViolations.add("contract proxy failed on " + in.getRequestMethod() + " " + in.getRequestURI() + ": " + e);
            throw e;
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
