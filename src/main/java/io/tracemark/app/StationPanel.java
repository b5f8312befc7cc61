package io.tracemark.app;

import io.tracemark.core.CounterfeitAlert;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.line.LineControl;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.PlatformLag;
import io.tracemark.platform.StoredScanAlerts;
import io.tracemark.store.AuditAnchor;
import io.tracemark.store.Database;
import io.tracemark.web.CounterfeitAlerts;
import io.tracemark.web.DeviceInfo;
import io.tracemark.web.LedgerUnitLookup;
import io.tracemark.web.PanelServer;
import io.tracemark.web.PanelServices;
import io.tracemark.web.PanelSettings;
import io.tracemark.web.PinHasher;
import io.tracemark.web.Role;
import io.tracemark.web.SqliteUserStore;
import io.tracemark.web.StationAuditRecords;
import io.tracemark.web.StationAuditTrail;
import io.tracemark.web.StatusChanges;
import io.tracemark.web.UserAccounts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the touch panel and REST API on a station's database, ledger and line. */
public final class StationPanel {

    /** The users a fresh demo station has (documented in the README): operator, supervisor, admin. */
    public static final List<String[]> DEMO_USERS = List.of(
            new String[] {"1001", "操作员 Operator", "OPERATOR", "1234"},
            new String[] {"2001", "班组长 Supervisor", "SUPERVISOR", "234567"},
            new String[] {"9001", "管理员 Admin", "ADMIN", "999999"});

    private StationPanel() {
    }

    /** User accounts in the station database. */
    public static UserAccounts accounts(Database db) {
        return new UserAccounts(new SqliteUserStore(db), new PinHasher(PinHasher.DEFAULT_ITERATIONS), Clock.systemUTC());
    }

    /** Creates the demo users that do not exist yet. */
    public static void ensureDemoUsers(UserAccounts accounts) {
        for (String[] u : DEMO_USERS) {
            accounts.ensureUser(u[0], u[1], Role.valueOf(u[2]), u[3]);
        }
    }

    /**
     * A station needs one admin to sign in at all: when it has no users, the admin 9001 is created
     * with the PIN from the environment variable {@code TRACEMARK_ADMIN_PIN}; without it the station
     * refuses to start rather than run a panel nobody can use.
     */
    public static void bootstrapAdmin(UserAccounts accounts, String pinFromEnvironment) {
        if (!accounts.users().isEmpty()) {
            return;
        }
        if (pinFromEnvironment == null || !pinFromEnvironment.matches("[0-9]{6,12}")) {
            throw new TracemarkException("the station has no users: set TRACEMARK_ADMIN_PIN (6–12 digits) for the "
                    + "first admin, user 9001");
        }
        accounts.bootstrapAdmin("9001", "管理员 Admin", pinFromEnvironment);
    }

    /** The platform section of {@code GET /api/v1/status}: how far behind the platform is. */
    public static Map<String, Object> platformStatus(PlatformLag lag) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("outboxBacklog", lag.backlog());
        section.put("outboxLagSeconds", lag.oldestAge() == null ? 0 : lag.oldestAge().toSeconds());
        section.put("consecutiveFailures", lag.consecutiveFailures());
        section.put("lastError", lag.lastError());
        section.put("delivered", lag.delivered());
        section.put("caughtUp", lag.caughtUp());
        return section;
    }

    /** The panel's view of the alerts the platform link pulled into the station database. */
    static CounterfeitAlerts alertsOf(StoredScanAlerts stored) {
        return new CounterfeitAlerts() {
            @Override
            public List<CounterfeitAlert> all() {
                return stored.all();
            }

            @Override
            public Optional<CounterfeitAlert> acknowledge(String code, String actor) {
                return stored.acknowledge(code, actor);
            }

            @Override
            public AutoCloseable onChange(Runnable listener) {
                return stored.onChange(listener);
            }
        };
    }

    /**
     * Starts the panel on loopback-and-all interfaces of {@code port} (0 = a free port).
     *
     * @param extraStatus further sections of {@code GET /api/v1/status}, e.g. the platform's lag
     * @param masterData  the station's producers and products, shown and edited by an admin
     * @param alerts      the platform's anti-counterfeit alerts, or {@link CounterfeitAlerts#NONE}
     * @param extraChanges when {@code extraStatus} changes other than with the line (the status is pushed then)
     * @param platformAnchors the audit anchors the platform keeps (an empty list without a platform)
     */
    public static PanelServer start(Database db, CodeLedger ledger, LineControl line, UserAccounts accounts,
                                    List<DeviceInfo> devices, Supplier<Map<String, Object>> extraStatus,
                                    MasterDataStore masterData, CounterfeitAlerts alerts, StatusChanges extraChanges,
                                    Supplier<List<AuditAnchor>> platformAnchors, String host, int port) {
        PanelServer panel = new PanelServer(line, new PanelServices(accounts, new StationAuditTrail(db, ledger.audit()),
                new LedgerUnitLookup(ledger), devices, extraStatus).withMasterData(masterData).withAlerts(alerts)
                .withExtraChanges(extraChanges).withAuditRecords(new StationAuditRecords(db, platformAnchors)),
                PanelSettings.defaults());
        panel.start(host, port);
        return panel;
    }
}
