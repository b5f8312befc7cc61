package io.tracemark.records.epcis;

import io.tracemark.ledger.JobRecords;
import io.tracemark.ledger.JobRecords.JobSettings;
import io.tracemark.ledger.JobRecords.ReturnedCode;
import io.tracemark.ledger.JobRecords.UnitRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the EPCIS 2.0 events of the station's ledger (guideline 4 d: trace information in a standard form):
 * <ul>
 * <li>VERIFIED unit: ObjectEvent ADD, {@code commissioning}, {@code active}, with the lot
 *     ({@code cbvmda:lotNumber}) and expiry ({@code cbvmda:itemExpirationDate}) as ILMD;</li>
 * <li>REJECTED and VOIDED unit, and a code given back to the platform (RETURNED): ObjectEvent DELETE,
 *     {@code decommissioning}, disposition {@code inactive} (rejected, returned) or {@code unknown} (voided:
 *     sent, fate unknown), the station's reason as {@code tm:reason};</li>
 * <li>one code printed on many units (一品一码, 一批一码): one ObjectEvent per state with a
 *     quantityList instead of an epcList.</li>
 * </ul>
 * Cases, pallets and shipments (AggregationEvent ADD/packing, shipping ObjectEvents with source and
 * destination) come from {@link PackingEvents} ({@link StationPackingEvents} on the station's aggregation).
 */
public final class EpcisExport {

    private final JobRecords records;
    private final ZoneId zone;
    private final PackingEvents packing;

    public EpcisExport(JobRecords records, ZoneId zone, PackingEvents packing) {
        this.records = records;
        this.zone = zone;
        this.packing = packing;
    }

    /** Every event of one job, in event time order. */
    public List<EpcisEvent> job(String job) {
        JobSettings s = records.settings(job);
        List<UnitRow> units = new ArrayList<>();
        records.units(job, units::add);
        List<EpcisEvent> events = new ArrayList<>(unitEvents(s, units));
        for (ReturnedCode r : records.returned(job)) {
            events.add(event(List.of(EpcUris.instance(r.code())), List.of(), r.returnedAt(), "DELETE", "decommissioning",
                    "inactive", Map.of(), Map.of("tm:reason", "returned-to-platform")));
        }
        events.addAll(packing.events(job));
        events.sort(Comparator.comparing(EpcisEvent::eventTime).thenComparing(EventHashId::of));
        return events;
    }

    /** Every event of units judged in {@code [from, to)} (and codes returned then), in event time order. */
    public List<EpcisEvent> between(Instant from, Instant to) {
        List<EpcisEvent> events = new ArrayList<>();
        for (String job : records.jobsJudged(from, to)) {
            for (EpcisEvent e : job(job)) {
                if (!e.eventTime().isBefore(from) && e.eventTime().isBefore(to)) {
                    events.add(e);
                }
            }
        }
        events.sort(Comparator.comparing(EpcisEvent::eventTime).thenComparing(EventHashId::of));
        return events;
    }

    private List<EpcisEvent> unitEvents(JobSettings s, List<UnitRow> units) {
        boolean itemLevel = s.traceLevel().equals("ITEM") || s.traceLevel().equals("COMBINED");
        List<EpcisEvent> events = new ArrayList<>();
        if (itemLevel) {
            for (UnitRow u : units) {
                unitEvent(s, u).ifPresent(events::add);
            }
            return events;
        }
        // one code on many units: one event per final state, at the last verdict of that state
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Instant> last = new LinkedHashMap<>();
        String code = null;
        for (UnitRow u : units) {
            if (u.verdictAt() == null) {
                continue;
            }
            code = u.code();
            counts.computeIfAbsent(u.state(), k -> new long[1])[0]++;
            last.merge(u.state(), u.verdictAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (Map.Entry<String, long[]> c : counts.entrySet()) {
            List<EpcisEvent.Quantity> q = List.of(new EpcisEvent.Quantity(EpcUris.klass(code), c.getValue()[0]));
            boolean verified = c.getKey().equals("VERIFIED");
            events.add(event(List.of(), q, last.get(c.getKey()), verified ? "ADD" : "DELETE",
                    verified ? "commissioning" : "decommissioning", disposition(c.getKey()),
                    verified ? ilmd(s) : Map.of(), verified ? Map.of() : Map.of("tm:state", c.getKey())));
        }
        return events;
    }

    private java.util.Optional<EpcisEvent> unitEvent(JobSettings s, UnitRow u) {
        if (u.verdictAt() == null) {
            return java.util.Optional.empty(); // in flight: no event yet
        }
        List<String> epc = List.of(EpcUris.instance(u.code()));
        if (u.state().equals("VERIFIED")) {
            Map<String, String> ext = u.grade() == null ? Map.of() : Map.of("tm:grade", u.grade());
            return java.util.Optional.of(event(epc, List.of(), u.verdictAt(), "ADD", "commissioning", "active", ilmd(s), ext));
        }
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("tm:state", u.state());
        if (u.reason() != null) {
            ext.put("tm:reason", u.reason());
        }
        return java.util.Optional.of(event(epc, List.of(), u.verdictAt(), "DELETE", "decommissioning",
                disposition(u.state()), Map.of(), ext));
    }

    private static String disposition(String state) {
        return switch (state) {
            case "VERIFIED" -> "active";
            case "VOIDED" -> "unknown";
            default -> "inactive";
        };
    }

    private static Map<String, String> ilmd(JobSettings s) {
        Map<String, String> ilmd = new LinkedHashMap<>();
        if (s.batch() != null && !s.batch().isBlank()) {
            ilmd.put("cbvmda:lotNumber", s.batch());
        }
        if (s.expiryDate() != null && !s.expiryDate().isBlank()) {
            ilmd.put("cbvmda:itemExpirationDate", s.expiryDate());
        }
        return ilmd;
    }

    private EpcisEvent event(List<String> epcs, List<EpcisEvent.Quantity> quantities, Instant at, String action,
                             String bizStep, String disposition, Map<String, String> ilmd, Map<String, String> ext) {
        String offset = zone.getRules().getOffset(at).getId();
        return new EpcisEvent("ObjectEvent", at, offset.equals("Z") ? "+00:00" : offset, epcs, null, quantities, action,
                bizStep, disposition, null, ilmd, ext);
    }
}
