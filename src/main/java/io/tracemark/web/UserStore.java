package io.tracemark.web;

import java.util.List;
import java.util.Optional;

/**
 * Where users and API tokens are kept. Implementations must be thread-safe; every write is durable
 * when the method returns.
 */
public interface UserStore {

    /** The user with this id, enabled or not. */
    Optional<UserAccount> user(String id);

    /** Every user, ordered by id. */
    List<UserAccount> users();

    /** Adds a new user; the caller has checked that the id is free. */
    void insert(UserAccount user);

    /** Replaces the stored user with the same id. */
    void update(UserAccount user);

    /** The token whose secret hashes to {@code secretHash}, revoked or not. */
    Optional<ApiToken> tokenBySecretHash(String secretHash);

    /** Every token, ordered by id. */
    List<ApiToken> tokens();

    /** Adds a new token. */
    void insertToken(ApiToken token);

    /** Replaces the stored token with the same id. */
    void updateToken(ApiToken token);
}
