package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The station database, {@code station.db} in the data directory: SQLite in WAL mode with foreign
 * keys on and {@code synchronous=FULL}, so a committed transaction survives a power cut.
 *
 * <p>One writer connection, guarded by a lock, runs every write transaction ({@code BEGIN
 * IMMEDIATE}); reads use separate read-only connections and never wait for the writer. Migrations
 * are applied when the database is opened; a database written by a newer program is refused.
 *
 * <p>{@code Statement.getGeneratedKeys()} is switched off (it costs a query per insert): use
 * {@code INSERT ... RETURNING id}.
 */
public final class Database implements Transactions, AutoCloseable {

    /** The {@code scheme} of audit entries written before the keyed chain (migration V12). */
    static final String LEGACY_AUDIT_SCHEME = "sha256-pipe";

    /** The file name inside the data directory. */
    public static final String FILE_NAME = "station.db";

    private static final int BUSY_TIMEOUT_MS = 10_000;
    /**
     * Log pages after which a commit checkpoints by itself (SQLite's default is 1,000): only a
     * bound, reached when the background {@link Checkpointer} falls behind.
     */
    static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

    private final Path file;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final StatementCache statements = new StatementCache();
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final int schemaVersion;
    private final Checkpointer checkpointer;
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final Path witnessFile;
    /** Written after each commit while the ledger is trusted; null while it is not. Guarded by the write lock. */
    private Witness witness;
    /** The marks last written to the witness. Guarded by the write lock. */
    private Marks marks = Marks.NONE;
    /** Why no write is taken (the ledger is behind its witness), or null. */
    private volatile String refusal;
    private List<String> lost = List.of();
    private volatile boolean closed;
    private AuditKey auditKey; // guarded by this
    private Boolean keyedAudit; // guarded by this
    /** A read-only archive file: no migrations, no witness, no writes. */
    private final boolean archive;

