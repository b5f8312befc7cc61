package io.tracemark.platform.wire;

import java.util.List;

/**
 * Body of {@code POST /returns}: unused codes given back to the platform.
 *
 * @param idempotencyKey unique per return, stable across retries
 * @param productId      the product
 * @param codes          the codes, never printed
 */
public record CodeReturn(String idempotencyKey, String productId, List<String> codes) {

    public CodeReturn {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
