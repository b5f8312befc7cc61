package io.tracemark.platform.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A producer's basic information (guideline 5.3.3.1), registered once and public.
 *
 * @param id              platform identifier
 * @param name            生产单位名称
 * @param uscc            统一社会信用代码 (18 characters)
 * @param address         生产/注册地址
 * @param contact         联系方式
 * @param businessLicence 营业执照 (number or document reference)
 * @param usccConfirmation a person's confirmation of a USCC whose check character fails, or null
 */
public record Producer(String id, String name, String uscc, String address, String contact,
                       String businessLicence, UsccConfirmation usccConfirmation) {

    /** A producer without a USCC confirmation. */
    public Producer(String id, String name, String uscc, String address, String contact, String businessLicence) {
        this(id, name, uscc, address, contact, businessLicence, null);
    }

    /** This producer carrying {@code confirmation} (null: none). */
    public Producer withUsccConfirmation(UsccConfirmation confirmation) {
        return new Producer(id, name, uscc, address, contact, businessLicence, confirmation);
    }

    /** Contract field names of the mandatory fields that are blank, in contract order. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        Blank.check(missing, "name", name);
        Blank.check(missing, "uscc", uscc);
        Blank.check(missing, "address", address);
        Blank.check(missing, "contact", contact);
        Blank.check(missing, "businessLicence", businessLicence);
        return missing;
    }
}
