package io.tracemark.pack;

import io.tracemark.core.CodeState;
import java.sql.Connection;
import java.sql.SQLException;

/** The packing rules, checked inside the transaction of the change; each refusal names the code and the parent. */
final class PackRules {

    Parent existing(Connection conn, Sscc sscc) throws SQLException {
        return PackRows.parent(conn, sscc).orElseThrow(() -> new PackRefusedException(Refusal.UNKNOWN_PARENT,
                "no case or pallet has SSCC " + sscc));
    }

    /** An open case (its fullness is checked after the child, so a repeat scan is named as such). */
    Parent caseTakingUnits(Connection conn, Sscc sscc) throws SQLException {
        Parent box = existing(conn, sscc);
        requireKind(box, ParentKind.CASE);
        requireOpen(box, "packed");
        return box;
    }

    Parent palletTakingCases(Connection conn, Sscc sscc) throws SQLException {
        Parent pallet = existing(conn, sscc);
        requireKind(pallet, ParentKind.PALLET);
        requireOpen(pallet, "loaded");
        if (pallet.full()) {
            throw new PackRefusedException(Refusal.PARENT_FULL, "pallet " + sscc + " is full ("
                    + pallet.children() + " of " + pallet.capacity() + " cases)");
        }
        return pallet;
    }

    Parent caseReadyForPallet(Connection conn, Sscc caseSscc, Parent pallet) throws SQLException {
        Parent box = existing(conn, caseSscc);
        requireKind(box, ParentKind.CASE);
        requireLive(box, "put on a pallet");
        if (box.state() == ParentState.OPEN) {
            throw new PackRefusedException(Refusal.CASE_OPEN, "case " + caseSscc + " is still open ("
                    + box.children() + " of " + box.capacity() + "): close it before it goes on pallet " + pallet.sscc());
        }
        if (box.palletSscc().isPresent()) {
            Sscc on = box.palletSscc().get();
            throw on.equals(pallet.sscc())
                    ? new PackRefusedException(Refusal.SCANNED_TWICE, "case " + caseSscc + " is on pallet " + on + " already (scanned twice)")
                    : new PackRefusedException(Refusal.ALREADY_PACKED, "case " + caseSscc + " is on pallet " + on
                            + ": move it (with a reason) instead");
        }
        return box;
    }

    /** The unit of {@code code} if it may go into {@code box} (capacity aside). */
    ChildUnit packableUnit(Connection conn, Parent box, String code) throws SQLException {
        ChildUnit unit = knownUnit(conn, code);
        if (unit.units() > 1) {
            throw new PackRefusedException(Refusal.SHARED_CODE, "code " + code + " is printed on " + unit.units()
                    + " units (a batch-level code): a scan cannot tell them apart, so they are not packed by scan");
        }
        if (unit.state() == CodeState.SENT) {
            throw new PackRefusedException(Refusal.AWAITING_VERDICT, "code " + code + " is SENT and has no verdict yet: "
                    + "only verified units are packed (case " + box.sscc() + ")");
        }
        if (unit.state() != CodeState.VERIFIED) {
            throw new PackRefusedException(Refusal.NOT_VERIFIED, "code " + code + " is " + unit.state()
                    + ", not VERIFIED: only verified units are packed (case " + box.sscc() + ")");
        }
        if (unit.caseId().isPresent()) {
            if (unit.caseId().get() == box.id()) {
                throw new PackRefusedException(Refusal.SCANNED_TWICE, "code " + code + " is in case " + box.sscc()
                        + " already (scanned twice)");
            }
            Sscc other = PackRows.parent(conn, unit.caseId().get()).orElseThrow().sscc();
            throw new PackRefusedException(Refusal.ALREADY_PACKED, "code " + code + " is in case " + other
                    + ": not packed into " + box.sscc());
        }
        if (PackRows.number(conn, "SELECT count(*) FROM shipment_items WHERE unit_id = ?", unit.unitId())
                + PackRows.number(conn, "SELECT count(*) FROM shipped_units WHERE unit_id = ?", unit.unitId()) > 0) {
            throw new PackRefusedException(Refusal.IN_SHIPMENT, "code " + code + " is in a shipment: not packed into " + box.sscc());
        }
        if (box.productId().isPresent() && unit.productId().isPresent()
                && !box.productId().get().equals(unit.productId().get())) {
            throw new PackRefusedException(Refusal.OTHER_PRODUCT, "code " + code + " is product "
                    + unit.productId().get() + ", case " + box.sscc() + " holds product " + box.productId().get());
        }
        if (box.jobId().isPresent() && !box.jobId().get().equals(unit.jobId()) && !box.mixJobs()) {
            throw new PackRefusedException(Refusal.OTHER_JOB, "code " + code + " is of job " + unit.jobId()
                    + ", case " + box.sscc() + " holds job " + box.jobId().get() + " only");
        }
        return unit;
    }

