package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.master.UsccConfirmation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Producer and product master data entered by an admin at the panel (a station without a
 * platform): the same mandatory-field checks (guideline 5.3.3) as {@code master-data import},
 * every problem named by its field, every save audited by {@link MasterDataStore}.
 */
final class MasterDataApi {

    private final MasterDataStore store;

    /** @param store the station's master data, or null when this panel has none (then 404) */
    MasterDataApi(MasterDataStore store) {
        this.store = store;
    }

    /** GET /master/producers. */
    void producers(Context ctx) {
        ctx.json(store().producers().stream().map(this::json).toList());
    }

    /** PUT /master/producers/{id} {name, uscc, address, contact, businessLicence}. */
    void saveProducer(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        Producer producer = new Producer(ctx.pathParam("id"), Bodies.text(body, "name"), Bodies.text(body, "uscc"),
                Bodies.text(body, "address"), Bodies.text(body, "contact"), Bodies.text(body, "businessLicence"));
        store().save(producer, LineApi.actor(ctx));
        ctx.json(json(producer));
    }

    /**
     * POST /master/uscc-confirmations {uscc, confirmedBy}: a person confirmed with the registration
     * authority a USCC whose check character fails (some early codes were issued so); a producer with
     * it may then be saved. Audited.
     */
    void confirmUscc(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        String uscc = Bodies.text(body, "uscc");
        UsccConfirmation c = store().confirmUscc(uscc == null ? "" : uscc, Bodies.text(body, "confirmedBy"),
                LineApi.actor(ctx));
        ctx.status(201).json(json(c));
    }

    /** GET /master/products. */
    void products(Context ctx) {
        ctx.json(store().products().stream().map(MasterDataApi::json).toList());
    }

    /** PUT /master/products/{id} {producer, name, type, specification, mandatoryStandard, inspectionReport, …}. */
    void saveProduct(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        String producerId = Bodies.text(body, "producer");
        Producer producer = producerId == null ? null : store().producer(producerId).orElseThrow(() ->
                new InvalidInputException("product " + ctx.pathParam("id"), List.of(new Problem("product.producer",
                        "producer '" + producerId + "' is not registered"))));
        Product product = new Product(ctx.pathParam("id"), producer, Bodies.text(body, "name"),
                Bodies.text(body, "type"), Bodies.text(body, "specification"), Bodies.text(body, "mandatoryStandard"),
                Bodies.text(body, "inspectionReport"), Bodies.text(body, "licenceNumber"),
                Bodies.text(body, "warranty"), Bodies.text(body, "instructions"), Bodies.text(body, "gtin"));
        store().save(product, LineApi.actor(ctx));
        ctx.json(json(product));
    }

    private MasterDataStore store() {
        if (store == null) {
            throw new NotFoundException("master data of this station");
        }
        return store;
    }

    /** A producer, with the confirmation of its USCC (who, when, where) when one is on record. */
    private Map<String, Object> json(Producer p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("uscc", p.uscc());
        out.put("address", p.address());
        out.put("contact", p.contact());
        out.put("businessLicence", p.businessLicence());
        out.put("usccConfirmation", p.uscc() == null ? null : store().usccConfirmation(p.uscc())
                .map(MasterDataApi::json).orElse(null));
        return out;
    }

    private static Map<String, Object> json(UsccConfirmation c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uscc", c.uscc());
        out.put("confirmedBy", c.confirmedBy());
        out.put("confirmedAt", c.confirmedAt().toString());
        out.put("confirmedOn", c.confirmedOn());
        return out;
    }

    private static Map<String, Object> json(Product p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("producer", p.producer() == null ? null : p.producer().id());
        out.put("name", p.name());
        out.put("type", p.type());
        out.put("specification", p.specification());
        out.put("mandatoryStandard", p.mandatoryStandard());
        out.put("inspectionReport", p.inspectionReport());
        out.put("licenceNumber", blankToNull(p.licenceNumber()));
        out.put("warranty", blankToNull(p.warranty()));
        out.put("instructions", blankToNull(p.instructions()));
        out.put("gtin", blankToNull(p.gtin()));
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
