package io.tracemark.web;

import java.time.Instant;

/**
 * A bearer token another system uses to call the API with a role.
 *
 * @param secretHash SHA-256 (hex) of the secret; the secret itself is shown once, when created
 */
public record ApiToken(String id, String name, Role role, String secretHash, boolean revoked, Instant createdAt) {

    ApiToken revoke() {
        return new ApiToken(id, name, role, secretHash, true, createdAt);
    }
}
