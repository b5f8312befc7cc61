package io.tracemark.web;

import java.time.Instant;

/**
 * A person who may sign in at the panel.
 *
 * @param pinHash the PIN as {@link PinHasher} stores it, never the PIN itself
 */
public record UserAccount(String id, String name, Role role, boolean enabled, String pinHash, Instant createdAt) {

    UserAccount withEnabled(boolean value) {
        return new UserAccount(id, name, role, value, pinHash, createdAt);
    }

    UserAccount withPinHash(String value) {
        return new UserAccount(id, name, role, enabled, value, createdAt);
    }
}
