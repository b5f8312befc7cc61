package io.tracemark.records.epcis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an EPCIS 2.0 JSON-LD document ({@code EPCISDocument}, schemaVersion 2.0, the standard
 * context {@value #CONTEXT} plus the station's {@code tm} namespace). Every event carries its event
 * hash ID as {@code eventID}; the creation date is the latest event time, so exporting the same
 * records again writes the same bytes.
 */
public final class EpcisDocument {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EpcisDocument() {
    }

    /** The document as a JSON tree (maps and lists in print order). */
    public static Map<String, Object> of(List<EpcisEvent> events, Instant whenEmpty) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of(CONTEXT, Map.of("tm", EventHashId.PREFIXES.get("tm"))));
        doc.put("type", "EPCISDocument");
        doc.put("schemaVersion", "2.0");
        Instant created = events.stream().map(EpcisEvent::eventTime).max(Instant::compareTo).orElse(whenEmpty);
        doc.put("creationDate", EventHashId.time(created));
        List<Map<String, Object>> list = new ArrayList<>();
        events.forEach(e -> list.add(json(e)));
        doc.put("epcisBody", Map.of("eventList", list));
        return doc;
    }

    /** Writes the document to {@code file} (whole or not at all). */
    public static void write(List<EpcisEvent> events, Instant whenEmpty, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(tmp.toFile(), of(events, whenEmpty));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the EPCIS document " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> json(EpcisEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        m.put("eventTime", EventHashId.time(e.eventTime()));
        m.put("eventTimeZoneOffset", e.zoneOffset());
        m.put("eventID", EventHashId.of(e));
        boolean aggregation = e.type().equals("AggregationEvent");
        if (e.parentId() != null) {
            m.put("parentID", e.parentId());
        }
        if (!e.epcs().isEmpty()) {
            m.put(aggregation ? "childEPCs" : "epcList", e.epcs());
        }
        if (!e.quantities().isEmpty()) {
            List<Map<String, Object>> q = new ArrayList<>();
            e.quantities().forEach(x -> q.add(Map.of("epcClass", x.epcClass(), "quantity", x.quantity())));
            m.put(aggregation ? "childQuantityList" : "quantityList", q);
        }
        m.put("action", e.action());
        m.put("bizStep", e.bizStep());
        m.put("disposition", e.disposition());
        if (!e.sources().isEmpty()) {
            m.put("sourceList", e.sources().stream().map(x -> Map.of("type", x.type(), "source", x.id())).toList());
        }
        if (!e.destinations().isEmpty()) {
            m.put("destinationList", e.destinations().stream().map(x -> Map.of("type", x.type(), "destination", x.id())).toList());
        }
        if (e.readPoint() != null) {
            m.put("readPoint", Map.of("id", e.readPoint()));
        }
        if (!e.ilmd().isEmpty()) {
            m.put("ilmd", new java.util.TreeMap<>(e.ilmd()));
        }
        new java.util.TreeMap<>(e.extensions()).forEach(m::put);
        return m;
    }
}
