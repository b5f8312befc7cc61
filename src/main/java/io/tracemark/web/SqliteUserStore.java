package io.tracemark.web;

import io.tracemark.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users and API tokens in the station database (tables {@code users}, {@code api_tokens}, migration V3). */
public final class SqliteUserStore implements UserStore {

    private static final String USER_COLUMNS = "id, name, role, enabled, pin_hash, created_at";
    private static final String TOKEN_COLUMNS = "id, name, role, secret_hash, revoked, created_at";

    private final Database db;

    public SqliteUserStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<UserAccount> user(String id) {
        return db.read(conn -> users(conn, "WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<UserAccount> users() {
        return db.read(conn -> users(conn, "", null));
    }

    @Override
    public void insert(UserAccount user) {
        write("INSERT INTO users (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", user.id(), user.name(),
                user.role().name(), user.enabled() ? 1 : 0, user.pinHash(), user.createdAt().toEpochMilli());
    }

    @Override
    public void update(UserAccount user) {
        write("UPDATE users SET name = ?, role = ?, enabled = ?, pin_hash = ? WHERE id = ?", user.name(),
                user.role().name(), user.enabled() ? 1 : 0, user.pinHash(), user.id());
    }

    @Override
    public Optional<ApiToken> tokenBySecretHash(String secretHash) {
        return db.read(conn -> tokens(conn, "WHERE secret_hash = ?", secretHash).stream().findFirst());
    }

    @Override
    public List<ApiToken> tokens() {
        return db.read(conn -> tokens(conn, "", null));
    }

    @Override
    public void insertToken(ApiToken token) {
        write("INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", token.id(), token.name(),
                token.role().name(), token.secretHash(), token.revoked() ? 1 : 0, token.createdAt().toEpochMilli());
    }

    @Override
    public void updateToken(ApiToken token) {
        write("UPDATE api_tokens SET name = ?, role = ?, revoked = ? WHERE id = ?", token.name(), token.role().name(),
                token.revoked() ? 1 : 0, token.id());
    }

    private static List<UserAccount> users(Connection conn, String where, String arg) throws SQLException {
        List<UserAccount> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + USER_COLUMNS + " FROM users " + where + " ORDER BY id")) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                            rs.getInt(4) != 0, rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        return out;
    }

    private static List<ApiToken> tokens(Connection conn, String where, String arg) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_tokens " + where + " ORDER BY id")) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiToken(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getInt(5) != 0, Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        return out;
    }

    private void write(String sql, Object... args) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
