package io.tracemark.platform.reference;

import java.util.Objects;

/**
 * How a reference platform runs.
 *
 * @param seed         load the sample producer, products and station token ({@link SampleData})
 * @param autoAudit    audit code requests automatically (else they wait for an admin)
 * @param adminToken   bearer token of the admin endpoints
 * @param randomSeed   seed of opaque code generation; null for {@link java.security.SecureRandom}
 * @param resolverBase base of Digital Link URIs; null for this server's own URL
 */
public record ReferencePlatformOptions(boolean seed, boolean autoAudit, String adminToken, Long randomSeed,
                                       String resolverBase) {

    public ReferencePlatformOptions {
        Objects.requireNonNull(adminToken, "adminToken");
    }

    /** Sample data, automatic audit, admin token {@code demo-admin-token}, secure random codes. */
    public static ReferencePlatformOptions demo() {
        return new ReferencePlatformOptions(true, true, "demo-admin-token", null, null);
    }

    public ReferencePlatformOptions withAutoAudit(boolean on) {
        return new ReferencePlatformOptions(seed, on, adminToken, randomSeed, resolverBase);
    }

    public ReferencePlatformOptions withRandomSeed(long value) {
        return new ReferencePlatformOptions(seed, autoAudit, adminToken, value, resolverBase);
    }

    public ReferencePlatformOptions withSeed(boolean on) {
        return new ReferencePlatformOptions(on, autoAudit, adminToken, randomSeed, resolverBase);
    }
}