    ChildUnit knownUnit(Connection conn, String code) throws SQLException {
        for (String candidate : ScannedCode.candidates(code)) {
            var unit = PackRows.childUnit(conn, candidate);
            if (unit.isPresent()) {
                return unit.get();
            }
        }
        if (ScannedCode.candidates(code).stream().anyMatch(c -> known(conn, c))) {
            throw new PackRefusedException(Refusal.NOT_VERIFIED, "code " + code + " was never printed: only verified units are packed",
                    java.util.Map.of("code", code, "state", "AVAILABLE"));
        }
        throw new PackRefusedException(Refusal.UNKNOWN_CODE, "code " + code + " is not in the station's ledger",
                java.util.Map.of("code", code));
    }

    private static boolean known(Connection conn, String code) {
        try {
            return PackRows.codeKnown(conn, code);
        } catch (SQLException e) {
            throw new io.tracemark.core.StorageException("lookup of code " + code + " failed: " + e.getMessage(), e);
        }
    }

    ChildUnit unitIn(Connection conn, Parent box, String code) throws SQLException {
        ChildUnit unit = knownUnit(conn, code);
        if (unit.caseId().isEmpty() || unit.caseId().get() != box.id()) {
            throw new PackRefusedException(Refusal.NOT_IN_PARENT, "code " + code + " is not in case " + box.sscc());
        }
        return unit;
    }

    void requireKind(Parent parent, ParentKind kind) {
        if (parent.kind() != kind) {
            throw new PackRefusedException(Refusal.WRONG_KIND, parent.sscc() + " is a " + parent.kind().name().toLowerCase()
                    + ", not a " + kind.name().toLowerCase());
        }
    }

    void requireOpen(Parent parent, String verb) {
        requireNotShipped(parent, verb);
        if (parent.state() != ParentState.OPEN) {
            throw new PackRefusedException(Refusal.PARENT_CLOSED, parent.kind().name().toLowerCase() + " "
                    + parent.sscc() + " is " + parent.state() + ": it cannot be " + verb);
        }
    }

    void requireNotShipped(Parent parent, String verb) {
        if (parent.state() == ParentState.SHIPPED) {
            throw new PackRefusedException(Refusal.PARENT_SHIPPED, parent.kind().name().toLowerCase() + " "
                    + parent.sscc() + " is shipped: it cannot be " + verb);
        }
    }

    /** Not shipped, not dissolved, not voided. */
    void requireLive(Parent parent, String verb) {
        requireNotShipped(parent, verb);
        if (parent.state() == ParentState.UNPACKED || parent.state() == ParentState.VOIDED) {
            throw new PackRefusedException(Refusal.PARENT_CLOSED, parent.kind().name().toLowerCase() + " "
                    + parent.sscc() + " is " + parent.state() + ": it cannot be " + verb);
        }
    }

    void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new PackRefusedException(Refusal.REASON_REQUIRED, what + " needs a reason", java.util.Map.of("what", what));
        }
    }
}
