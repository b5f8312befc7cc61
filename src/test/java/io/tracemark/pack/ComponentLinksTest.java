package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.master.ComponentRole;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.store.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * 组合多码 component codes on a real SQLite file: an e-bike's frame (an outside GS1 code), battery (a verified unit
 * made here) and charger linked to the e-bike's code; every refusal names the codes and changes nothing; unlink
 * and replace are journalled with the reason.
 */
class ComponentLinksTest {

    static final String FRAME = "(01)06901234000047(21)FR0001";
    static final String FRAME_RAW = "010690123400004721FR0002";
    static final String CHARGER = "(01)06901234000054(21)CH0001";

    @TempDir
    Path dir;

    private PackFixture f;
    private ComponentLinks links;
    private List<String> bikes;
    private List<String> batteries;
    private List<String> kettles;

    @BeforeEach
    void open() {
        f = new PackFixture(dir);
        MasterDataStore master = new MasterDataStore(f.db, new AuditLog(f.db));
        Producer pr = new Producer("PR", "Maker", "91440101MA59A1B2XK", "addr", "contact", "lic");
        Product bike = new Product("P-BIKE", pr, "电动自行车", "t", "s", "GB 17761-2024", "r", "", "", "", "");
        Product battery = new Product("P-BAT", pr, "蓄电池", "t", "s", "GB 43854-2024", "r", "", "", "", "");
        master.saveAll(List.of(), List.of(bike, battery), Map.of("P-BIKE", List.of(
                new ComponentRole("frame", "车架", Optional.of("gs1"), Optional.empty()),
                new ComponentRole("battery", "蓄电池", Optional.empty(), Optional.of("P-BAT")),
                new ComponentRole("charger", "充电器", Optional.of("gs1"), Optional.empty()))), "admin", "test");
        bikes = f.job("JB", "P-BIKE", 3, 1, 1);      // 3 VERIFIED, 1 REJECTED, 1 SENT
        batteries = f.job("JBAT", "P-BAT", 3, 1);
        kettles = f.job("JK", "P1", 1, 0);
        links = new ComponentLinks(f.db, f.db, Clock.systemUTC(), master, CodeSchemes.standard());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String snapshot() {
        return f.db.count("SELECT count(*) FROM component_links") + " " + f.db.count("SELECT count(*) FROM component_events")
                + " " + f.db.count("SELECT count(*) FROM audit_log") + " "
                + f.db.count("SELECT coalesce(sum(unit_id * length(component_code) * length(role)), 0) FROM component_links");
    }

    private void refused(Refusal refusal, String messagePart, Executable request) {
        String before = snapshot();
        PackRefusedException e = assertThrows(PackRefusedException.class, request);
        assertEquals(refusal, e.refusal(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertTrue(!e.params().isEmpty(), "a refusal carries its values as params: " + e.getMessage());
        assertEquals(before, snapshot(), "a refused request changed nothing");
    }

    @Test
    void eachComponentIsLinkedToItsRoleWriteAheadWithTimeJobAndUser() {
        CombinedUnit unit = links.link(bikes.get(0), FRAME, Optional.empty(), "anna");
        assertEquals(Optional.of(FRAME), unit.slot("frame").orElseThrow().component());
        unit = links.link(bikes.get(0), batteries.get(0), Optional.empty(), "anna");
        assertEquals(Optional.of(batteries.get(0)), unit.slot("battery").orElseThrow().component());
        unit = links.link(bikes.get(0), CHARGER, Optional.of("charger"), "anna");
        assertTrue(unit.complete());
        assertEquals(3, unit.linked());
        assertEquals(unit, links.unit(bikes.get(0)));
        assertEquals(3, f.db.count("SELECT count(*) FROM component_events WHERE action = 'LINK' AND job_id = 'JB' "
                + "AND actor = 'anna' AND at > 0"));
        // a raw GS1 scan (as a keyboard wedge types it) is stored bracketed, as the scheme reads it
        links.link(bikes.get(1), FRAME_RAW, Optional.empty(), "anna");
        assertEquals(1, f.db.count("SELECT count(*) FROM component_links WHERE component_code = '(01)06901234000047(21)FR0002'"));
    }

    @Test
    void aProductUnitThatIsNotVerifiedOrNotCombinedIsRefused() {
        refused(Refusal.NOT_VERIFIED, "is REJECTED, not VERIFIED", () -> links.link(bikes.get(3), FRAME, Optional.empty(), "anna"));
        refused(Refusal.NOT_VERIFIED, "is SENT, not VERIFIED", () -> links.link(bikes.get(4), FRAME, Optional.empty(), "anna"));
        refused(Refusal.UNKNOWN_CODE, "not in the station's ledger", () -> links.link("NOPE", FRAME, Optional.empty(), "anna"));
        refused(Refusal.NOT_COMBINED, "not defined as a set of components", () -> links.link(kettles.get(0), FRAME,
                Optional.empty(), "anna"));
    }

    @Test
    void aComponentThatIsNotVerifiedIsRefused() {
        refused(Refusal.NOT_VERIFIED, "is REJECTED, not VERIFIED", () -> links.link(bikes.get(0), batteries.get(3),
                Optional.empty(), "anna"));
        f.ledger.importCodes(List.of("TM900001"), "spare", "tm", code -> Optional.empty(), "x");
        refused(Refusal.NOT_VERIFIED, "never printed", () -> links.link(bikes.get(0), "TM900001", Optional.empty(), "anna"));
    }

    @Test
    void aComponentOfTheWrongRoleIsRefused() {
        refused(Refusal.WRONG_ROLE, "fits none of the roles", () -> links.link(bikes.get(0), kettles.get(0), Optional.empty(), "anna"));
        refused(Refusal.WRONG_ROLE, "fits none of the roles", () -> links.link(bikes.get(0), "(01)06901234000048(21)X",
                Optional.empty(), "anna"));
        refused(Refusal.WRONG_ROLE, "does not fit role battery", () -> links.link(bikes.get(0), FRAME, Optional.of("battery"), "anna"));
        refused(Refusal.WRONG_ROLE, "has no component role 'saddle'", () -> links.link(bikes.get(0), FRAME,
                Optional.of("saddle"), "anna"));
    }

    @Test
    void aComponentLinkedAlreadyOrScannedTwiceIsRefused() {
        links.link(bikes.get(0), FRAME, Optional.empty(), "anna");
        refused(Refusal.SCANNED_TWICE, "scanned twice", () -> links.link(bikes.get(0), FRAME, Optional.empty(), "anna"));
        refused(Refusal.SCANNED_TWICE, "scanned twice", () -> links.link(bikes.get(0), "010690123400004721FR0001",
                Optional.empty(), "anna"));
        refused(Refusal.ALREADY_LINKED, "is linked to product unit " + bikes.get(0), () -> links.link(bikes.get(1), FRAME,
                Optional.empty(), "anna"));
        refused(Refusal.SCANNED_TWICE, "own code", () -> links.link(bikes.get(0), bikes.get(0), Optional.empty(), "anna"));
        refused(Refusal.ROLE_FILLED, "holds " + FRAME + " already", () -> links.link(bikes.get(0), FRAME_RAW,
                Optional.of("frame"), "anna"));
    }

    @Test
    void aCompleteProductUnitTakesNoMoreComponents() {
        links.link(bikes.get(0), FRAME, Optional.empty(), "anna");
        links.link(bikes.get(0), batteries.get(0), Optional.empty(), "anna");
        links.link(bikes.get(0), CHARGER, Optional.empty(), "anna");
        refused(Refusal.UNIT_COMPLETE, "is complete (3 of 3 components)", () -> links.link(bikes.get(0), batteries.get(1),
                Optional.empty(), "anna"));
    }

    @Test
    void unlinkAndReplaceAreRecordedWithTheirReason() {
        links.link(bikes.get(0), FRAME, Optional.empty(), "anna");
        links.link(bikes.get(0), batteries.get(0), Optional.empty(), "anna");
        refused(Refusal.REASON_REQUIRED, "needs a reason", () -> links.replace(bikes.get(0), "battery", batteries.get(1), "sam", " "));
        refused(Refusal.NOT_LINKED, "holds no component", () -> links.unlink(bikes.get(0), "charger", "sam", "wrong part"));
        refused(Refusal.WRONG_ROLE, "does not fit role battery", () -> links.replace(bikes.get(0), "battery", CHARGER, "sam", "swap"));
        CombinedUnit unit = links.replace(bikes.get(0), "battery", batteries.get(1), "sam", "damaged cell");
        assertEquals(Optional.of(batteries.get(1)), unit.slot("battery").orElseThrow().component());
        unit = links.unlink(bikes.get(0), "frame", "sam", "frame bent");
        assertEquals(Optional.empty(), unit.slot("frame").orElseThrow().component());
        // the battery taken out is free again: it can go into another e-bike
        links.link(bikes.get(1), batteries.get(0), Optional.empty(), "anna");
        assertEquals(1, f.db.count("SELECT count(*) FROM component_events WHERE action = 'UNLINK' AND actor = 'sam' "
                + "AND reason LIKE 'replaced by " + batteries.get(1) + ": damaged cell'"));
        assertEquals(1, f.db.count("SELECT count(*) FROM component_events WHERE action = 'UNLINK' AND reason = 'frame bent'"));
        assertEquals(2, f.db.count("SELECT count(*) FROM audit_log WHERE actor = 'sam' AND action IN "
                + "('component.replace', 'component.unlink')"));
    }
}
