package io.tracemark.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.core.CodeState;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports code packages all-or-nothing: every line is checked (syntax, scheme, duplicates in the
 * file and in the ledger) and only a package without a single problem is committed, in one
 * transaction with batched inserts.
 */
final class CodeImporter {

    /** At most this many problems are listed; the total is always reported. */
    static final int MAX_LISTED = 100;

    private static final int BATCH = 10_000;
    private static final int LARGE = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Transactions writes;
    private final AuditLog audit;
    private final Clock clock;

    CodeImporter(Database db, Transactions writes, AuditLog audit, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.audit = audit;
        this.clock = clock;
    }

    ImportOutcome importBytes(String fileName, byte[] bytes, String scheme, String productId, CodeValidator validator,
                              String actor) {
        long started = System.nanoTime();
        String sha256 = sha256(bytes);
        Optional<ImportOutcome> earlier = findPackage(sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        PackageContent content = CodePackageReader.read(fileName, bytes);
        return commit(fileName, scheme, productId, sha256, content, validator, actor, started);
    }

    ImportOutcome importCodes(List<String> codes, String source, String scheme, String productId, CodeValidator validator,
                              String actor) {
        long started = System.nanoTime();
        String sha256 = sha256(String.join("\n", codes).getBytes(StandardCharsets.UTF_8));
        Optional<ImportOutcome> earlier = findPackage(sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<CodeLine> lines = new ArrayList<>(codes.size());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            lines.add(new CodeLine(i + 1, code));
        }
        return commit(source, scheme, productId, sha256, new PackageContent(lines, problems), validator, actor, started);
    }

    private ImportOutcome commit(String source, String scheme, String productId, String sha256, PackageContent content,
                                 CodeValidator validator, String actor, long started) {
        List<Problem> problems = new ArrayList<>(content.problems());
        List<CodeLine> good = check(content.lines(), validator, problems);
        if (content.lines().isEmpty() && content.problems().isEmpty()) {
            problems.add(new Problem("file", "holds no codes"));
        }
        String what = "code package " + source + " (scheme " + scheme + ")";
        ImportOutcome outcome = writes.inTransaction(conn -> {
            Optional<ImportOutcome> raced = findPackage(conn, sha256);
            if (raced.isPresent()) {
                return raced.get();
            }
            long packageId = insertPackage(conn, source, scheme, productId, sha256, content.lines().size(), actor);
            insertCodes(conn, packageId, scheme, good, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(what, listed(problems));
            }
            audit.record(conn, actor, "codes.import", "package " + packageId + " " + source + ", scheme " + scheme
                    + (productId == null ? "" : ", product " + productId) + ", " + good.size() + " codes, sha256 " + sha256);
            return new ImportOutcome.Imported(packageId, source, scheme, good.size(), sha256,
                    Duration.ofNanos(System.nanoTime() - started));
        });
        if (outcome instanceof ImportOutcome.Imported && good.size() >= LARGE && !db.inTransactionOnThisThread()) {
            db.checkpoint(); // keep the next small commits from paying for this one's log
        }
        return outcome;
    }

    /** Syntax, scheme and in-file duplicates; returns the lines without problems. */
    private static List<CodeLine> check(List<CodeLine> lines, CodeValidator validator, List<Problem> problems) {
        List<CodeLine> good = new ArrayList<>(lines.size());
        Map<String, Integer> firstLine = new HashMap<>(lines.size() * 2);
        for (CodeLine line : lines) {
            Optional<String> problem = CodeSyntax.problem(line.code());
            if (problem.isEmpty()) {
                problem = validator.problem(line.code());
            }
            if (problem.isPresent()) {
                String hint = line == lines.get(0) && line.code().contains(",")
                        ? "; read as a CSV header it has no 'code' column" : "";
                problems.add(new Problem("line " + line.line(), problem.get() + hint));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(line.code(), line.line());
            if (earlier != null) {
                problems.add(new Problem("line " + line.line(), "duplicate of line " + earlier + " (" + line.code() + ")"));
                continue;
            }
            good.add(line);
        }
        return good;
    }

    /**
     * Inserts in batches handed to SQLite as one JSON array each ({@code json_each}): one call per
     * batch instead of one per code, which halves the import time of large packages. A batch that
     * inserts fewer rows than it holds met codes already in the ledger; those are looked up.
     */
    private void insertCodes(Connection conn, long packageId, String scheme, List<CodeLine> lines,
                             List<Problem> problems) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement insert = conn.prepareStatement("INSERT OR IGNORE INTO codes "
                + "(code, scheme, package_id, state, updated_at) "
                + "SELECT value, ?, ?, '" + CodeState.AVAILABLE + "', ? FROM json_each(?) ORDER BY key");
             PreparedStatement present = conn.prepareStatement("SELECT j.key FROM json_each(?) j "
                     + "JOIN codes c ON c.code = j.value WHERE c.package_id <> ? ORDER BY j.key")) {
            for (int from = 0; from < lines.size(); from += BATCH) {
                List<CodeLine> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
                String array = jsonArray(batch);
                insert.setString(1, scheme);
                insert.setLong(2, packageId);
                insert.setLong(3, now);
                insert.setString(4, array);
                if (insert.executeUpdate() == batch.size()) {
                    continue;
                }
                present.setString(1, array);
                present.setLong(2, packageId);
                try (ResultSet rs = present.executeQuery()) {
                    while (rs.next()) {
                        CodeLine line = batch.get(rs.getInt(1));
                        problems.add(new Problem("line " + line.line(), "already in ledger (" + line.code() + ")"));
                    }
                }
            }
        }
    }

    private static String jsonArray(List<CodeLine> batch) {
        try {
            return JSON.writeValueAsString(batch.stream().map(CodeLine::code).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write codes as JSON", e);
        }
    }

    private long insertPackage(Connection conn, String source, String scheme, String productId, String sha256,
                               int count, String actor) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO code_packages "
                + "(sha256, file_name, scheme, code_count, imported_at, actor, product_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256);
            ps.setString(2, source);
            ps.setString(3, scheme);
            ps.setInt(4, count);
            ps.setLong(5, clock.millis());
            ps.setString(6, actor);
            ps.setString(7, productId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Optional<ImportOutcome> findPackage(String sha256) {
        return db.read(conn -> findPackage(conn, sha256));
    }

    private static Optional<ImportOutcome> findPackage(Connection conn, String sha256) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, file_name, code_count, imported_at FROM code_packages WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ImportOutcome.AlreadyImported(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        sha256, Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
    }

    /** The first {@link #MAX_LISTED} problems by line, plus one line with the total when cut. */
    static List<Problem> listed(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(CodeImporter::lineOf));
        if (sorted.size() <= MAX_LISTED) {
            return sorted;
        }
        List<Problem> cut = new ArrayList<>(sorted.subList(0, MAX_LISTED));
        cut.add(new Problem("total", sorted.size() + " bad lines, the first " + MAX_LISTED + " listed"));
        return cut;
    }

    private static int lineOf(Problem problem) {
        String where = problem.where();
        return where.startsWith("line ") ? Integer.parseInt(where.substring(5)) : 0;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
