package io.tracemark.master;

import java.util.Map;

/**
 * One producer or product as read from a master-data file, before any check.
 *
 * @param kind   what it describes
 * @param where  where it is in the file, e.g. {@code line 7}
 * @param fields its fields by name, as written (text)
 */
public record MasterDataRow(Kind kind, String where, Map<String, String> fields) {

    /** The two kinds of master data (guideline 5.3.3.1 and 5.3.3.2). */
    public enum Kind {
        PRODUCER("producer", java.util.List.of("id", "name", "uscc", "address", "contact", "businessLicence")),
        PRODUCT("product", java.util.List.of("id", "producer", "name", "type", "specification", "mandatoryStandard",
                "inspectionReport", "licenceNumber", "warranty", "instructions", "gtin", "components"));

        private final String key;
        private final java.util.List<String> fields;

        Kind(String key, java.util.List<String> fields) {
            this.key = key;
            this.fields = fields;
        }

        /** {@code producer} or {@code product}, as in files and field keys. */
        public String key() {
            return key;
        }

        /** Every field a row of this kind may have. */
        public java.util.List<String> fields() {
            return fields;
        }
    }

    public MasterDataRow {
        fields = Map.copyOf(fields);
    }

    String get(String field) {
        String v = fields.get(field);
        return v == null ? null : v.strip();
    }

    Producer producer() {
        return new Producer(get("id"), get("name"), get("uscc"), get("address"), get("contact"), get("businessLicence"));
    }

    Product product(Producer producer) {
        return new Product(get("id"), producer, get("name"), get("type"), get("specification"), get("mandatoryStandard"),
                get("inspectionReport"), get("licenceNumber"), get("warranty"), get("instructions"), get("gtin"));
    }
}
