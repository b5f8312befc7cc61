package io.tracemark.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.core.CodeState;
import io.tracemark.core.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codes of one package on their way into the ledger, {@value #BATCH} at a time inside the
 * import's transaction: each batch is checked (syntax, scheme, duplicates within it), then inserted
 * with one statement; a code the insert skips was already in the ledger, or earlier in this file.
 */
final class ImportBatches implements PackageSink {

    static final int BATCH = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CodeValidator validator;
    private final ProblemList problems = new ProblemList();
    private final List<CodeLine> batch = new ArrayList<>(BATCH);
    private final List<Problem> batchProblems = new ArrayList<>();
    private final PreparedStatement insert;
    private final PreparedStatement conflicts;
    private final PreparedStatement maxId;
    private final long packageId;
    private boolean firstCode = true;
    private long imported;

    ImportBatches(Connection conn, long packageId, String scheme, CodeValidator validator, long now) throws SQLException {
        this.packageId = packageId;
        this.validator = validator;
        insert = conn.prepareStatement("INSERT OR IGNORE INTO codes (code, scheme, package_id, state, updated_at) "
                + "SELECT value, ?, ?, '" + CodeState.AVAILABLE + "', ? FROM json_each(?) ORDER BY key");
        insert.setString(1, scheme);
        insert.setLong(2, packageId);
        insert.setLong(3, now);
        conflicts = conn.prepareStatement("SELECT j.key, c.package_id FROM json_each(?) j JOIN codes c ON c.code = j.value"
                + " WHERE c.package_id <> ? OR c.id <= ? ORDER BY j.key");
        maxId = conn.prepareStatement("SELECT coalesce(max(id), 0) FROM codes");
    }

    @Override
    public void code(CodeLine line) {
        Optional<String> problem = CodeSyntax.problem(line.code());
        if (problem.isEmpty()) {
            problem = validator.problem(line.code());
        }
        if (problem.isPresent()) {
            String hint = firstCode && line.code().contains(",") ? "; read as a CSV header it has no 'code' column" : "";
            batchProblems.add(new Problem("line " + line.line(), problem.get() + hint));
        } else {
            batch.add(line);
        }
        firstCode = false;
        if (batch.size() == BATCH) {
            flush();
        }
    }

    @Override
    public void problem(Problem problem) {
        batchProblems.add(problem);
    }

    /** Inserts what is left. */
    void finish() {
        flush();
    }

    long imported() {
        return imported;
    }

    ProblemList problems() {
        return problems;
    }

    private void flush() {
        try {
            insertBatch();
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
        problems.addBatch(batchProblems);
        batchProblems.clear();
        batch.clear();
    }

    private void insertBatch() throws SQLException {
        Map<String, Integer> inBatch = new HashMap<>(batch.size() * 2);
        List<CodeLine> unique = new ArrayList<>(batch.size());
        for (CodeLine line : batch) {
            if (inBatch.putIfAbsent(line.code(), line.line()) != null) {
                batchProblems.add(ProblemList.duplicate(line));
            } else {
                unique.add(line);
            }
        }
        if (unique.isEmpty()) {
            return;
        }
        long before;
        try (ResultSet rs = maxId.executeQuery()) {
            rs.next();
            before = rs.getLong(1);
        }
        String array = jsonArray(unique);
        insert.setString(4, array);
        int inserted = insert.executeUpdate();
        imported += inserted;
        if (inserted == unique.size()) {
            return;
        }
        conflicts.setString(1, array);
        conflicts.setLong(2, packageId);
        conflicts.setLong(3, before);
        try (ResultSet rs = conflicts.executeQuery()) {
            while (rs.next()) {
                CodeLine line = unique.get(rs.getInt(1));
                batchProblems.add(rs.getLong(2) == packageId ? ProblemList.duplicate(line)
                        : new Problem("line " + line.line(), "already in ledger (" + line.code() + ")"));
            }
        }
    }

    private static String jsonArray(List<CodeLine> lines) {
        try {
            return JSON.writeValueAsString(lines.stream().map(CodeLine::code).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write codes as JSON", e);
        }
    }

    /** An SQL failure inside the sink, unwrapped again by the importer. */
    static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
