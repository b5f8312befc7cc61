/**
 * The station's touch panel and REST API ({@code /api/v1}, documented in {@code panel/openapi.yaml},
 * served at {@code /api/v1/openapi.yaml}), on Javalin.
 *
 * <p>Wiring (in the composition root):
 * <pre>{@code
 * Database db = Database.open(dataDir);                       // applies migration V3: users, api_tokens
 * UserAccounts accounts = new UserAccounts(new SqliteUserStore(db), new PinHasher(PinHasher.DEFAULT_ITERATIONS), clock);
 * accounts.bootstrapAdmin(cfg.adminId(), cfg.adminName(), cfg.adminPin());   // only on an empty station
 * AuditTrail audit = new StationAuditTrail(db, new AuditLog(db, clock));
 * PanelServices services = new PanelServices(accounts, audit, new LedgerUnitLookup(ledger), devices, () -> Map.of("platform", ...));
 * PanelServer panel = new PanelServer(lineControl, services, PanelSettings.defaults());
 * int port = panel.start(7070);                               // 0 = a free port; start("0.0.0.0", p) for a remote panel
 * }</pre>
 *
 * <p>The demo creates three users with {@link io.tracemark.web.UserAccounts#ensureUser}: operator
 * {@code 1001} / PIN {@code 1234}, supervisor {@code 2001} / {@code 234567}, admin {@code 9001} / {@code 999999}.
 *
 * <p>Security: PINs are hashed with PBKDF2WithHmacSHA256 and a random salt; sessions are random 256-bit
 * ids in an HttpOnly, SameSite=Strict cookie, ended after 10 minutes without user activity; PIN
 * guessing is throttled per user and per remote address (5 failures, then locks of 30 s doubling up to
 * 15 min); state-changing requests made with the cookie need the {@code X-CSRF-Token} header and a
 * same-site Origin; API tokens ({@code Authorization: Bearer tm_...}) carry a role. Sign-ins, failed
 * sign-ins, lock-outs, sign-outs, refused requests and user/token administration go to the audit log;
 * line actions are recorded by the line, which receives the actor with every call.
 */
package io.tracemark.web;