    private Database(Path file) throws SQLException {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.witnessFile = null;
        this.archive = true;
        this.writer = connect(true);
        this.checkpointer = null;
        this.refusal = file + " is a read-only archive";
        try (Statement st = writer.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            this.schemaVersion = rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
    }

    private Database(Path file, List<Migration> migrations) throws SQLException {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.witnessFile = Witness.file(file.getParent());
        this.archive = false;
        this.writer = connect(false);
        try {
            this.schemaVersion = new SchemaUpgrade(this, migrations).apply();
            this.checkpointer = new Checkpointer(connect(false), file.getFileName().toString());
            compareWithWitness();
        } catch (RuntimeException | SQLException e) {
            if (witness != null) {
                witness.close();
            }
            writer.close();
            throw e;
        }
    }

    /**
     * Compares the ledger with the marks its witness holds: a ledger that holds less has lost committed
     * transactions, and then no write is taken until {@link #acceptLoss} (or a restore replaces the file).
     * A missing witness is started from the ledger as it is.
     */
    private void compareWithWitness() throws SQLException {
        Marks witnessed;
        try {
            witnessed = Witness.read(witnessFile).orElse(null);
        } catch (StorageException damaged) {
            lost = List.of(damaged.getMessage());
            refusal = file + " cannot be trusted: " + damaged.getMessage();
            return;
        }
        Marks base = witnessed == null ? Marks.NONE : witnessed;
        Marks ledger;
        boolean lastJobHeld;
        try {
            ledger = LedgerMarks.of(writer, base);
            lastJobHeld = base.lastJob().isEmpty() || LedgerMarks.hasJob(writer, base.lastJob());
        } catch (SQLException e) {
            if (!damaged(e)) {
                throw e;
            }
            // the file is damaged where the marks are read: no write is taken, and the start-up check
            // (quick_check) names the damage and the way back instead of "cannot open"
            lost = List.of(e.getMessage());
            refusal = file + " cannot be trusted: " + e.getMessage();
            return;
        }
        List<String> missing = base.missingFrom(ledger, lastJobHeld);
        if (!missing.isEmpty()) {
            lost = List.copyOf(missing);
            refusal = file + " has gone back in time: it holds less than its witness " + witnessFile
                    + " says was committed (" + String.join("; ", missing) + ")";
            return;
        }
        startWitness(base.max(ledger));
    }

    /** Whether SQLite found the file damaged (malformed pages, not a database). */
    private static boolean damaged(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB") || message.contains("malformed");
    }

    private void startWitness(Marks start) {
        witness = Witness.open(witnessFile);
        marks = start;
        witness.write(start);
    }

    /**
     * Opens (creating it and the directory if missing) {@code station.db} in {@code dataDir} and
     * applies the shipped migrations.
     *
     * @throws StorageException when the file cannot be opened, a migration fails, or the database
     *                          was written by a newer program (the message names both versions)
     */
    public static Database open(Path dataDir) {
        return open(dataDir, Migrations.shipped());
    }

    /** Like {@link #open(Path)} with an explicit list of migrations (tests, tools). */
    public static Database open(Path dataDir, List<Migration> migrations) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            WritableCheck.require(dataDir, file);
            return new Database(file, migrations);
        } catch (IOException | SQLException e) {
            throw new StorageException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a read-only archive file (a station database holding finished jobs moved out of the live
     * one): every read works as on the live database, every write is refused.
     *
     * @throws StorageException when the file is missing or not a station database
     */
    public static Database openArchive(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException("archive " + file + " does not exist");
        }
        try {
            return new Database(file);
        } catch (SQLException e) {
            throw new StorageException("cannot open archive " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * The station's audit key ({@link AuditKey#locationFor} this database's directory), read once;
     * created when this database's audit trail has no keyed entry yet.
     *
     * @throws StorageException when the key is missing although keyed entries exist, or unreadable
     */
    public synchronized AuditKey auditKey() {
        if (auditKey == null) {
            Path location = AuditKey.locationFor(file.getParent());
            if (Files.exists(location)) {
                auditKey = AuditKey.read(location);
            } else {
                long keyed = count("SELECT count(*) FROM audit_log WHERE scheme <> '" + LEGACY_AUDIT_SCHEME + "'");
                if (keyed > 0) {
                    auditKey = AuditKey.read(location); // throws: the key that signed them is gone
                }
                auditKey = AuditKey.create(location, count("SELECT coalesce(max(id), 0) FROM audit_log"));
            }
        }
        return auditKey;
    }

    /**
     * Whether this database's audit log has the keyed chain's columns (migration V12); a database
     * opened with older migrations only (tools, upgrade tests) keeps writing unkeyed entries, which V12
     * then marks as such.
     */
    public synchronized boolean keyedAuditTrail() {
        if (keyedAudit == null) {
            keyedAudit = count("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'scheme'") > 0;
        }
        return keyedAudit;
    }

    /** The schema version after migrations, i.e. the number of the last migration applied. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Called again from inside a transaction on the same thread, the work joins the outer
     * transaction (it commits or rolls back with it).
     */
    @Override
    public <T> T inTransaction(TxWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                return work.run(writer);
            }
            return transaction(work);
        } catch (SQLException e) {
            throw new StorageException("write to " + file + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs a transaction that deletes rows whose children it has deleted first, with SQLite's foreign key
     * checks off for it: deleting a parent row otherwise searches every child table for the row's children,
     * a full scan where the child column has no index (transitions.unit_id has none: every index costs the
     * line page writes at each commit). For archiving (the records package), which deletes
     * exactly the rows it copied, children first. Not to be called inside another transaction.
     */
    public <T> T inDeletingTransaction(TxWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                throw new IllegalStateException("inDeletingTransaction inside a transaction");
            }
            execute(writer, "PRAGMA foreign_keys = OFF"); // a no-op inside a transaction, so set before BEGIN
            try {
                return transaction(work);
            } finally {
                execute(writer, "PRAGMA foreign_keys = ON");
            }
        } catch (SQLException e) {
            throw new StorageException("write to " + file + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** One write transaction on the writer; the write lock is held. */
    private <T> T transaction(TxWork<T> work) throws SQLException {
        String refused = refusal;
        if (refused != null) {
            throw new StorageException(refused + "; nothing is written until the database is restored from a "
                    + "backup or the loss is accepted");
        }
        statements.get(writer, "BEGIN IMMEDIATE").execute();
        T result;
        try {
            result = work.run(writer);
        } catch (RuntimeException | SQLException | Error e) {
            rollbackQuietly(e);
            statements.reset(); // a statement that failed mid-step (e.g. SQLITE_FULL) is not reused
            throw e;
        }
        long t0 = System.nanoTime();
        try {
            statements.get(writer, "COMMIT").execute();
        } catch (SQLException e) {
            rollbackQuietly(e);
            statements.reset();
            throw e;
        }
        commitNanos.addAndGet(System.nanoTime() - t0);
        commits.incrementAndGet();
        if (witness != null) {
            // after the commit is durable and before the caller hears of it: nothing a caller was told
            // is committed is ever beyond the witness
            // (about 90 us CPU to read the marks and 140 us to write and sync them, bench line at 0.2 commits per unit)
            marks = LedgerMarks.after(statements, writer, marks);
            witness.write(marks);
        }
        if (checkpointer != null) { // null while migrations run at open
            checkpointer.committed();
        }
        return result;
    }

    /**
     * Why this database takes no writes: it holds less than its witness says was committed (or the
     * witness is damaged). Empty when the ledger is trusted.
     */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** What the ledger lacks of its witness's marks, one sentence each (empty when trusted). */
    public List<String> lost() {
        return lost;
    }

    /** The marks last written to the witness (as of the last commit). */
    public Marks marks() {
        writeLock.lock();
        try {
            return marks;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A person accepts that the ledger lost what its witness lists: the witness is set to the ledger as
     * it is, writes are taken again, and the acceptance is written to the audit log with what was lost.
     *
     * @return what was accepted as lost (empty when nothing was)
     */
    public List<String> acceptLoss(String actor, String reason) {
        List<String> accepted;
        writeLock.lock();
        try {
            ensureOpen();
            if (archive) {
                throw new StorageException(file + " is a read-only archive; there is no loss to accept in it");
            }
            if (refusal == null) {
                return List.of();
            }
            accepted = lost;
            Marks ledger = LedgerMarks.of(writer, Marks.NONE);
            Witness.replace(witnessFile, ledger);
            startWitness(ledger);
            refusal = null;
            lost = List.of();
        } catch (SQLException e) {
            throw new StorageException("accepting the loss in " + file + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        AuditLog audit = new AuditLog(this);
        inTransaction(conn -> audit.record(conn, actor, "ledger.loss-accepted",
                "reason: " + reason + "; lost: " + String.join("; ", accepted)));
        return accepted;
    }

    /**
     * SQLite's {@code PRAGMA quick_check} of the whole file (every page's structure, not index
     * contents): the problems it reports, empty when the file is sound.
     */
    public List<String> quickCheck() {
        writeLock.lock();
        try {
            ensureOpen();
            List<String> problems = new java.util.ArrayList<>();
            try (Statement st = writer.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add(line);
                    }
                }
            }
            return problems;
        } catch (SQLException e) {
            return List.of(e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes a consistent copy of the database, as of one moment, to {@code target} (which must not
     * exist) with SQLite's {@code VACUUM INTO}, on a connection of its own: it reads one snapshot, so
     * the writer goes on committing meanwhile (WAL), and the copy is compact and checkpointed (one
     * file, no log).
     */
    public void copyInto(Path target) {
        ensureOpen();
        try (Connection conn = connect(false)) {
            try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
        } catch (SQLException e) {
            throw new StorageException("copy of " + file + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs a read on a read-only connection, inside one read transaction (a consistent snapshot). */
    public <T> T read(ReadWork<T> work) {
        ensureOpen();
        Connection conn = idleReaders.poll();
        try {
            if (conn == null) {
                conn = connect(true);
            }
            execute(conn, "BEGIN");
            try {
                return work.run(conn);
            } finally {
                execute(conn, "COMMIT");
            }
        } catch (SQLException e) {
            throw new StorageException("read from " + file + " failed: " + e.getMessage(), e);
        } finally {
            if (conn != null) {
                idleReaders.offer(conn);
            }
        }
    }

    /**
     * A prepared statement for {@code sql} on the writer connection, kept open and reused (its
     * parameters cleared). Only for use inside {@link #inTransaction} work, with the connection
     * that work was given; never close it.
     */
    public PreparedStatement prepared(Connection conn, String sql) throws SQLException {
        if (!writeLock.isHeldByCurrentThread() || conn != writer) {
            throw new IllegalStateException("prepared statements are cached only for the writer inside a transaction");
        }
        return statements.get(conn, sql);
    }

    /**
     * Copies the write-ahead log into the database file and truncates it. Worth calling after a
     * very large transaction (a million-code import): otherwise the next small commits pay for
     * checkpointing it, and the log file stays large.
     */
    public void checkpoint() {
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                throw new IllegalStateException("checkpoint() inside a transaction");
            }
            execute(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new StorageException("checkpoint of " + file + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Time spent in COMMIT statements since the database was opened (writing and syncing the log),
     * in nanoseconds; with the time of the work itself it tells what a commit costs.
     */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** Write transactions committed since the database was opened, by every writer (each one an fsync of the log). */
    public long commits() {
        return commits.get();
    }

    /** Whether the calling thread is inside {@link #inTransaction}. */
    public boolean inTransactionOnThisThread() {
        return writeLock.isHeldByCurrentThread();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (checkpointer != null) {
                checkpointer.close();
            }
            if (witness != null) {
                witness.close();
            }
            for (Connection reader; (reader = idleReaders.poll()) != null; ) {
                closeQuietly(reader);
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    /** Reads a single number ({@code SELECT count(*) ...}); handy for checks and tests. */
    public long count(String sql, Object... args) {
        return read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (archive) {
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setGetGeneratedKeys(false);
            return config.createConnection(url);
        }
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // otherwise the driver runs an extra SELECT last_insert_rowid() after every INSERT;
        // use INSERT ... RETURNING id where the id is needed
        config.setGetGeneratedKeys(false);
        Connection conn = config.createConnection(url);
        if (readOnly) {
            execute(conn, "PRAGMA query_only = ON");
        } else {
            execute(conn, "PRAGMA cache_size = -131072"); // 128 MiB: a million-code import stays in memory
            execute(conn, "PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
        }
        return conn;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException(file + " is closed");
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            execute(writer, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static void execute(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static void closeQuietly(Connection conn) {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing; nothing left to protect
        }
    }
}
