package io.tracemark.master;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads producer and product master data from a file, YAML or CSV (by extension), into rows that
 * know their line. Every problem of form is listed at once; the checks of content are
 * {@link MasterDataImport}'s.
 *
 * <p>YAML: a mapping with lists {@code producers} and {@code products}, one mapping per record with
 * the fields of {@link MasterDataRow.Kind#fields()} (write GTINs and USCCs in quotes). CSV: a
 * header row, a {@code record} column saying {@code producer} or {@code product}, and a column per
 * field; UTF-8, with or without BOM.
 */
public final class MasterDataFile {

    private MasterDataFile() {
    }

    /** The rows read and the problems of form found (unknown fields, bad values), each with its line. */
    public record Contents(List<MasterDataRow> rows, List<Problem> problems) {
    }

    /** Reads the file; throws {@link InvalidInputException} only when it cannot be read as YAML or CSV at all. */
    public static Contents read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Problem> problems = new ArrayList<>();
        List<MasterDataRow> rows;
        try {
            if (name.endsWith(".csv")) {
                rows = csv(file, problems);
            } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                rows = yaml(file, problems);
            } else {
                throw new InvalidInputException("master data " + file, List.of(new Problem("file",
                        "name it .yaml, .yml or .csv: the extension says how to read it")));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException("master data " + file + ", nothing imported", List.of(new Problem(
                    "line " + line, "not readable as " + (name.endsWith(".csv") ? "CSV" : "YAML") + ": "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidInputException("master data " + file, List.of(new Problem("file",
                    "cannot read: " + e.getMessage())));
        }
        return new Contents(rows, problems);
    }

    private static List<MasterDataRow> yaml(Path file, List<Problem> problems) throws IOException {
        List<MasterDataRow> rows = new ArrayList<>();
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem("line 1", "expected a mapping with the lists 'producers' and 'products'"));
                return rows;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                MasterDataRow.Kind kind = section.equals("producers") ? MasterDataRow.Kind.PRODUCER
                        : section.equals("products") ? MasterDataRow.Kind.PRODUCT : null;
                JsonToken t = p.nextToken();
                if (kind == null || t != JsonToken.START_ARRAY) {
                    problems.add(new Problem("line " + line, kind == null ? "unknown section '" + section
                            + "' (producers, products)" : "'" + section + "' must be a list"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    rows.add(yamlRow(p, kind, problems));
                }
            }
        }
        return rows;
    }

    private static MasterDataRow yamlRow(JsonParser p, MasterDataRow.Kind kind, List<Problem> problems) throws IOException {
        String where = "line " + p.currentTokenLocation().getLineNr();
        Map<String, String> fields = new LinkedHashMap<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(new Problem(where, "a " + kind.key() + " must be a mapping of its fields"));
            p.skipChildren();
            return new MasterDataRow(kind, where, fields);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            String at = "line " + p.currentTokenLocation().getLineNr() + ", " + kind.key() + "." + field;
            JsonToken value = p.nextToken();
            if (kind == MasterDataRow.Kind.PRODUCT && field.equals("components") && value == JsonToken.START_ARRAY) {
                fields.put(field, components(p, at, problems));
            } else if (value.isStructStart()) {
                problems.add(new Problem(at, "must be one text value"));
                p.skipChildren();
            } else if (value == JsonToken.VALUE_NUMBER_INT && p.getText().startsWith("0")) {
                problems.add(new Problem(at, "write " + p.getText() + " in quotes: as a number it loses its leading 0"));
            } else if (!kind.fields().contains(field)) {
                problems.add(unknown(kind, at));
            } else if (value != JsonToken.VALUE_NULL) {
                fields.put(field, p.getText());
            }
        }
        return new MasterDataRow(kind, where, fields);
    }

    /**
     * A product's {@code components} as a YAML list of mappings ({@code role}, {@code name}, {@code scheme},
     * {@code product}), in the text form of {@link ComponentRole#parse}.
     */
    private static String components(JsonParser p, String at, List<Problem> problems) throws IOException {
        List<String> entries = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(at, "each component must be a mapping of role, name, scheme and/or product"));
                p.skipChildren();
                continue;
            }
            Map<String, String> c = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isStructStart() || !List.of("role", "name", "scheme", "product").contains(key)) {
                    problems.add(new Problem(at + "." + key, "unknown component field; a component has role, name, scheme, product"));
                    p.skipChildren();
                } else if (v != JsonToken.VALUE_NULL) {
                    c.put(key, p.getText().replace(";", ",").replace(":", "："));
                }
            }
            List<String> accepts = new ArrayList<>();
            if (c.containsKey("scheme")) {
                accepts.add("scheme=" + c.get("scheme"));
            }
            if (c.containsKey("product")) {
                accepts.add("product=" + c.get("product"));
            }
            entries.add(c.getOrDefault("role", "") + ":" + c.getOrDefault("name", "") + ":" + String.join(",", accepts));
        }
        return String.join("; ", entries);
    }

    private static List<MasterDataRow> csv(Path file, List<Problem> problems) throws IOException {
        List<MasterDataRow> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            int line = 1; // the header
            while (it.hasNextValue()) {
                Map<String, String> raw = it.nextValue();
                String where = "line " + ++line;
                String record = raw.getOrDefault("record", "").strip().toLowerCase(Locale.ROOT);
                MasterDataRow.Kind kind = record.equals("producer") ? MasterDataRow.Kind.PRODUCER
                        : record.equals("product") ? MasterDataRow.Kind.PRODUCT : null;
                if (kind == null) {
                    problems.add(new Problem(where + ", record", "'" + record + "' is not producer or product"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                raw.forEach((k, v) -> {
                    if (!k.equals("record") && v != null && !v.isBlank()) {
                        if (kind.fields().contains(k.strip())) {
                            fields.put(k.strip(), v);
                        } else {
                            problems.add(unknown(kind, where + ", " + kind.key() + "." + k.strip()));
                        }
                    }
                });
                rows.add(new MasterDataRow(kind, where, fields));
            }
        }
        return rows;
    }

    private static Problem unknown(MasterDataRow.Kind kind, String at) {
        return new Problem(at, "unknown field; a " + kind.key() + " has " + String.join(", ", kind.fields()));
    }
}
