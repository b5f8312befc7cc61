package io.tracemark.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real panel server on a free port with the stand-in line and the demo users. */
final class TestStation implements AutoCloseable {

    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
    final StandInLine line = new StandInLine();
    final MemoryAuditTrail audit = new MemoryAuditTrail(clock);
    final UserAccounts accounts = new UserAccounts(new MemoryUserStore(), new PinHasher(1000), clock);
    final PanelServer server;
    final int port;

    TestStation() {
        this(PanelSettings.defaults());
    }

    TestStation(PanelSettings settings) {
        accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
        accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "2345");
        accounts.ensureUser("9001", "Admin Zhao", Role.ADMIN, "9999");
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
        PanelServices services = new PanelServices(accounts, audit, units,
                List.of(new DeviceInfo("printer-1", "printer", "sim://printer-1")),
                () -> Map.of("platform", Map.of("outboxBacklog", 3, "outboxLagSeconds", 1.5)));
        server = new PanelServer(line, services, settings.withClock(clock));
        port = server.start(0);
    }

    ApiClient client() {
        return new ApiClient(port);
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

    List<String> auditActions() {
        return audit.entries().stream().map(e -> e.actor() + " " + e.action()).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
