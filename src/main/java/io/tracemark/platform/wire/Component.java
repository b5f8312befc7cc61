package io.tracemark.platform.wire;

/**
 * A main raw material or part (guideline 5.3.4.3). The supplier name is masked on public pages
 * (guideline 5.3.4.4).
 *
 * @param name         what the part is, e.g. 电源适配器
 * @param supplierName the supplier's full name (shown masked to consumers)
 * @param licence      the part's production licence or CCC certificate number, if any
 * @param visible      whether consumers may see this part at all
 */
public record Component(String name, String supplierName, String licence, boolean visible) {
}
