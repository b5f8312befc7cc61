package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.line.LineControl;
import io.tracemark.line.LiveUnit;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live view of one unit at a time: its verdict, the camera frame judged for it (a scaled JPEG with
 * the box where the code was found) and its label, each asked for by the unit's id so that the three
 * never come from different units.
 */
final class LiveApi {

    private final LineControl line;

    LiveApi(LineControl line) {
        this.line = line;
    }

    /** GET /live: the unit shown now. */
    void unit(Context ctx) {
        ctx.json(json(line.liveUnit().orElseThrow(() -> new NotFoundException("unit judged since the station started"))));
    }

    /** GET /live/{unitId}/frame.jpg */
    void frame(Context ctx) {
        long unitId = LineApi.pathLong(ctx, "unitId");
        LiveUnit unit = line.liveUnit(unitId).orElseThrow(() -> new NotFoundException("live unit " + unitId));
        BufferedImage frame = line.liveFrame(unitId).orElseThrow(() -> new NotFoundException("camera frame of unit "
                + unitId));
        jpeg(ctx, FrameJpeg.encode(frame, unit.foundAt()));
    }

    /** GET /live/{unitId}/label.png: drawn from the ZPL the station sent for the unit's code. */
    void label(Context ctx) {
        long unitId = LineApi.pathLong(ctx, "unitId");
        byte[] png = line.liveLabel(unitId).orElseThrow(() -> new NotFoundException("label of unit " + unitId));
        ctx.header("Cache-Control", "private, max-age=300").contentType("image/png").result(png);
    }

    /** GET /camera/frame.jpg: the latest camera frame, for drawing a code box on. */
    void latestFrame(Context ctx) {
        BufferedImage frame = line.latestFrame().orElseThrow(() -> new NotFoundException("camera frame"));
        ctx.header("X-Frame-Width", String.valueOf(frame.getWidth()));
        ctx.header("X-Frame-Height", String.valueOf(frame.getHeight()));
        jpeg(ctx, FrameJpeg.encode(frame, Optional.empty()));
    }

    private static void jpeg(Context ctx, byte[] bytes) {
        ctx.header("Cache-Control", "no-store").contentType("image/jpeg").result(bytes);
    }

    static Map<String, Object> json(LiveUnit u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unitId", u.unitId());
        out.put("seq", u.seq());
        out.put("code", u.code());
        out.put("challenge", u.challenge());
        out.put("verified", u.verified());
        out.put("reason", u.reason());
        out.put("grade", u.grade());
        out.put("read", u.read());
        out.put("at", u.at());
        out.put("jobId", u.jobId());
        out.put("hasFrame", u.hasFrame());
        out.put("foundAt", u.foundAt().map(LiveApi::box).orElse(null));
        out.put("frameWidth", u.frameWidth());
        out.put("frameHeight", u.frameHeight());
        return out;
    }

    static Map<String, Object> box(Rectangle r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", r.x);
        out.put("y", r.y);
        out.put("width", r.width);
        out.put("height", r.height);
        return out;
    }
}
