package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for the API that behaves like the panel's browser: keeps the session cookie,
 * sends the CSRF token header and a same-site Origin unless told otherwise.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, byte[] bytes, Map<String, List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String session;
    String csrf;
    String bearer;
    /** Extra headers for every request; a null value removes a default (Origin, CSRF header). */
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiClient(int port) {
        this.port = port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Response signIn(String user, String pin) {
        Response r = post("/session", Map.of("user", user, "pin", pin));
        if (r.status() == 201) {
            for (String cookie : r.header("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                if (pair.startsWith(Gate.SESSION_COOKIE + "=")) {
                    session = pair.substring(Gate.SESSION_COOKIE.length() + 1);
                }
            }
            csrf = r.json().get("csrfToken").asText();
        }
        return r;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, Object body) {
        try {
            byte[] payload = body == null ? new byte[0]
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + PanelServer.API + path))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(payload))
                    .header("Content-Type", "application/json");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Origin", base());
            if (csrf != null) {
                all.put(Gate.CSRF_HEADER, csrf);
            }
            if (session != null) {
                all.put("Cookie", Gate.SESSION_COOKIE + "=" + session);
            }
            if (bearer != null) {
                all.put("Authorization", "Bearer " + bearer);
            }
            all.putAll(headers);
            all.forEach((k, v) -> {
                if (v != null) {
                    builder.header(k, v);
                }
            });
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }
}
