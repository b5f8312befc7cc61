package io.tracemark.site;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tracemark.core.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's PostgreSQL database: a HikariCP pool, the schema brought up to date by Flyway
 * ({@code io/tracemark/site/migrations/V<n>__<name>.sql}) when it opens, and transactions that
 * either commit whole or leave nothing behind.
 */
public final class SiteDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteDatabase.class);

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String url;

    private SiteDatabase(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens the pool and migrates the schema; a database that cannot be reached is a StorageException naming it. */
    public static SiteDatabase open(SiteConfig.Database settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("site-db");
        config.setAutoCommit(true);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("site database " + settings.url() + " (user " + settings.user()
                    + "): cannot connect: " + rootMessage(e), e);
        }
        try {
            MigrateResult result = Flyway.configure().dataSource(pool)
                    .locations("classpath:io/tracemark/site/migrations").load().migrate();
            LOG.info("site database {}: schema version {} ({} migrations applied now)", settings.url(),
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageException("site database " + settings.url() + ": schema migration failed: "
                    + rootMessage(e), e);
        }
        return new SiteDatabase(pool, settings.url());
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /** Runs {@code work} in one transaction (READ COMMITTED), committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("site database " + url + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in autocommit mode (reads). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("site database " + url + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
