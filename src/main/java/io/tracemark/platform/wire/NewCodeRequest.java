package io.tracemark.platform.wire;

/**
 * Body of {@code POST /code-requests}.
 *
 * @param productId the product the codes are for
 * @param quantity  how many codes, 1 … 1,000,000
 * @param scheme    gs1, digital-link or digital-identity (opaque 数字身份码); null for the product's own scheme
 */
public record NewCodeRequest(String productId, int quantity, String scheme) {
}
