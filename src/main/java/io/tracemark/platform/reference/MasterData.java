package io.tracemark.platform.reference;

import io.tracemark.codes.UsccRegistration;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.UsccConfirmation;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Producers, products and station tokens of the reference platform. */
final class MasterData {

    private final PlatformDatabase db;
    private final Supplier<String> where;

    /** @param where this platform's name, recorded with each USCC confirmation made on it */
    MasterData(PlatformDatabase db, Supplier<String> where) {
        this.db = db;
        this.where = where;
    }

    /** Body of {@code POST /admin/uscc-confirmations}. */
    record NewUsccConfirmation(String uscc, String confirmedBy) {
    }

    /**
     * Stores a producer. A USCC that fails its check is refused unless a person confirmed it
     * ({@link #confirmUscc}); any other invalid USCC is refused.
     */
    void putProducer(Producer producer) {
        requireId("id", producer.id());
        if (producer.uscc() != null && !producer.uscc().isBlank()) {
            UsccRegistration.refusal(producer.uscc(), usccConfirmation(producer.uscc()).isPresent())
                    .ifPresent(reason -> {
                        throw ApiException.badRequest("uscc", reason);
                    });
        }
        // confirmations live in their own table; one sent with the producer is not taken as made
        Producer stored = producer.withUsccConfirmation(null);
        db.inTransaction(c -> Rows.update(c, "INSERT INTO producers(id, json) VALUES(?, ?)"
                + " ON CONFLICT(id) DO UPDATE SET json = excluded.json", stored.id(), Rows.json(stored)));
    }

    void putProduct(Product product) {
        requireId("id", product.id());
        if (producer(product.producerId()).isEmpty()) {
            throw ApiException.badRequest("producerId", "no producer " + product.producerId());
        }
        db.inTransaction(c -> Rows.update(c, "INSERT INTO products(id, producer_id, json) VALUES(?, ?, ?)"
                + " ON CONFLICT(id) DO UPDATE SET producer_id = excluded.producer_id, json = excluded.json",
                product.id(), product.producerId(), Rows.json(product)));
    }

    /** Records that {@code person} confirmed {@code uscc} with the registration authority; kept as the audit record. */
    UsccConfirmation confirmUscc(String uscc, String person) {
        if (person == null || person.isBlank()) {
            throw ApiException.badRequest("confirmedBy", "the confirming person's name is required");
        }
        UsccRegistration.confirmationRefusal(uscc == null ? "" : uscc).ifPresent(reason -> {
            throw ApiException.badRequest("uscc", reason);
        });
        UsccConfirmation c = new UsccConfirmation(uscc, person, Instant.now().truncatedTo(ChronoUnit.MILLIS), where.get());
        db.inTransaction(conn -> Rows.update(conn, "INSERT OR REPLACE INTO uscc_confirmations(uscc, confirmed_by,"
                + " confirmed_at) VALUES(?, ?, ?)", c.uscc(), c.confirmedBy(), c.confirmedAt().toString()));
        return c;
    }

    /** Who confirmed {@code uscc} and when, if anyone did. */
    Optional<UsccConfirmation> usccConfirmation(String uscc) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT confirmed_by, confirmed_at FROM uscc_confirmations WHERE uscc = ?")) {
                ps.setString(1, uscc);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new UsccConfirmation(uscc, rs.getString(1),
                            Instant.parse(rs.getString(2)), where.get())) : Optional.<UsccConfirmation>empty();
                }
            }
        });
    }

    /** The producer as stored; its USCC confirmation is not part of it (see {@link #withConfirmation}). */
    Optional<Producer> producer(String id) {
        return db.inTransaction(c -> Rows.one(c, Producer.class, "SELECT json FROM producers WHERE id = ?", id));
    }

    /** The producer with the confirmation of its USCC when one is on record, as stations receive it. */
    Producer withConfirmation(Producer producer) {
        String uscc = producer.uscc();
        return uscc == null || uscc.isBlank() ? producer
                : producer.withUsccConfirmation(usccConfirmation(uscc).orElse(null));
    }

    Optional<Product> product(String id) {
        return db.inTransaction(c -> Rows.one(c, Product.class, "SELECT json FROM products WHERE id = ?", id));
    }

    /** The product whose GTIN is {@code gtin} (the first by id if several claim it). */
    Optional<Product> productWithGtin(String gtin) {
        return db.inTransaction(c -> Rows.one(c, Product.class,
                "SELECT json FROM products WHERE json_extract(json, '$.gtin') = ? ORDER BY id LIMIT 1", gtin));
    }

    List<Producer> producers() {
        return db.inTransaction(c -> Rows.list(c, Producer.class, "SELECT json FROM producers ORDER BY id"));
    }

    List<Product> productsOf(String producerId) {
        return db.inTransaction(c -> Rows.list(c, Product.class,
                "SELECT json FROM products WHERE producer_id = ? ORDER BY id", producerId));
    }

    /** Issues a new station token for a producer. */
    String addStation(String producerId, String name) {
        if (producer(producerId).isEmpty()) {
            throw ApiException.badRequest("producerId", "no producer " + producerId);
        }
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String token = "st_" + HexFormat.of().formatHex(bytes);
        addStation(producerId, name, token);
        return token;
    }

    void addStation(String producerId, String name, String token) {
        db.inTransaction(c -> Rows.update(c, "INSERT OR REPLACE INTO stations(token, producer_id, name) VALUES(?, ?, ?)",
                token, producerId, name));
    }

    /** The producer a station token belongs to, if the token is known. */
    Optional<String> producerOfToken(String token) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT producer_id FROM stations WHERE token = ?")) {
                ps.setString(1, token);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The first station token of a producer, if any (for the seeded demo). */
    Optional<String> anyTokenOf(String producerId) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT token FROM stations WHERE producer_id = ? ORDER BY rowid LIMIT 1")) {
                ps.setString(1, producerId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Mandatory fields still missing for a product and its producer, as field paths. */
    List<FieldProblem> missingForActivation(Product product) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        for (String f : product.missingFields()) {
            problems.add(new FieldProblem("product." + f, "mandatory (guideline 5.3.3) but missing"));
        }
        Optional<Producer> producer = producer(product.producerId());
        if (producer.isEmpty()) {
            problems.add(new FieldProblem("product.producerId", "no producer " + product.producerId()));
        } else {
            for (String f : producer.get().missingFields()) {
                problems.add(new FieldProblem("producer." + f, "mandatory (guideline 5.3.3.1) but missing"));
            }
            String uscc = producer.get().uscc();
            if (uscc != null && !uscc.isBlank()) {
                UsccRegistration.refusal(uscc, usccConfirmation(uscc).isPresent())
                        .ifPresent(reason -> problems.add(new FieldProblem("producer.uscc", reason)));
            }
        }
        return problems;
    }

    private static void requireId(String field, String id) {
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ApiException.badRequest(field, "must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}
