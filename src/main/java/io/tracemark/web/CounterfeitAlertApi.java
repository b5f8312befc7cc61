package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.core.CounterfeitAlert;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform's anti-counterfeit alerts at the panel: listed, and acknowledged by a signed-in user. */
final class CounterfeitAlertApi {

    private final CounterfeitAlerts alerts;

    CounterfeitAlertApi(CounterfeitAlerts alerts) {
        this.alerts = alerts;
    }

    /** GET /platform/scan-alerts. */
    void list(Context ctx) {
        ctx.json(alerts.all().stream().map(CounterfeitAlertApi::json).toList());
    }

    /** POST /platform/scan-alerts/ack {code}: the code travels in the body (codes hold '/' and '('). */
    void acknowledge(Context ctx) {
        String code = Bodies.text(Bodies.object(ctx), "code");
        if (code == null) {
            throw new InvalidInputException("scan alert acknowledgement", List.of(new Problem("code",
                    "the code of the alert is required")));
        }
        CounterfeitAlert acked = alerts.acknowledge(code, LineApi.actor(ctx))
                .orElseThrow(() -> new NotFoundException("anti-counterfeit alert for code " + code));
        ctx.json(json(acked));
    }

    private static Map<String, Object> json(CounterfeitAlert a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", a.code());
        out.put("productId", a.productId());
        out.put("reason", a.reason());
        out.put("scans", a.scans());
        out.put("firstScanAt", a.firstScanAt().toString());
        out.put("lastScanAt", a.lastScanAt().toString());
        out.put("receivedAt", a.receivedAt().toString());
        out.put("acknowledgedBy", a.acknowledgedBy());
        out.put("acknowledgedAt", a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString());
        return out;
    }
}
