package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.store.AuditLog;
import io.tracemark.store.ChainCheck;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, tokens and audit entries live in the station database and survive a restart. */
class StationStorageTest {

    @TempDir
    Path dataDir;

    @Test
    void usersAndTokensSurviveARestart() {
        String secret;
        try (Database db = Database.open(dataDir)) {
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(db), new PinHasher(1000), Clock.systemUTC());
            assertTrue(accounts.ensureUser("9001", "Admin", Role.ADMIN, "999999"));
            assertFalse(accounts.ensureUser("9001", "Other", Role.OPERATOR, "1111"), "bootstrap never overwrites");
            accounts.create("1001", "Operator", "operator", "1234");
            accounts.setEnabled("1001", false);
            secret = accounts.createToken("mes", "supervisor").secret();
        }
        try (Database db = Database.open(dataDir)) {
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(db), new PinHasher(1000), Clock.systemUTC());
            assertEquals(List.of("1001", "9001"), accounts.users().stream().map(UserAccount::id).toList());
            assertTrue(accounts.verify("9001", "999999").isPresent());
            assertTrue(accounts.verify("1001", "1234").isEmpty(), "still disabled");
            assertEquals(Role.SUPERVISOR, accounts.verifyToken(secret).orElseThrow().role());
            assertTrue(accounts.users().stream().noneMatch(u -> u.pinHash().contains("999999")), "no PIN in clear");
        }
    }

    @Test
    void theFirstAdminIsCreatedOnlyOnAnEmptyStation() {
        try (Database db = Database.open(dataDir)) {
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(db), new PinHasher(1000), Clock.systemUTC());
            assertTrue(accounts.bootstrapAdmin("admin", "Station admin", "246800"));
            accounts.resetPin("admin", "135790");
            assertFalse(accounts.bootstrapAdmin("admin", "Station admin", "246800"), "a restart keeps the new PIN");
            assertTrue(accounts.verify("admin", "135790").isPresent());
            assertEquals(Role.ADMIN, accounts.user("admin").orElseThrow().role());
        }
    }

    @Test
    void panelEventsGoToTheHashChainedAuditLog() {
        try (TestStation station = new TestStation()) {
            station.client().signIn("1001", "0000");
            ApiClient admin = station.signedIn("9001", "999999");
            admin.post("/users", Map.of("id", "1002", "name", "Chen", "role", "operator", "pin", "5678"));
            admin.delete("/session");
            assertEquals(List.of("1001 signin.failed", "9001 signin", "9001 user.create", "9001 signout"),
                    station.auditActions());
            ChainCheck check = new AuditLog(station.db).verify();
            assertTrue(check.intact(), check.toString());
        }
    }
}
