package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The station's audit key: 32 random bytes that key the audit chain's HMAC, kept in a file outside
 * the database (and outside the data directory, so a copy of the database or of the data directory
 * cannot re-sign a rebuilt chain). Created once, when the station first opens its database, readable by
 * its owner only.
 *
 * <p>Where it lives: {@code TRACEMARK_AUDIT_KEY} (a file path) when set, else the system property
 * {@code tracemark.auditKey}, else beside the data directory: data directory {@code /srv/tm/data} has
 * its key in {@code /srv/tm/data.audit-key}.
 *
 * <p>The file also says how many audit entries the database held, unkeyed, when the key was created
 * ({@code lastLegacyId}): entries written before the keyed chain (SHA-256 over {@code |}-joined
 * fields, migration V12 marks them) are accepted only up to that number, so a chain cannot be
 * rewritten as unkeyed entries to escape the key.
 *
 * @param file          the key file
 * @param secret        the HMAC key
 * @param lastLegacyId the id of the last audit entry that predates the key (0: none)
 */
public record AuditKey(Path file, byte[] secret, long lastLegacyId) {

    /** The environment variable naming the key file. */
    public static final String ENV = "TRACEMARK_AUDIT_KEY";
    /** The system property naming the key file (when the environment variable is not set). */
    public static final String PROPERTY = "tracemark.auditKey";

    private static final HexFormat HEX = HexFormat.of();

    public AuditKey {
        secret = secret.clone();
    }

    /** Where the key of the station whose data directory is {@code dataDir} lives. */
    public static Path locationFor(Path dataDir) {
        String configured = System.getenv(ENV);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(PROPERTY);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path absolute = dataDir.toAbsolutePath().normalize();
        Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
        return parent.resolve(absolute.getFileName() + ".audit-key");
    }

    /**
     * Reads the key file.
     *
     * @throws StorageException when it is missing or unreadable (the message names the file)
     */
    public static AuditKey read(Path file) {
        if (!Files.exists(file)) {
            throw new StorageException("the station's audit key " + file + " is missing; put it back (or set "
                    + ENV + " to its path): without it the audit trail cannot be checked or extended");
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IOException e) {
            throw new StorageException("cannot read the station's audit key " + file + ": " + e.getMessage(), e);
        }
        String hex = p.getProperty("key", "");
        try {
            byte[] secret = HEX.parseHex(hex);
            if (secret.length < 16) {
                throw new IllegalArgumentException("fewer than 16 bytes");
            }
            return new AuditKey(file, secret, Long.parseLong(p.getProperty("lastLegacyId", "0")));
        } catch (IllegalArgumentException e) {
            throw new StorageException("the station's audit key " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Creates a new key file, readable and writable by its owner only.
     *
     * @param lastLegacyId the id of the last unkeyed audit entry already in the database (0: none)
     * @return the new key, or the one another process created at the same moment
     * @throws StorageException when the file cannot be written
     */
    public static AuditKey create(Path file, long lastLegacyId) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String content = "# tracemark station audit key: keep it secret, keep it with the station, back it up apart\n"
                + "key=" + HEX.formatHex(secret) + "\nlastLegacyId=" + lastLegacyId + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system
            }
            Files.writeString(tmp, content, StandardCharsets.ISO_8859_1);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(file, tmp); // fails when another process created the key meanwhile
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new StorageException("cannot create the station's audit key " + file + ": " + e.getMessage()
                    + " (set " + ENV + " to a writable path)", e);
        }
        return new AuditKey(file, secret, lastLegacyId);
    }

    /** A short public name of the key (the first 8 bytes of its SHA-256), stored with each entry. */
    public String id() {
        try {
            return HEX.formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(secret), 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "AuditKey[" + file + ", id " + id() + "]";
    }
}
