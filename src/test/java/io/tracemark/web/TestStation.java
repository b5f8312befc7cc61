package io.tracemark.web;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.StoredScanAlerts;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A real panel server on a free port: stand-in line, real station database (users, audit log), demo users. */
final class TestStation implements AutoCloseable {

    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
    final StandInLine line = new StandInLine();
    final Path dataDir;
    final Database db;
    final AuditLog auditLog;
    final UserAccounts accounts;
    final PanelServer server;
    final int port;
    /** The platform's anti-counterfeit alerts as this station holds them (fill with {@code save}). */
    final StoredScanAlerts scanAlerts;
    /** Every API exchange of {@link #client()} goes through it and is checked against the panel's OpenAPI document. */
    final ContractProxy proxy;
    private boolean badRequestsOnPurpose;

    TestStation() {
        this(PanelSettings.defaults());
    }

    TestStation(PanelSettings settings) {
        try {
            dataDir = Files.createTempDirectory("tracemark-web-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = Database.open(dataDir);
        auditLog = new AuditLog(db, clock);
        accounts = new UserAccounts(new SqliteUserStore(db), new PinHasher(1000), clock);
        accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
        accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
        accounts.ensureUser("9001", "Admin Zhao", Role.ADMIN, "999999");
        UnitLookup units = new UnitLookup() {
            @Override
            public Optional<Map<String, Object>> unit(String code) {
                return code.startsWith("https://id.example.cn/") ? Optional.of(line.unitJson(code)) : Optional.empty();
            }

            @Override
            public Map<String, Object> pool() {
                return Map.of("P-001", Map.of("AVAILABLE", 5000, "ALLOCATED", 0));
            }
        };
        PanelServices services = new PanelServices(accounts, new StationAuditTrail(db, auditLog), units,
                List.of(new DeviceInfo("printer-1", "printer", "sim://printer-1")),
                () -> Map.of("platform", Map.of("outboxBacklog", 3, "outboxLagSeconds", 1.5)))
                .withMasterData(new MasterDataStore(db, auditLog))
                .withAuditRecords(new StationAuditRecords(db, List::of));
        scanAlerts = new StoredScanAlerts(db, auditLog, clock);
        services = services.withAlerts(new CounterfeitAlerts() {
            @Override
            public List<io.tracemark.core.CounterfeitAlert> all() {
                return scanAlerts.all();
            }

            @Override
            public Optional<io.tracemark.core.CounterfeitAlert> acknowledge(String code, String actor) {
                return scanAlerts.acknowledge(code, actor);
            }
        });
        server = new PanelServer(line, services, settings.withClock(clock));
        port = server.start(0);
        proxy = new ContractProxy(OpenApiContract.panel(), java.net.URI.create("http://127.0.0.1:" + port),
                PanelServer.API);
    }

    /** A client whose every exchange is checked against the panel's OpenAPI document. */
    ApiClient client() {
        return new ApiClient(proxy.uri().getPort());
    }

    /** A client straight to the server, for streams (a checking proxy waits for the whole reply). */
    ApiClient directClient() {
        return new ApiClient(port);
    }

    /** For tests that send requests outside the contract on purpose: then only the replies are judged. */
    TestStation badRequestsOnPurpose() {
        badRequestsOnPurpose = true;
        return this;
    }

    /** A client signed in as the user. */
    ApiClient signedIn(String user, String pin) {
        ApiClient client = client();
        ApiClient.Response r = client.signIn(user, pin);
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + user + " failed: " + r);
        }
        return client;
    }

    /** "actor action" of every audit row, oldest first. */
    List<String> auditActions() {
        return db.read(conn -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT actor, action FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        });
    }

    @Override
    public void close() {
        try {
            proxy.assertSeenConform(badRequestsOnPurpose);
        } finally {
            proxy.close();
            closeServer();
        }
    }

    private void closeServer() {
        server.close();
        db.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
