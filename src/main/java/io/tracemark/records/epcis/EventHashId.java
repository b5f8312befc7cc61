package io.tracemark.records.epcis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The EPCIS Event Hash ID of GS1 CBV 2.0 (section 8.9, "EPCIS Event Hash ID"): the event's fields in
 * the canonical property order (eventType, eventTime, eventTimeZoneOffset, epcList, parentID,
 * childEPCs, quantityList, ..., action, bizStep, disposition, readPoint, ..., ilmd, user extensions),
 * concatenated without separators as {@code key=value}, list names once followed by their sorted
 * children, timestamps in UTC with milliseconds, bare CBV values expanded to their
 * {@code https://ref.gs1.org/cbv/} Web URIs, CURIEs expanded, ILMD and extension elements as
 * {@code {namespace}localName=value} sorted; the SHA-256 of that pre-hash string as
 * {@code ni:///sha-256;<hex>?ver=CBV2.0} (RFC 6920). Source: the CBV 2.0 standard and the GS1
 * reference implementation's description (github.com/RalphTro/epcis-event-hash-generator, README
 * "Algorithm"); the code here is the project's own.
 */
public final class EventHashId {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    /** Prefixes of the CURIEs the station writes, as the EPCIS 2.0 JSON-LD context defines them. */
    static final Map<String, String> PREFIXES = Map.of(
            "cbvmda", "urn:epcglobal:cbv:mda:",
            "tm", "https://tracemark.io/epcis/");

    private EventHashId() {
    }

    /** The event hash ID, {@code ni:///sha-256;…?ver=CBV2.0}. */
    public static String of(EpcisEvent e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(preHash(e).getBytes(StandardCharsets.UTF_8));
            return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=CBV2.0";
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** The canonical pre-hash string. */
    public static String preHash(EpcisEvent e) {
        StringBuilder b = new StringBuilder();
        b.append("eventType=").append(e.type());
        b.append("eventTime=").append(time(e.eventTime()));
        b.append("eventTimeZoneOffset=").append(e.zoneOffset().strip());
        boolean aggregation = e.type().equals("AggregationEvent");
        if (!aggregation) {
            list(b, "epcList", "epc", e.epcs());
        }
        if (e.parentId() != null) {
            b.append("parentID=").append(e.parentId().strip());
        }
        if (aggregation) {
            list(b, "childEPCs", "epc", e.epcs());
        }
        if (!e.quantities().isEmpty()) {
            List<String> elements = new ArrayList<>();
            for (EpcisEvent.Quantity q : e.quantities()) {
                elements.add("epcClass=" + q.epcClass() + "quantity=" + q.quantity());
            }
            elements.sort(null);
            b.append(aggregation ? "childQuantityList" : "quantityList");
            elements.forEach(b::append);
        }
        b.append("action=").append(e.action());
        b.append("bizStep=").append(cbv("BizStep-", e.bizStep()));
        b.append("disposition=").append(cbv("Disp-", e.disposition()));
        if (e.readPoint() != null) {
            b.append("readPointid=").append(e.readPoint().strip());
        }
        // sourceList, destinationList after readPoint (CBV 2.0 section 8.9 order); each element type first,
        // then its id, the elements sorted
        sourceDest(b, "sourceList", "source", e.sources());
        sourceDest(b, "destinationList", "destination", e.destinations());
        if (!e.ilmd().isEmpty()) {
            b.append("ilmd");
            sortedElements(e.ilmd()).forEach(b::append);
        }
        sortedElements(e.extensions()).forEach(b::append);
        return b.toString();
    }

    private static void sourceDest(StringBuilder b, String name, String child, List<EpcisEvent.SourceDest> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(child + "type=" + cbv("SDT-", v.type()) + child + "=" + v.id().strip()));
        sorted.sort(null);
        b.append(name);
        sorted.forEach(b::append);
    }

    private static void list(StringBuilder b, String name, String child, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(child + "=" + v.strip()));
        sorted.sort(null);
        b.append(name);
        sorted.forEach(b::append);
    }

    private static List<String> sortedElements(Map<String, String> curies) {
        List<String> out = new ArrayList<>();
        curies.forEach((curie, value) -> out.add(expandedName(curie) + "=" + value.strip()));
        out.sort(null);
        return out;
    }

    /** {@code cbvmda:lotNumber} as {@code {urn:epcglobal:cbv:mda:}lotNumber}. */
    static String expandedName(String curie) {
        int colon = curie.indexOf(':');
        String ns = PREFIXES.get(curie.substring(0, colon));
        if (ns == null) {
            throw new IllegalArgumentException("unknown CURIE prefix in " + curie);
        }
        return "{" + ns + "}" + curie.substring(colon + 1);
    }

    private static String cbv(String kind, String bare) {
        return bare.startsWith("http") ? bare : "https://ref.gs1.org/cbv/" + kind + bare;
    }

    /** UTC with milliseconds; a 4th decimal of 5 to 9 rounds the 3rd up. */
    static String time(Instant t) {
        Instant rounded = t.truncatedTo(ChronoUnit.MILLIS);
        if (t.getNano() % 1_000_000 >= 500_000) {
            rounded = rounded.plusMillis(1);
        }
        return MILLIS.format(rounded);
    }
}
