package io.tracemark.ledger;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.core.StorageException;
import io.tracemark.store.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Imports code packages all-or-nothing: every line is checked (syntax, scheme, duplicates in the
 * file and in the ledger) and only a package without a single problem is committed, in one
 * transaction with batched inserts. The package is streamed: memory is bounded by one batch, not
 * by the package size.
 */
final class CodeImporter {

    /** At most this many problems are listed; the total is always reported. */
    static final int MAX_LISTED = ProblemList.MAX_LISTED;

    private static final int LARGE = 50_000;

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

    /** A package that can be read (twice when duplicates must be traced to their first line). */
    @FunctionalInterface
    interface PackageSource {
        void readInto(PackageSink sink);
    }

    ImportOutcome importFile(Path file, String scheme, String productId, CodeValidator validator, String actor) {
        long started = System.nanoTime();
        String sha256 = sha256(file);
        Optional<ImportOutcome> earlier = findPackage(sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        return commit(file.getFileName().toString(), scheme, productId, sha256,
                sink -> CodePackageReader.read(file, sink), validator, actor, started);
    }

    ImportOutcome importCodes(List<String> codes, String source, String scheme, String productId, CodeValidator validator,
                              String actor) {
        long started = System.nanoTime();
        String sha256 = sha256(String.join("\n", codes).getBytes(StandardCharsets.UTF_8));
        Optional<ImportOutcome> earlier = findPackage(sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<CodeLine> lines = new java.util.ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            lines.add(new CodeLine(i + 1, codes.get(i) == null ? "" : codes.get(i).strip()));
        }
        // the scheme's rules are checked here, before the write transaction: the writer (which every
        // line's commit waits for) only inserts; a package with a bad code is checked again inside,
        // where its problems are listed with the duplicates
        CodeValidator inTransaction = allValid(lines, validator) ? CodeValidator.anyCode() : validator;
        return commit(source, scheme, productId, sha256, sink -> lines.forEach(sink::code), inTransaction, actor,
                started);
    }

    private static boolean allValid(List<CodeLine> lines, CodeValidator validator) {
        for (CodeLine line : lines) {
            if (CodeSyntax.problem(line.code()).isPresent() || validator.problem(line.code()).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * One transaction: the package row, then the codes streamed in batches (each checked, then
     * inserted); any problem rolls everything back. Memory holds one batch and the listed problems.
     */
    private ImportOutcome commit(String source, String scheme, String productId, String sha256, PackageSource content,
                                 CodeValidator validator, String actor, long started) {
        String what = "code package " + source + " (scheme " + scheme + ")";
        ImportOutcome outcome = writes.inTransaction(conn -> {
            Optional<ImportOutcome> raced = findPackage(conn, sha256);
            if (raced.isPresent()) {
                return raced.get();
            }
            long packageId = insertPackage(conn, source, scheme, productId, sha256, actor);
            ImportBatches batches = new ImportBatches(conn, packageId, scheme, validator, clock.millis());
            try {
                content.readInto(batches);
                batches.finish();
            } catch (ImportBatches.UncheckedSqlException e) {
                throw e.getCause();
            }
            ProblemList problems = batches.problems();
            if (batches.imported() == 0 && problems.total() == 0) {
                problems.add(new Problem("file", "holds no codes"));
            }
            if (problems.total() > 0) {
                problems.traceDuplicates(content);
                throw new InvalidInputException(what, problems.listed());
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE code_packages SET code_count = ? WHERE id = ?")) {
                ps.setLong(1, batches.imported());
                ps.setLong(2, packageId);
                ps.executeUpdate();
            }
            audit.record(conn, actor, "codes.import", "package " + packageId + " " + source + ", scheme " + scheme
                    + (productId == null ? "" : ", product " + productId) + ", " + batches.imported()
                    + " codes, sha256 " + sha256);
            return new ImportOutcome.Imported(packageId, source, scheme, batches.imported(), sha256,
                    Duration.ofNanos(System.nanoTime() - started));
        });
        if (outcome instanceof ImportOutcome.Imported i && i.count() >= LARGE && !db.inTransactionOnThisThread()) {
            db.checkpoint(); // keep the next small commits from paying for this one's log
        }
        return outcome;
    }

    private long insertPackage(Connection conn, String source, String scheme, String productId, String sha256,
                               String actor) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO code_packages "
                + "(sha256, file_name, scheme, code_count, imported_at, actor, product_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256);
            ps.setString(2, source);
            ps.setString(3, scheme);
            ps.setInt(4, 0);
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

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StorageException("cannot read code package " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
