package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Recipe;
import io.tracemark.master.RecipeStore;
import java.util.List;

/** Product recipes: listed for everyone who sets up jobs, saved and removed by a supervisor. */
final class RecipeApi {

    private final RecipeStore store;

    /** @param masterData the station's master data, or null when this panel has none (then 404) */
    RecipeApi(MasterDataStore masterData) {
        this.store = masterData == null ? null : masterData.recipes();
    }

    /** GET /recipes. */
    void list(Context ctx) {
        ctx.json(store().all());
    }

    /** PUT /recipes/{id} {name, productId, template, printer, scanner, scheme, minimumGrade, caseSize, traceLevel}. */
    void save(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        Recipe recipe = new Recipe(ctx.pathParam("id"), Bodies.text(body, "name"), Bodies.text(body, "productId"),
                Bodies.text(body, "template"), Bodies.text(body, "printer"), Bodies.text(body, "scanner"),
                Bodies.text(body, "scheme"), Bodies.text(body, "minimumGrade"), caseSize(body),
                Bodies.text(body, "traceLevel"));
        store().save(recipe, LineApi.actor(ctx));
        ctx.json(recipe);
    }

    /** DELETE /recipes/{id}: 204, or 404 when there is none. */
    void remove(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store().remove(id, LineApi.actor(ctx))) {
            throw new NotFoundException("recipe " + id);
        }
        ctx.status(204);
    }

    private static Integer caseSize(JsonNode body) {
        String text = Bodies.text(body, "caseSize");
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("recipe", List.of(new Problem("caseSize", "not a whole number: '" + text + "'")));
        }
    }

    private RecipeStore store() {
        if (store == null) {
            throw new NotFoundException("master data of this station");
        }
        return store;
    }
}
