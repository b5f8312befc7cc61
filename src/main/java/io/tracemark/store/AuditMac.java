package io.tracemark.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an audit entry's hash is made. Keyed entries: HMAC-SHA256 under the station's audit key over
 * {@code "tracemark.audit.v2"}, the id and the time as 8-byte big-endian numbers, then actor, action,
 * detail and the previous hash, each as a 4-byte big-endian length and its UTF-8 bytes. Every field
 * has its own length, so no two different entries encode alike (with {@code |} joins, actor
 * {@code "a|b"} and action {@code "c"} read as actor {@code "a"} and action {@code "b|c"}).
 * Not thread-safe: one per thread of use.
 */
final class AuditMac {

    static final String SCHEME = "hmac-sha256";
    private static final byte[] TAG = "tracemark.audit.v2".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;
    private final ByteBuffer number = ByteBuffer.allocate(16);

    AuditMac(AuditKey key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The keyed hash of one entry, as 64 hex digits. */
    String hash(long id, long at, String actor, String action, String detail, String prev) {
        mac.update(TAG);
        number.clear();
        mac.update(number.putLong(id).putLong(at).array(), 0, 16);
        field(actor);
        field(action);
        field(detail);
        field(prev);
        return HEX.formatHex(mac.doFinal());
    }

    private void field(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number.clear();
        mac.update(number.putInt(bytes.length).array(), 0, 4);
        mac.update(bytes);
    }

    /** The unkeyed hash of entries written before V12: SHA-256 of the fields joined by {@code |}. */
    static String legacyHash(String prev, long id, long at, String actor, String action, String detail) {
        String content = prev + '|' + id + '|' + at + '|' + actor + '|' + action + '|' + detail;
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
