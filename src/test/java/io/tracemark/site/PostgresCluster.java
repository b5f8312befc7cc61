package io.tracemark.site;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for the tests, from the machine's PostgreSQL server binaries
 * (Debian's {@code postgresql} package, which {@code .ci/run} installs): created in
 * {@code target/postgres-<n>} with {@code initdb}, started with {@code pg_ctl} on a free loopback port,
 * stopped when the test JVM ends. PostgreSQL refuses to run as root, so as root (here and on CI) the
 * server runs as the {@code postgres} user ({@code runuser}). No PostgreSQL on the machine is a
 * failure naming what to install, never a skip.
 */
public final class PostgresCluster {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The test JVM's cluster, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    private static PostgresCluster start() {
        Path bin = serverBinaries();
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "postgres-");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (root()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            }
            Path data = dir.resolve("data");
            asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), dir);
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                            + " -c shared_buffers=128MB", "start"), dir);
            return new PostgresCluster(bin, dir, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a PostgreSQL cluster for the tests: " + e, e);
        }
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with initdb, or a failure saying what to install. */
    static Path serverBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + root + ": " + e, e);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin:"
                + " install Debian's postgresql package (apt-get install postgresql; .ci/run does)");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a server command as the postgres user when we are root. */
    private static void asServerUser(List<String> command, Path dir) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    public int port() {
        return port;
    }

    /** The socket directory (for psql: PGHOST). */
    public Path socketDir() {
        return dir;
    }

    /** The client binaries' directory (psql, …). */
    public Path bin() {
        return bin;
    }

    /** A new empty database owned by a new role; its JDBC URL, user and password. */
    public SiteConfig.Database newDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet()).toLowerCase();
        superuser("CREATE ROLE " + name + " LOGIN PASSWORD 'pw-" + name + "'", "CREATE DATABASE " + name + " OWNER " + name);
        return new SiteConfig.Database(jdbcUrl(name), name, "pw-" + name, 10);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Statements as the superuser, on database postgres. */
    public void superuser(String... statements) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test cluster on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Environment for psql and other client tools to reach this cluster. */
    public Map<String, String> clientEnvironment() {
        return Map.of("PGHOST", dir.toString(), "PGPORT", Integer.toString(port));
    }

    /**
     * A streaming-replication standby of this cluster on a port of its own, as the README shows it: the
     * command {@code baseBackup} (pg_basebackup … -R -X stream, with {@code HOST}, {@code PORT} and {@code DIR}
     * standing for this cluster's address and the standby's data directory) as the server user, then the
     * standby started.
     */
    public PostgresCluster standby(String baseBackup) {
        try {
            Path sdir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "postgres-standby-");
            int sport;
            try (ServerSocket s = new ServerSocket(0)) {
                sport = s.getLocalPort();
            }
            if (root()) {
                run(List.of("chown", "-R", "postgres:postgres", sdir.toString()));
            }
            Path data = sdir.resolve("data");
            String command = baseBackup.replace("HOST", "127.0.0.1").replace("PORT", Integer.toString(port))
                    .replace("DIR", data.toString()).replace("pg_basebackup", bin.resolve("pg_basebackup").toString());
            List<String> full = new ArrayList<>(List.of("bash", "-c", root() ? command : command.replace(
                    "runuser -u postgres -- ", "")));
            run(full);
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    sdir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
                    "-p " + sport + " -k " + sdir + " -c listen_addresses=127.0.0.1 -c max_connections=300", "start"), sdir);
            PostgresCluster standby = new PostgresCluster(bin, sdir, sport);
            Runtime.getRuntime().addShutdownHook(new Thread(standby::stop, "postgres-standby-stop"));
            return standby;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a standby: " + e, e);
        }
    }

    /** Runs {@code promote} (the README's pg_ctl promote line, {@code DIR} the data directory) on this standby. */
    public void promote(String promote) {
        String command = promote.replace("DIR", dir.resolve("data").toString()).replace("pg_ctl ",
                bin.resolve("pg_ctl") + " ");
        run(List.of("bash", "-c", root() ? command : command.replace("runuser -u postgres -- ", "")));
    }

    private void stop() {
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                    "-w", "stop"), dir);
            run(List.of("rm", "-rf", dir.toString()));
        } catch (RuntimeException e) {
            System.err.println("stopping the PostgreSQL test cluster: " + e.getMessage());
        }
    }
}
