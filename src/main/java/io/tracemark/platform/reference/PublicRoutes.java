package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.Product;
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

    PublicRoutes(MasterData master, EventIntake intake, ScanCounter scans) {
        this.master = master;
        this.intake = intake;
        this.scans = scans;
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
            ctx.status(404).html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>未找到</title>"
                    + "</head><body><h1>未找到该追溯码</h1><p id=\"counterfeit\"><code>" + PublicPage.esc(code)
                    + "</code> 不是本平台发放的追溯码，请谨防假冒。</p></body></html>");
            return;
        }
        ctx.html(PublicPage.render(code, claimed, master.producer(claimed.producerId()).orElse(null), status, scanned));
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
