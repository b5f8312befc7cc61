package io.tracemark.master;

import io.tracemark.codes.UsccRegistration;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Producers and products in the station database. Saving refuses a record whose mandatory fields
 * (guideline 5.3.3) are missing, naming each one, and a producer whose USCC is invalid; a USCC whose
 * only fault is its check character is taken once a person has confirmed it
 * ({@link #confirmUscc}). Every save and confirmation is audited.
 */
public final class MasterDataStore {

    private static final String PRODUCT_COLUMNS = "p.id, p.name, p.type, p.specification, p.mandatory_standard, "
            + "p.inspection_report, p.licence_number, p.warranty, p.instructions, p.gtin, "
            + "r.id, r.name, r.uscc, r.address, r.contact, r.business_licence";

    private final Database db;
    private final AuditLog audit;

    public MasterDataStore(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The product recipes kept beside this master data (same database, same audit log). */
    public RecipeStore recipes() {
        return new RecipeStore(db, audit, this, java.time.Clock.systemUTC());
    }

    /** Inserts or replaces a producer. */
    public void save(Producer producer, String actor) {
        List<Problem> problems = problems(producer);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("producer " + producer.id(), problems);
        }
        db.inTransaction(conn -> {
            write(conn, producer, actor);
            return null;
        });
    }

    /** Inserts or replaces a product; its producer must be saved already. */
    public void save(Product product, String actor) {
        List<Problem> problems = problems(product);
        if (product.producer() != null && producer(product.producer().id()).isEmpty()) {
            problems.add(new Problem("product.producer", "producer '" + product.producer().id() + "' is not registered"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("product " + product.id(), problems);
        }
        db.inTransaction(conn -> {
            write(conn, product, actor);
            return null;
        });
    }

    /**
     * Saves producers, then products, in one transaction: all or none. Each record is checked as
     * {@link #save(Producer, String)} checks it (a product's producer may be one of {@code producers});
     * each is audited, and the whole as {@code master-data.import} with {@code what}.
     */
    public void saveAll(List<Producer> producers, List<Product> products, String actor, String what) {
        saveAll(producers, products, java.util.Map.of(), actor, what);
    }

    /**
     * As {@link #saveAll(List, List, String, String)}, and sets the component roles (组合多码) of the products in
     * {@code roles} (an empty list clears them); products not in {@code roles} keep theirs.
     */
    public void saveAll(List<Producer> producers, List<Product> products, java.util.Map<String, List<ComponentRole>> roles,
                        String actor, String what) {
        List<Problem> problems = new ArrayList<>();
        producers.forEach(p -> problems.addAll(problems(p)));
        java.util.Set<String> incoming = new java.util.HashSet<>();
        producers.forEach(p -> incoming.add(p.id()));
        for (Product p : products) {
            problems.addAll(problems(p));
            if (p.producer() != null && !incoming.contains(p.producer().id()) && producer(p.producer().id()).isEmpty()) {
                problems.add(new Problem("product.producer", "producer '" + p.producer().id() + "' is not registered"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("master data " + what, problems);
        }
        db.inTransaction(conn -> {
            for (Producer p : producers) {
                write(conn, p, actor);
            }
            for (Product p : products) {
                write(conn, p, actor);
            }
            for (var e : roles.entrySet()) {
                ComponentRoleRows.replace(conn, e.getKey(), e.getValue());
                audit.record(conn, actor, "product.components", e.getKey() + ": " + ComponentRole.format(e.getValue()));
            }
            audit.record(conn, actor, "master-data.import", what + ": " + producers.size() + " producers, "
                    + products.size() + " products");
            return null;
        });
    }

    /**
     * What keeps a producer from being saved: its mandatory fields (5.3.3.1), its id, and a USCC
     * that is invalid, or fails only its check character without a person's confirmation.
     */
    public List<Problem> problems(Producer producer) {
        List<Problem> problems = new ArrayList<>(producer.missingMandatoryFields());
        requireId(problems, "producer.id", producer.id());
        if (producer.uscc() != null && !producer.uscc().isBlank()) {
            UsccRegistration.refusal(producer.uscc(), usccConfirmation(producer.uscc()).isPresent())
                    .ifPresent(reason -> problems.add(new Problem("producer.uscc", reason)));
        }
        return problems;
    }

    /** What keeps a product from being saved, its producer's fields included (its registration aside). */
    public List<Problem> problems(Product product) {
        List<Problem> problems = new ArrayList<>(product.missingMandatoryFields());
        requireId(problems, "product.id", product.id());
        return problems;
    }

    private void write(Connection conn, Producer producer, String actor) throws SQLException {
        Optional<Producer> before = producer(conn, producer.id());
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO producers(id, name, uscc, address, contact, "
                + "business_licence) VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                + "uscc=excluded.uscc, address=excluded.address, contact=excluded.contact, "
                + "business_licence=excluded.business_licence")) {
            bind(ps, producer.id(), producer.name(), producer.uscc(), producer.address(), producer.contact(),
                    producer.businessLicence());
            ps.executeUpdate();
        }
        audit.record(conn, actor, "producer.save", producer.id() + " " + producer.name()
                + FieldChanges.describe(before.orElse(null), producer));
    }

    private void write(Connection conn, Product product, String actor) throws SQLException {
        Optional<Product> before = queryProducts(conn, " WHERE p.id = ?", product.id()).stream().findFirst();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO products(id, producer_id, name, type, "
                + "specification, mandatory_standard, inspection_report, licence_number, warranty, instructions, gtin) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET producer_id=excluded.producer_id, "
                + "name=excluded.name, type=excluded.type, specification=excluded.specification, "
                + "mandatory_standard=excluded.mandatory_standard, inspection_report=excluded.inspection_report, "
                + "licence_number=excluded.licence_number, warranty=excluded.warranty, "
                + "instructions=excluded.instructions, gtin=excluded.gtin")) {
            bind(ps, product.id(), product.producer().id(), product.name(), product.type(), product.specification(),
                    product.mandatoryStandard(), product.inspectionReport(), nz(product.licenceNumber()),
                    nz(product.warranty()), nz(product.instructions()), nz(product.gtin()));
            ps.executeUpdate();
        }
        audit.record(conn, actor, "product.save", product.id() + " " + product.name()
                + FieldChanges.describe(before.orElse(null), product));
    }

    /**
     * Records that {@code person} confirmed {@code uscc} with the registration authority, so that a
     * producer with that code may be saved although its check character fails. Audited.
     *
     * @throws InvalidInputException when the code needs no confirmation (valid) or cannot have one
     *                               (invalid beyond its check character), or {@code person} is blank
     */
    public UsccConfirmation confirmUscc(String uscc, String person, String actor) {
        return store(new UsccConfirmation(uscc, person, Instant.now().truncatedTo(ChronoUnit.MILLIS)), actor);
    }

    /**
     * Takes a confirmation a person made on the traceability platform ({@code confirmation.confirmedOn()}
     * names it), as it came with the platform's master data; audited with who, when and where. A
     * confirmation already on record with the same content is not stored or audited again.
     *
     * @throws InvalidInputException as {@link #confirmUscc} does, or when it does not say where it was made
     */
    public UsccConfirmation takePlatformConfirmation(UsccConfirmation confirmation, String actor) {
        if (confirmation.confirmedOn() == null || confirmation.confirmedOn().isBlank()
                || confirmation.confirmedAt() == null) {
            throw new InvalidInputException("USCC confirmation", List.of(new Problem("usccConfirmation",
                    "a confirmation from the platform must say when and where it was made")));
        }
        UsccConfirmation exact = new UsccConfirmation(confirmation.uscc(), confirmation.confirmedBy(),
                confirmation.confirmedAt().truncatedTo(ChronoUnit.MILLIS), confirmation.confirmedOn());
        if (usccConfirmation(exact.uscc()).equals(Optional.of(exact))) {
            return exact;
        }
        return store(exact, actor);
    }

    private UsccConfirmation store(UsccConfirmation c, String actor) {
        List<Problem> problems = new ArrayList<>();
        MandatoryFields.require(problems, "confirmedBy", c.confirmedBy(), "the confirming person");
        UsccRegistration.confirmationRefusal(c.uscc()).ifPresent(r -> problems.add(new Problem("uscc", r)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("USCC confirmation", problems);
        }
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO uscc_confirmations(uscc, confirmed_by,"
                    + " confirmed_at, confirmed_on) VALUES (?,?,?,?) ON CONFLICT(uscc) DO UPDATE SET"
                    + " confirmed_by=excluded.confirmed_by, confirmed_at=excluded.confirmed_at,"
                    + " confirmed_on=excluded.confirmed_on")) {
                bind(ps, c.uscc(), c.confirmedBy(), c.confirmedAt().toEpochMilli(), c.confirmedOn());
                ps.executeUpdate();
            }
            audit.record(conn, actor, "uscc.confirm", c.uscc() + " confirmed by " + c.confirmedBy()
                    + (c.onPlatform() ? " on " + c.confirmedOn() + " at " + c.confirmedAt() : "")
                    + " with the registration authority although its check character fails");
            return null;
        });
        return c;
    }

    /** The person's confirmation of {@code uscc}, if one is on record (to show beside the code). */
    public Optional<UsccConfirmation> usccConfirmation(String uscc) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT confirmed_by, confirmed_at, confirmed_on FROM uscc_confirmations WHERE uscc = ?")) {
                ps.setString(1, uscc);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new UsccConfirmation(uscc, rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3))) : Optional.<UsccConfirmation>empty();
                }
            }
        });
    }

    public Optional<Producer> producer(String id) {
        return db.read(conn -> producer(conn, id));
    }

    /** Every producer, by name. */
    public List<Producer> producers() {
        return db.read(conn -> {
            List<Producer> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, name, uscc, address, contact, "
                    + "business_licence FROM producers ORDER BY name, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(producer(rs, 1));
                }
            }
            return out;
        });
    }

    private static Optional<Producer> producer(Connection conn, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name, uscc, address, contact, "
                + "business_licence FROM producers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(producer(rs, 1)) : Optional.empty();
            }
        }
    }

    public Optional<Product> product(String id) {
        List<Product> found = queryProducts(" WHERE p.id = ?", id);
        return found.stream().findFirst();
    }

    /** The component roles of a 组合多码 product, in order; empty for a product that is not a set of components. */
    public List<ComponentRole> componentRoles(String productId) {
        return db.read(conn -> ComponentRoleRows.roles(conn, productId));
    }

    /** Every product, by name. */
    public List<Product> products() {
        return queryProducts(" ORDER BY p.name, p.id");
    }

    private List<Product> queryProducts(String where, Object... args) {
        return db.read(conn -> queryProducts(conn, where, args));
    }

    private static List<Product> queryProducts(Connection conn, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + PRODUCT_COLUMNS
                + " FROM products p JOIN producers r ON r.id = p.producer_id" + where)) {
            bind(ps, args);
            List<Product> products = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.add(new Product(rs.getString(1), producer(rs, 11), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
            return products;
        }
    }

    private static Producer producer(ResultSet rs, int first) throws SQLException {
        return new Producer(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5));
    }

    private static void requireId(List<Problem> problems, String field, String id) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new Problem(field, "must be 1–64 letters, digits, '.', '_' or '-', was '" + id + "'"));
        }
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
