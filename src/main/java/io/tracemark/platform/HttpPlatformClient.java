package io.tracemark.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.platform.PlatformException.Kind;
import io.tracemark.platform.wire.ApiError;
import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.platform.wire.ChainAnchorBatch;
import io.tracemark.platform.wire.ChainAnchorResult;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.ReturnResult;
import io.tracemark.platform.wire.ScanAlert;
import io.tracemark.platform.wire.UnitEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@link PlatformClient} over HTTP/JSON ({@link PlatformHttp}). Every call has a connect timeout
 * and an overall deadline covering the whole reply (headers and body), so a platform that stalls
 * half-way through a reply cannot hang the station.
 */
public final class HttpPlatformClient implements PlatformClient {

    /** Path of the contract below the platform's root URL. */
    public static final String API_PATH = "/api/platform/v1";

    private final String root;
    private final String token;
    private final PlatformHttp http;
    private final ObjectMapper json = PlatformJson.mapper();

    /**
     * @param platformRoot the platform's root URL, e.g. {@code http://127.0.0.1:8080}
     * @param token        the station's bearer token
     * @param timeout      deadline of each call, connect to last byte of the reply
     */
    public HttpPlatformClient(URI platformRoot, String token, Duration timeout) {
        String r = Objects.requireNonNull(platformRoot, "platformRoot").toString();
        this.root = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
        this.token = Objects.requireNonNull(token, "token");
        this.http = new PlatformHttp(Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public String describe() {
        return "platform " + root;
    }

    @Override
    public List<Producer> producers() {
        return nonNullList(call("GET", "/producers", null, new TypeReference<List<Producer>>() { }), "/producers");
    }

    @Override
    public List<Product> products() {
        return nonNullList(call("GET", "/products", null, new TypeReference<List<Product>>() { }), "/products");
    }

    @Override
    public CodeRequest requestCodes(NewCodeRequest request) {
        return checked(call("POST", "/code-requests", request, new TypeReference<CodeRequest>() { }), "/code-requests");
    }

    @Override
    public CodeRequest codeRequest(String requestId) {
        String path = "/code-requests/" + encode(requestId);
        return checked(call("GET", path, null, new TypeReference<CodeRequest>() { }), path);
    }

    @Override
    public List<CodeRange> activatedRanges(String productId) {
        String path = "/ranges?status=ACTIVATED" + (productId == null ? "" : "&productId=" + encode(productId));
        List<CodeRange> ranges = nonNullList(call("GET", path, null, new TypeReference<List<CodeRange>>() { }), path);
        for (CodeRange range : ranges) {
            if (range == null || range.id() == null || range.productId() == null) {
                throw badReply("GET", path, "a range without id or productId", null);
            }
        }
        return ranges;
    }

    @Override
    public void acknowledge(String rangeId, RangeAck ack) {
        // the reply (the range as now stored) is not needed: any JSON body will do
        call("POST", "/ranges/" + encode(rangeId) + "/ack", ack, new TypeReference<com.fasterxml.jackson.databind.JsonNode>() { });
    }

    @Override
    public EventBatchResult postEvents(List<UnitEvent> events) {
        // written field by field, the same bytes the mapper writes for new EventBatch(events)
        EventBatchResult result = checked(send("POST", "/events", EventBatchJson.write(events),
                new TypeReference<EventBatchResult>() { }), "/events");
        int counted = result.accepted() + result.duplicates() + result.refused().size();
        if (counted != events.size()) {
            throw badReply("POST", "/events", "the reply counts " + counted + " events for a batch of "
                    + events.size(), null);
        }
        return result;
    }

    @Override
    public void postDailyQuantity(DailyQuantity quantity) {
        call("POST", "/daily-quantities", quantity, new TypeReference<com.fasterxml.jackson.databind.JsonNode>() { });
    }

    @Override
    public ReturnResult returnCodes(CodeReturn codeReturn) {
        return checked(call("POST", "/returns", codeReturn, new TypeReference<ReturnResult>() { }), "/returns");
    }

    @Override
    public ChainAnchorResult postAuditAnchors(List<ChainAnchor> anchors) {
        return checked(call("POST", "/audit-anchors", new ChainAnchorBatch(anchors),
                new TypeReference<ChainAnchorResult>() { }), "/audit-anchors");
    }

    @Override
    public List<ChainAnchor> auditAnchors(String station) {
        String path = "/audit-anchors" + (station == null ? "" : "?station=" + encode(station));
        return nonNullList(call("GET", path, null, new TypeReference<List<ChainAnchor>>() { }), path);
    }

    @Override
    public CodeStatus codeStatus(String code) {
        String path = "/codes?code=" + encode(code);
        return checked(call("GET", path, null, new TypeReference<CodeStatus>() { }), path);
    }

    @Override
    public List<ScanAlert> scanAlerts(long after) {
        String path = "/scan-alerts?after=" + after + "&limit=" + ScanAlert.MAX_PAGE;
        List<ScanAlert> alerts = nonNullList(call("GET", path, null, new TypeReference<List<ScanAlert>>() { }), path);
        long last = after;
        for (ScanAlert a : alerts) {
            if (a == null || a.code() == null || a.reason() == null || a.firstScanAt() == null || a.lastScanAt() == null) {
                throw badReply("GET", path, "an alert without code, reason or scan times", null);
            }
            if (a.sequence() <= last) {
                throw badReply("GET", path, "alert sequence " + a.sequence() + " after " + last
                        + " (the list must be above the cursor and rising)", null);
            }
            last = a.sequence();
        }
        if (alerts.size() > ScanAlert.MAX_PAGE) {
            throw badReply("GET", path, alerts.size() + " alerts for a limit of " + ScanAlert.MAX_PAGE, null);
        }
        return alerts;
    }

    private <T> T call(String method, String path, Object body, TypeReference<T> type) {
        return send(method, path, body == null ? null : json(body), type);
    }

    /** One call with a body already written as JSON ({@code null} for none). */
    private <T> T send(String method, String path, byte[] body, TypeReference<T> type) {
        PlatformHttp.Reply reply;
        try {
            reply = http.exchange(method, URI.create(root + API_PATH + path), token, body);
        } catch (PlatformHttp.DeadlineException e) {
            throw new PlatformException(Kind.TIMEOUT, 0, describe() + " - " + method + " " + path + ": "
                    + e.getMessage(), List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(Kind.UNREACHABLE, 0, describe() + " - " + method + " " + path
                    + ": interrupted", List.of(), e);
        } catch (java.io.IOException e) {
            throw new PlatformException(Kind.UNREACHABLE, 0, describe() + " - " + method + " " + path
                    + ": unreachable (" + e + ")", List.of(), e);
        }
        return read(method, path, reply, type);
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String method, String path, PlatformHttp.Reply reply, TypeReference<T> type) {
        int status = reply.status();
        String text = reply.body();
        if (status >= 200 && status < 300) {
            try {
                return json.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw badReply(method, path, "HTTP " + status + " with a body that is not the expected JSON ("
                        + e.getOriginalMessage() + "): " + excerpt(text), e);
            }
        }
        ApiError error = errorBody(text);
        String what = error != null && error.error() != null ? error.error() : excerpt(text);
        Kind kind = status >= 500 ? Kind.SERVER_ERROR : status == 408 || status == 429 ? Kind.SERVER_ERROR : Kind.REFUSED;
        throw new PlatformException(kind, status, describe() + " - " + method + " " + path + ": HTTP " + status
                + ": " + what + (error == null || error.problems().isEmpty() ? "" : " " + error.problems()),
                error == null ? List.of() : error.problems(), null);
    }

    private ApiError errorBody(String text) {
        try {
            return json.readValue(text, ApiError.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private <T> T checked(T value, String path) {
        if (value == null) {
            throw badReply("", path, "an empty (null) reply", null);
        }
        return value;
    }

    private <T> List<T> nonNullList(List<T> list, String path) {
        if (list == null) {
            throw badReply("GET", path, "null instead of a list", null);
        }
        return list;
    }

    private PlatformException badReply(String method, String path, String what, Throwable cause) {
        return new PlatformException(Kind.BAD_REPLY, 0, describe() + " - " + (method.isEmpty() ? "" : method + " ")
                + path + ": bad reply: " + what, List.of(), cause);
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 120) + "…'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
