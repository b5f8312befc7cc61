package io.tracemark.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a stored {@code unit.*} outbox payload, each as its JSON text ({@code 17} and
 * {@code "17"} alike are {@code "17"}), null when absent or JSON null. A flat payload of strings,
 * integers, booleans and nulls (what the ledger writes) is read token by token, without a tree;
 * anything else (a float, a nested value, not an object at all) is read as a tree, with the same
 * result a tree gives for it.
 */
record StoredPayload(String job, String seq, String code, String state, String type, String reason, String grade,
                     String at, String product, String parent, Map<String, String> details) {

    /**
     * Reads a payload.
     *
     * @throws IOException when it is not JSON
     */
    static StoredPayload read(String json) throws IOException {
        StoredPayload flat = readFlat(json);
        return flat != null ? flat : fromTree(PlatformJson.mapper().readTree(json));
    }

    /** The payload read token by token, or null when it holds something only a tree reads alike. */
    static StoredPayload readFlat(String json) throws IOException {
        try (JsonParser p = PlatformJson.mapper().getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Builder b = new Builder();
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                if (field.equals("details")) {
                    if (!b.details(p, t)) {
                        return null;
                    }
                } else if (t.isStructStart()) {
                    if (Builder.known(field)) {
                        return null;
                    }
                    p.skipChildren(); // a field the sender does not read
                } else {
                    String text = scalar(p, t);
                    if (text == NOT_FLAT) {
                        return null;
                    }
                    b.set(field, text);
                }
            }
            return p.currentToken() == JsonToken.END_OBJECT ? b.build() : null;
        } catch (IOException | RuntimeException e) {
            return null; // the tree reader names what is wrong
        }
    }

    /** Marks a value whose text only a tree gives (a float's canonical form, a huge integer). */
    private static final String NOT_FLAT = new String("not flat");

    /** A scalar's text as {@link JsonNode#asText()} gives it, null for JSON null, or {@link #NOT_FLAT}. */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NOT_FLAT
                    : Long.toString(p.getLongValue());
            default -> NOT_FLAT;
        };
    }

    private static StoredPayload fromTree(JsonNode p) {
        Builder b = new Builder();
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            JsonNode v = e.getValue();
            if (e.getKey().equals("details")) {
                b.details = v.isObject() ? new LinkedHashMap<>() : null;
                for (Map.Entry<String, JsonNode> d : v.isObject() ? v.properties() : Set.<Map.Entry<String, JsonNode>>of()) {
                    b.details.put(d.getKey(), d.getValue().asText());
                }
            } else {
                b.set(e.getKey(), v.isNull() ? null : v.asText());
            }
        }
        return b.build();
    }

    /** Collects the fields in payload order; a repeated field counts with its last value, as in a tree. */
    private static final class Builder {
        private String job;
        private String seq;
        private String code;
        private String state;
        private String type;
        private String reason;
        private String grade;
        private String at;
        private String product;
        private String parent;
        private Map<String, String> details;

        static boolean known(String field) {
            return switch (field) {
                case "job", "seq", "code", "state", "type", "reason", "grade", "at", "product", "parent" -> true;
                default -> false;
            };
        }

        void set(String field, String text) {
            switch (field) {
                case "job" -> job = text;
                case "seq" -> seq = text;
                case "code" -> code = text;
                case "state" -> state = text;
                case "type" -> type = text;
                case "reason" -> reason = text;
                case "grade" -> grade = text;
                case "at" -> at = text;
                case "product" -> product = text;
                case "parent" -> parent = text;
                default -> { } // a field the sender does not read
            }
        }

        /** Reads the {@code details} value at {@code t}; false when it is not flat. */
        boolean details(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                details = null;
                if (t.isStructStart()) {
                    p.skipChildren();
                }
                return true; // not an object: ignored, as a tree ignores it
            }
            details = new LinkedHashMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                JsonToken v = p.nextToken();
                String text = v.isStructStart() ? NOT_FLAT : scalar(p, v);
                if (text == NOT_FLAT) {
                    return false;
                }
                details.put(key, text == null ? "null" : text); // a tree's JSON null reads as "null"
            }
            return true;
        }

        StoredPayload build() {
            return new StoredPayload(job, seq, code, state, type, reason, grade, at, product, parent,
                    details == null ? Map.of() : details);
        }
    }
}
