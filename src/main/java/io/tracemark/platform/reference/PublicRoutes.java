package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.UnitEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What anyone may open: the consumer page per code at the GS1 Digital Link path
 * ({@code /01/{gtin}/21/{serial}}) or {@code /c/{code}} for opaque codes, and the contract file.
 */
final class PublicRoutes {

    /** Classpath location of the contract (a copy of docs/platform-api.yaml). */
    static final String CONTRACT = "/platform/platform-api.yaml";

    private final MasterData master;
    private final EventIntake intake;
    private final ScanCounter scans;
    private final Recalls recalls;

    PublicRoutes(MasterData master, EventIntake intake, ScanCounter scans, Recalls recalls) {
        this.master = master;
        this.intake = intake;
        this.scans = scans;
        this.recalls = recalls;
    }

    void register(Javalin app) {
        app.get("/01/{gtin}/21/{serial}", ctx -> {
            String code = intake.codeOf(ctx.pathParam("gtin"), ctx.pathParam("serial")).orElse(null);
            page(ctx, code == null ? "(01)" + ctx.pathParam("gtin") + "(21)" + ctx.pathParam("serial") : code,
                    code != null, ctx.pathParam("gtin"));
        });
        app.get("/c/{code}", ctx -> page(ctx, ctx.pathParam("code"), true, null));
        app.get(StationRoutes.BASE + "/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(contract()));
        app.get("/", ctx -> ctx.html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>参考追溯平台</title></head><body><h1>参考追溯平台 (tracemark reference platform)</h1>"
                + "<p>For integration tests, demos, and as the model for adapters to real platforms.</p>"
                + "<p><a href=\"" + StationRoutes.BASE + "/openapi.yaml\">platform-api.yaml</a></p></body></html>"));
    }

    /**
     * @param gtin the GTIN of the Digital Link path, so that a never-issued code is told to the
     *             producer whose product it imitates; null for opaque codes (no one to tell but the operator)
     */
    private void page(Context ctx, String code, boolean known, String gtin) {
        CodeStatus status = known ? intake.status(null, code).orElse(null) : null;
        Product claimed = status != null ? master.product(status.productId()).orElse(null)
                : gtin == null ? null : master.productWithGtin(gtin).orElse(null);
        long scanned = scans.count(code, new ScanCounter.Owner(status != null,
                claimed == null ? null : claimed.id(), claimed == null ? null : claimed.producerId()));
        if (status == null) {
            // never issued: no product card, even when the code imitates a known product's GTIN
            ctx.status(404).html(PublicPage.render(new PublicPage.View(code, null, null, null, scanned, null, null)));
            return;
        }
        UnitEvent production = intake.production(code).orElse(null);
        java.time.LocalDate producedOn = production == null ? null
                : production.occurredAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        Recalls.Recall recall = recalls.covering(claimed.id(), code, producedOn)
                .or(() -> intake.stationRecall(code).map(e -> new Recalls.Recall("station-" + e.details().get("recall"),
                        claimed.id(), java.util.List.of(code), null, null, e.reason(), e.occurredAt())))
                .orElse(null);
        ctx.html(PublicPage.render(new PublicPage.View(code, claimed, master.producer(claimed.producerId()).orElse(null),
                status, scanned, production, recall)));
    }

    static byte[] contract() {
        try (InputStream in = PublicRoutes.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("contract resource " + CONTRACT + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
