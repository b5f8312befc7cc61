package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tracemark.pack.RecallResult;
import io.tracemark.pack.RecallSelector;
import io.tracemark.pack.Recalls;
import io.tracemark.records.report.RecallDocument;
import java.util.List;

/**
 * Recall at the panel (guideline 6.4), for supervisors and admins: {@code GET /recall?code=|batch=|product=&from=&to=}
 * lists every unit, case, pallet and buyer with counts; {@code POST /recall/notify} records the recall and sends a
 * RECALLED event per verified unit to the platform; {@code GET /recall/notices} lists the recalls recorded. Bad input
 * is 400 naming the problem. Buyers' contacts (7.1.4) are in the answer only for a supervisor or admin, and never
 * logged. Without recall at the station every route answers 404.
 */
final class RecallApi {

    private static final int DEFAULT_UNITS = 1_000;
    private static final int MAX_UNITS = 100_000;

    private volatile Recalls recalls;

    void use(Recalls stationRecalls) {
        this.recalls = stationRecalls;
    }

    List<PanelServer.Route> routes() {
        Role sup = Role.SUPERVISOR;
        return List.of(
                new PanelServer.Route(HandlerType.GET, "/recall", sup, false, this::find),
                new PanelServer.Route(HandlerType.POST, "/recall/notify", sup, false, this::notifyRecall),
                new PanelServer.Route(HandlerType.GET, "/recall/notices", sup, false, this::notices));
    }

    private Recalls recalls() {
        Recalls r = recalls;
        if (r == null) {
            throw new NotFoundException("recall (this station has no recall)");
        }
        return r;
    }

    /** GET /recall?code=&batch=&product=&from=&to=&limit= (units listed, 1-100000, default 1000; counts cover all). */
    void find(Context ctx) {
        RecallSelector selector = RecallSelector.of(ctx.queryParam("code"), ctx.queryParam("batch"),
                ctx.queryParam("product"), ctx.queryParam("from"), ctx.queryParam("to"));
        int limit = RecordsApi.limit(ctx, DEFAULT_UNITS, MAX_UNITS);
        RecallResult result = recalls().find(selector);
        ctx.header("Cache-Control", "no-store").json(RecallDocument.of(result, mayReadContacts(ctx), limit));
    }

    /** POST /recall/notify {code|batch|product, from, to, reason}. */
    void notifyRecall(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        RecallSelector selector = RecallSelector.of(Bodies.text(body, "code"), Bodies.text(body, "batch"),
                Bodies.text(body, "product"), Bodies.text(body, "from"), Bodies.text(body, "to"));
        ctx.status(201).json(recalls().announce(selector, Bodies.text(body, "reason"), LineApi.actor(ctx)));
    }

    void notices(Context ctx) {
        ctx.json(recalls().notices());
    }

    /** Buyers' contacts are confidential (guideline 7.1.4): supervisors and admins only. */
    static boolean mayReadContacts(Context ctx) {
        return Gate.principal(ctx).role().covers(Role.SUPERVISOR);
    }
}
