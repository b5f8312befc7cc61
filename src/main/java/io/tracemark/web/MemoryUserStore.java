package io.tracemark.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Users and tokens kept in memory only: for tests and tools that have no station database. */
public final class MemoryUserStore implements UserStore {

    private final ConcurrentSkipListMap<String, UserAccount> users = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, ApiToken> tokens = new ConcurrentSkipListMap<>();

    @Override
    public Optional<UserAccount> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public List<UserAccount> users() {
        return new ArrayList<>(users.values());
    }

    @Override
    public void insert(UserAccount user) {
        users.put(user.id(), user);
    }

    @Override
    public void update(UserAccount user) {
        users.put(user.id(), user);
    }

    @Override
    public Optional<ApiToken> tokenBySecretHash(String secretHash) {
        return tokens.values().stream().filter(t -> t.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public List<ApiToken> tokens() {
        return new ArrayList<>(tokens.values());
    }

    @Override
    public void insertToken(ApiToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public void updateToken(ApiToken token) {
        tokens.put(token.id(), token);
    }
}
