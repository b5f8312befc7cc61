package io.tracemark.label;

import io.tracemark.codes.DigitalLink;
import io.tracemark.codes.ElementString;
import java.util.List;
import java.util.Map;

/**
 * What {@link LabelValues} derives from a GS1 element string (see there), written into the values
 * a unit sets on top of the job's: a value the job or the unit already has is kept.
 */
final class Derivation {

    private Derivation() {
    }

    /**
     * Adds to {@code own} what derives from {@code under} overlaid with {@code own}, in a fixed order:
     * {@code gs1} (from a bracketed {@code code}), {@code gtin}, {@code sscc}, {@code batch},
     * {@code serial}, {@code productionDate}, {@code expiryDate}, {@code digitalLink}, {@code code}.
     * Dates are read whether or not they are taken, so a bad one is always refused.
     */
    static void derive(Map<String, Object> under, Map<String, Object> own) {
        if (!has("gs1", under, own) && get("code", under, own) instanceof String code && code.startsWith("(")) {
            own.put("gs1", ElementString.parseBracketed(code));
        }
        if (!(get("gs1", under, own) instanceof ElementString gs1)) {
            return;
        }
        String gtin = null;
        String sscc = null;
        String batch = null;
        String serial = null;
        String produced = null;
        String expires = null;
        List<ElementString.Element> elements = gs1.elements();
        for (int i = 0; i < elements.size(); i++) { // the first element of each AI, as ElementString.get
            ElementString.Element e = elements.get(i);
            switch (e.ai()) {
                case "01" -> gtin = gtin == null ? e.value() : gtin;
                case "00" -> sscc = sscc == null ? e.value() : sscc;
                case "10" -> batch = batch == null ? e.value() : batch;
                case "21" -> serial = serial == null ? e.value() : serial;
                case "11" -> produced = produced == null ? e.value() : produced;
                case "17" -> expires = expires == null ? e.value() : expires;
                default -> {
                }
            }
        }
        putIfAbsent("gtin", gtin, under, own);
        putIfAbsent("sscc", sscc, under, own);
        putIfAbsent("batch", batch, under, own);
        putIfAbsent("serial", serial, under, own);
        putIfAbsent("productionDate", produced == null ? null : LabelValues.parseDate(produced), under, own);
        putIfAbsent("expiryDate", expires == null ? null : LabelValues.parseDate(expires), under, own);
        if (!has("digitalLink", under, own) && get("digitalLinkBase", under, own) instanceof String base) {
            own.put("digitalLink", DigitalLink.build(gs1, base));
        }
        if (!has("code", under, own)) {
            own.put("code", gs1.toBracketed());
        }
    }

    private static boolean has(String name, Map<String, Object> under, Map<String, Object> own) {
        return own.containsKey(name) || under.containsKey(name);
    }

    private static Object get(String name, Map<String, Object> under, Map<String, Object> own) {
        Object v = own.get(name);
        return v != null ? v : under.get(name);
    }

    private static void putIfAbsent(String name, Object value, Map<String, Object> under, Map<String, Object> own) {
        if (value != null && !has(name, under, own)) {
            own.put(name, value);
        }
    }
}
