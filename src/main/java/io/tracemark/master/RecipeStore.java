package io.tracemark.master;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Product recipes in the station database: saved whole or refused with every problem (an unknown
 * product included), removed by id; every save and removal is audited.
 */
public final class RecipeStore {

    private static final String COLUMNS = "id, name, product_id, template, printer, scanner, scheme, minimum_grade, "
            + "case_size, trace_level";

    private final Database db;
    private final AuditLog audit;
    private final MasterDataStore masterData;
    private final Clock clock;

    public RecipeStore(Database db, AuditLog audit, MasterDataStore masterData, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.masterData = masterData;
        this.clock = clock;
    }

    /** Every recipe, by name. */
    public List<Recipe> all() {
        return db.read(conn -> {
            List<Recipe> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM recipes ORDER BY name, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(recipe(rs));
                }
            }
            return out;
        });
    }

    public Optional<Recipe> recipe(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Inserts or replaces a recipe; InvalidInputException with every problem, nothing stored. */
    public void save(Recipe recipe, String actor) {
        List<Problem> problems = new ArrayList<>(recipe.problems());
        if (recipe.productId() != null && !recipe.productId().isBlank()
                && masterData.product(recipe.productId()).isEmpty()) {
            problems.add(new Problem("productId", "unknown product '" + recipe.productId() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("recipe " + recipe.id(), problems);
        }
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO recipes(" + COLUMNS
                    + ", updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, recipe.id());
                ps.setString(2, recipe.name().strip());
                ps.setString(3, recipe.productId());
                ps.setString(4, recipe.template());
                ps.setString(5, recipe.printer());
                ps.setString(6, recipe.scanner());
                ps.setString(7, recipe.scheme());
                ps.setString(8, recipe.minimumGrade());
                if (recipe.caseSize() == null) {
                    ps.setNull(9, Types.INTEGER);
                } else {
                    ps.setInt(9, recipe.caseSize());
                }
                ps.setString(10, recipe.traceLevel());
                ps.setString(11, actor);
                ps.setLong(12, clock.millis());
                ps.executeUpdate();
            }
            audit.record(conn, actor, "recipe.save", recipe.toString());
            return null;
        });
    }

    /** Removes a recipe; false when there was none with that id. */
    public boolean remove(String id, String actor) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM recipes WHERE id = ?")) {
                ps.setString(1, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.record(conn, actor, "recipe.remove", "recipe " + id);
            return true;
        });
    }

    private static Recipe recipe(ResultSet rs) throws SQLException {
        int caseSize = rs.getInt(9);
        Integer size = rs.wasNull() ? null : caseSize;
        return new Recipe(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), size, rs.getString(10));
    }
}
