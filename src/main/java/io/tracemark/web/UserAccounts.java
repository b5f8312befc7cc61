package io.tracemark.web;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TracemarkException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users with PINs and API tokens: checks input, hashes PINs, verifies sign-ins and bearer tokens.
 * Thread-safe; writes go through one lock so that two admins cannot create the same id twice.
 */
public final class UserAccounts {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** The longest PIN; the shortest depends on the role ({@link #minimumPinLength}). */
    static final int MAX_PIN = 12;
    private static final String TOKEN_PREFIX = "tm_";

    private final UserStore store;
    private final PinHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Hash of a PIN nobody has, so that unknown users cost as much time as known ones. */
    private final String decoyHash;

    public UserAccounts(UserStore store, PinHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash("000000000000");
    }

    /** What {@link #createToken} hands out: the stored token and its secret, shown only this once. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    /**
     * Creates the user unless one with this id exists (the bootstrap of a fresh station).
     *
     * @return true when the user was created
     * @throws InvalidInputException when id, name, role or PIN are not acceptable
     */
    public synchronized boolean ensureUser(String id, String name, Role role, String pin) {
        if (store.user(id).isPresent()) {
            return false;
        }
        create(id, name, role == null ? null : role.key(), pin);
        return true;
    }

    /**
     * Creates the first admin of a fresh station (from its configuration) when there are no users at
     * all; does nothing otherwise, so a later PIN change is never undone by a restart.
     *
     * @return true when the admin was created
     */
    public synchronized boolean bootstrapAdmin(String id, String name, String pin) {
        if (!store.users().isEmpty()) {
            return false;
        }
        create(id, name, Role.ADMIN.key(), pin);
        return true;
    }

    /** Creates a user; every problem with the input is reported together. */
    public synchronized UserAccount create(String id, String name, String role, String pin) {
        List<Problem> problems = new ArrayList<>();
        if (id == null || !USER_ID.matcher(id).matches()) {
            problems.add(new Problem("id", "user id must be 1-32 letters, digits, '.', '_' or '-'"));
        } else if (store.user(id).isPresent()) {
            problems.add(new Problem("id", "user " + id + " already exists"));
        }
        if (name == null || name.isBlank() || name.length() > 64) {
            problems.add(new Problem("name", "name is required (at most 64 characters)"));
        }
        Optional<Role> parsed = Role.parse(role);
        if (parsed.isEmpty()) {
            problems.add(new Problem("role", "role is required: operator, supervisor or admin"));
        }
        checkPin(pin, parsed.orElse(null), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("user " + id, problems);
        }
        UserAccount user = new UserAccount(id, name.strip(), parsed.get(), true, hasher.hash(pin), clock.instant());
        store.insert(user);
        return user;
    }

    /** Enables or disables a user. */
    public synchronized UserAccount setEnabled(String id, boolean enabled) {
        UserAccount current = existing(id);
        long enabledAdmins = store.users().stream().filter(u -> u.enabled() && u.role() == Role.ADMIN).count();
        if (!enabled && current.enabled() && current.role() == Role.ADMIN && enabledAdmins == 1) {
            throw new TracemarkException("user " + id + " is the last enabled admin and cannot be disabled");
        }
        UserAccount user = current.withEnabled(enabled);
        store.update(user);
        return user;
    }

    /** Gives a user a new PIN. */
    public synchronized UserAccount resetPin(String id, String pin) {
        UserAccount user = existing(id);
        List<Problem> problems = new ArrayList<>();
        checkPin(pin, user.role(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("PIN of user " + id, problems);
        }
        UserAccount updated = user.withPinHash(hasher.hash(pin));
        store.update(updated);
        return updated;
    }

    /** The enabled user whose PIN matches; empty otherwise (unknown, disabled or wrong PIN). */
    public Optional<UserAccount> verify(String id, String pin) {
        Optional<UserAccount> user = id == null ? Optional.empty() : store.user(id);
        String candidate = pin == null ? "" : pin;
        boolean matches = hasher.matches(candidate, user.map(UserAccount::pinHash).orElse(decoyHash));
        return user.filter(u -> matches && u.enabled());
    }

    /**
     * Whether a PIN that just matched is shorter than the user's role now asks for: a supervisor or
     * admin whose PIN was set before the 6-digit rule must choose a new one before doing anything else.
     */
    public static boolean mustChangePin(UserAccount user, String pin) {
        return pin.length() < minimumPinLength(user.role());
    }

    /**
     * A signed-in user's own PIN change: the current PIN must match, the new one must fit the role.
     *
     * @throws InvalidInputException naming {@code pin} (wrong current PIN) or {@code newPin}
     */
    public synchronized UserAccount changeOwnPin(String id, String currentPin, String newPin) {
        UserAccount user = existing(id);
        List<Problem> problems = new ArrayList<>();
        if (currentPin == null || !hasher.matches(currentPin, user.pinHash())) {
            problems.add(new Problem("pin", "the current PIN is wrong"));
        }
        List<Problem> pinProblems = new ArrayList<>();
        checkPin(newPin, user.role(), pinProblems);
        pinProblems.forEach(p -> problems.add(new Problem("newPin", p.message())));
        if (problems.isEmpty() && newPin.equals(currentPin)) {
            problems.add(new Problem("newPin", "the new PIN must differ from the current one"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("PIN of user " + id, problems);
        }
        UserAccount updated = user.withPinHash(hasher.hash(newPin));
        store.update(updated);
        return updated;
    }

    /** The fewest digits a PIN of this role has: 4 for operators, 6 for supervisors and admins. */
    public static int minimumPinLength(Role role) {
        return role == Role.OPERATOR ? 4 : 6;
    }

    /** Every user, ordered by id. */
    public List<UserAccount> users() {
        return store.users();
    }

    /** The user with this id. */
    public Optional<UserAccount> user(String id) {
        return store.user(id);
    }

    /** Issues a bearer token for another system. */
    public synchronized IssuedToken createToken(String name, String role) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || !USER_ID.matcher(name).matches()) {
            problems.add(new Problem("name", "token name must be 1-32 letters, digits, '.', '_' or '-'"));
        }
        Optional<Role> parsed = Role.parse(role);
        if (parsed.isEmpty()) {
            problems.add(new Problem("role", "role is required: operator, supervisor or admin"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("API token " + name, problems);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = sha256(secret);
        ApiToken token = new ApiToken(hash.substring(0, 12), name, parsed.get(), hash, false, clock.instant());
        store.insertToken(token);
        return new IssuedToken(token, secret);
    }

    /** Revokes a token by id. */
    public synchronized ApiToken revokeToken(String id) {
        ApiToken token = store.tokens().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("API token " + id));
        ApiToken revoked = token.revoke();
        store.updateToken(revoked);
        return revoked;
    }

    /** Every token (secrets are never stored, only their hashes). */
    public List<ApiToken> tokens() {
        return store.tokens();
    }

    /** The live token with this secret. */
    public Optional<ApiToken> verifyToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return store.tokenBySecretHash(sha256(secret)).filter(t -> !t.revoked());
    }

    private UserAccount existing(String id) {
        return store.user(id).orElseThrow(() -> new NotFoundException("user " + id));
    }

    /** Checks the PIN against the role's rule; without a known role, against the loosest (operator) rule. */
    private static void checkPin(String pin, Role role, List<Problem> problems) {
        int min = minimumPinLength(role == null ? Role.OPERATOR : role);
        if (pin == null || !DIGITS.matcher(pin).matches() || pin.length() < min || pin.length() > MAX_PIN) {
            problems.add(new Problem("pin", "PIN must be " + min + "-" + MAX_PIN + " digits"
                    + (role == null ? "" : " for the role " + role.key())));
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new TracemarkException("SHA-256 is not available in this JVM", e);
        }
    }
}
