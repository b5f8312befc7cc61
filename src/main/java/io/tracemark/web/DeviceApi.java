package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.line.CodeBox;
import io.tracemark.line.LineControl;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device page (printer status for people, scanner and gate links, counters), the hands-on actions
 * at a simulated line's virtual devices, and the camera's code box.
 */
final class DeviceApi {

    private static final List<String> BOX_FIELDS = List.of("x", "y", "width", "height", "frameWidth", "frameHeight");

    private final LineControl line;
    private final AuditTrail audit;
    private volatile VirtualControls virtual = VirtualControls.NONE;

    DeviceApi(LineControl line, AuditTrail audit) {
        this.line = line;
        this.audit = audit;
    }

    void use(VirtualControls controls) {
        this.virtual = controls;
    }

    /** GET /devices/state: every device as of now, and the virtual devices' actions (none on real devices). */
    void states(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("devices", line.deviceStates());
        out.put("virtual", virtual.actions());
        ctx.json(out);
    }

    /** POST /devices/{name}/virtual/{action}: done at the virtual device, as a person at the printer would. */
    void virtualAction(Context ctx) {
        String device = ctx.pathParam("name");
        String action = ctx.pathParam("action");
        List<String> offered = virtual.actions().get(device);
        if (offered == null || !offered.contains(action)) {
            throw new NotFoundException("action " + action + " at virtual device " + device);
        }
        virtual.perform(device, action);
        audit.record(LineApi.actor(ctx), "virtual." + action, device);
        ctx.status(204);
    }

    /** GET /scanners/{name}/code-box: the stored box (or null) and the latest frame's size. */
    void codeBox(Context ctx) {
        String scanner = ctx.pathParam("name");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scanner", scanner);
        out.put("codeBox", line.codeBox(scanner).map(DeviceApi::json).orElse(null));
        out.put("frame", line.latestFrame().map(f -> Map.of("width", f.getWidth(), "height", f.getHeight())).orElse(null));
        ctx.json(out);
    }

    /** PUT /scanners/{name}/code-box {x, y, width, height, frameWidth, frameHeight}. */
    void saveCodeBox(Context ctx) {
        String scanner = ctx.pathParam("name");
        JsonNode body = Bodies.object(ctx);
        List<Problem> problems = new ArrayList<>();
        int[] v = new int[BOX_FIELDS.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = body.get(BOX_FIELDS.get(i));
            if (n == null || n.isNull()) {
                problems.add(new Problem(BOX_FIELDS.get(i), BOX_FIELDS.get(i) + " is required"));
            } else if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                problems.add(new Problem(BOX_FIELDS.get(i), "not a whole number: '" + n.asText() + "'"));
            } else {
                v[i] = n.intValue();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("code box of " + scanner, problems);
        }
        CodeBox box = new CodeBox(new Rectangle(v[0], v[1], v[2], v[3]), v[4], v[5], "", java.time.Instant.EPOCH);
        ctx.json(json(line.setCodeBox(scanner, Optional.of(box), LineApi.actor(ctx)).orElseThrow()));
    }

    /** DELETE /scanners/{name}/code-box: the decoder searches the whole frame again. */
    void removeCodeBox(Context ctx) {
        line.setCodeBox(ctx.pathParam("name"), Optional.empty(), LineApi.actor(ctx));
        ctx.status(204);
    }

    static Map<String, Object> json(CodeBox b) {
        Map<String, Object> out = new LinkedHashMap<>(LiveApi.box(b.box()));
        out.put("frameWidth", b.frameWidth());
        out.put("frameHeight", b.frameHeight());
        out.put("setBy", b.setBy());
        out.put("setAt", b.setAt());
        return out;
    }
}
