package io.tracemark.records.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CBV 2.0 event hash ID against a published test vector: GS1's reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator), tests/examples/TimeStampRoundOff.jsonld, first event,
 * with its pre-hash string and hash from TimeStampRoundOff.prehashes / .hashes.
 */
class EventHashIdTest {

    private static EpcisEvent reference(Instant at) {
        return new EpcisEvent("ObjectEvent", at, "+01:00", List.of("https://id.gs1.org/00/040123451111111110"), null,
                List.of(), "OBSERVE", "shipping", "in_transit", "https://id.gs1.org/414/4012345000115", Map.of(), Map.of());
    }

    @Test
    void matchesTheReferenceVectorIncludingTheMillisecondRounding() {
        EpcisEvent e = reference(Instant.parse("2023-02-02T11:04:03.1415Z"));
        assertEquals("eventType=ObjectEventeventTime=2023-02-02T11:04:03.142ZeventTimeZoneOffset=+01:00epcListepc="
                + "https://id.gs1.org/00/040123451111111110action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shipping"
                + "disposition=https://ref.gs1.org/cbv/Disp-in_transitreadPointid=https://id.gs1.org/414/4012345000115",
                EventHashId.preHash(e));
        assertEquals("ni:///sha-256;af7658e711574363633f20b3dadc7bc4c13c6f612cf96d95e03c421c0e58f3c6?ver=CBV2.0",
                EventHashId.of(e));
        assertEquals("2023-02-02T11:04:03.141Z", EventHashId.time(Instant.parse("2023-02-02T11:04:03.1414Z")));
    }

    @Test
    void ilmdAndExtensionsAreExpandedSortedAndChangeTheHash() {
        EpcisEvent plain = reference(Instant.parse("2026-12-02T08:00:00Z"));
        EpcisEvent withLot = new EpcisEvent("ObjectEvent", plain.eventTime(), "+08:00", List.of("https://id.gs1.org/01/06901234000016/21/B", "https://id.gs1.org/01/06901234000016/21/A"),
                null, List.of(), "ADD", "commissioning", "active", null,
                Map.of("cbvmda:lotNumber", "L1", "cbvmda:itemExpirationDate", "2028-12-02"), Map.of("tm:grade", "A"));
        String pre = EventHashId.preHash(withLot);
        assertEquals("eventType=ObjectEventeventTime=2026-12-02T08:00:00.000ZeventTimeZoneOffset=+08:00epcList"
                + "epc=https://id.gs1.org/01/06901234000016/21/Aepc=https://id.gs1.org/01/06901234000016/21/B"
                + "action=ADDbizStep=https://ref.gs1.org/cbv/BizStep-commissioningdisposition=https://ref.gs1.org/cbv/Disp-active"
                + "ilmd{urn:epcglobal:cbv:mda:}itemExpirationDate=2028-12-02{urn:epcglobal:cbv:mda:}lotNumber=L1"
                + "{https://tracemark.io/epcis/}grade=A", pre);
        EpcisEvent otherLot = new EpcisEvent("ObjectEvent", plain.eventTime(), "+08:00", withLot.epcs(), null, List.of(), "ADD",
                "commissioning", "active", null, Map.of("cbvmda:lotNumber", "L2", "cbvmda:itemExpirationDate", "2028-12-02"),
                Map.of("tm:grade", "A"));
        assertNotEquals(EventHashId.of(withLot), EventHashId.of(otherLot));
    }
}
