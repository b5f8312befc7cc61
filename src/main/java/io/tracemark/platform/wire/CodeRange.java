package io.tracemark.platform.wire;

import java.time.Instant;
import java.util.List;

/**
 * A range of activated codes for one product: either an explicit list ({@code codes}) or a numeric
 * interval ({@code pattern}), never both.
 *
 * @param id            platform identifier
 * @param productId     the product
 * @param requestId     the code request it answers
 * @param scheme        gs1 (element string), digital-link or digital-identity (opaque 数字身份码)
 * @param count         how many codes it holds
 * @param codes         explicit codes, or null
 * @param pattern       numeric interval, or null
 * @param status        acknowledgement state
 * @param refusalReason the station's reason when refused
 * @param activatedAt   when it was activated
 */
public record CodeRange(String id, String productId, String requestId, String scheme, long count,
                        List<String> codes, CodePattern pattern, RangeStatus status, String refusalReason,
                        Instant activatedAt) {

    /** Same range with another acknowledgement state. */
    public CodeRange withStatus(RangeStatus newStatus, String reason) {
        return new CodeRange(id, productId, requestId, scheme, count, codes, pattern, newStatus, reason,
                activatedAt);
    }
}
