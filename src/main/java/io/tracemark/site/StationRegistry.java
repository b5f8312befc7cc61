package io.tracemark.site;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The stations that may use the site, in the database ({@code stations}): each authenticates with
 * the bearer token it sends as its {@code platform.token}; the site keeps only the token's SHA-256.
 * Lookups are cached for a few seconds (a token is checked on every call).
 */
public final class StationRegistry {

    /** A registered station as the site page and the admin API show it. */
    public record Station(String id, String name, Instant registeredAt, Instant lastSeenAt) {
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final Duration SEEN_EVERY = Duration.ofSeconds(5);

    private record Cached(String stationId, Instant until) {
    }

    private final SiteDatabase db;
    private final Clock clock;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public StationRegistry(SiteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Registers a station, or gives a registered one a new name and token. */
    public void register(String id, String name, String token) {
        List<Problem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem("id", "'" + id + "' is not 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (token == null || token.length() < 16) {
            problems.add(new Problem("token", "must have at least 16 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("station " + id + " not registered", problems);
        }
        String hash = sha256(token);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stations WHERE token_sha256 = ? AND id <> ?")) {
                ps.setString(1, hash);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new InvalidInputException("station " + id + " not registered", List.of(new Problem("token",
                                "already the token of station " + rs.getString(1) + ": every station has its own")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stations(id, name, token_sha256) VALUES (?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, token_sha256 = excluded.token_sha256")) {
                ps.setString(1, id);
                ps.setString(2, name == null || name.isBlank() ? id : name);
                ps.setString(3, hash);
                ps.executeUpdate();
            }
            return null;
        });
        byHash.clear();
    }

    /** Registers a station with a new random token and returns the token (shown once). */
    public String registerWithNewToken(String id, String name) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = "st-" + HexFormat.of().formatHex(bytes);
        register(id, name, token);
        return token;
    }

    /** The station a token belongs to; marks it seen. */
    public Optional<String> stationOfToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        Cached cached = byHash.get(hash);
        if (cached == null || cached.until().isBefore(now)) {
            String id = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stations WHERE token_sha256 = ?")) {
                    ps.setString(1, hash);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            cached = new Cached(id, now.plus(CACHE));
            byHash.put(hash, cached);
        }
        if (cached.stationId() != null) {
            touch(cached.stationId(), now);
        }
        return Optional.ofNullable(cached.stationId());
    }

    private void touch(String stationId, Instant now) {
        Instant last = seen.get(stationId);
        if (last != null && last.plus(SEEN_EVERY).isAfter(now)) {
            return;
        }
        seen.put(stationId, now);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE stations SET last_seen_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, stationId);
                return ps.executeUpdate();
            }
        });
    }

    /** Every registered station, by id. */
    public List<Station> list() {
        return db.read(c -> {
            List<Station> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, registered_at, last_seen_at FROM stations ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp seenAt = rs.getTimestamp(4);
                    out.add(new Station(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            seenAt == null ? null : seenAt.toInstant()));
                }
            }
            return out;
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
