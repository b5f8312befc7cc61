package io.tracemark.platform.wire;

import java.time.Instant;

/**
 * A station's request for codes and its audit outcome.
 *
 * @param id        platform identifier
 * @param productId the product the codes are for
 * @param quantity  how many codes
 * @param scheme    the code scheme asked for (null: the product's scheme)
 * @param status    audit state
 * @param auditedBy {@code auto} or the auditing person, null while pending
 * @param reason    why it was refused, else null
 * @param rangeId   the activated range, once activated
 * @param createdAt when the platform received it
 */
public record CodeRequest(String id, String productId, int quantity, String scheme, CodeRequestStatus status,
                          String auditedBy, String reason, String rangeId, Instant createdAt) {
}
