package io.tracemark.pack;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.core.CodeState;
import io.tracemark.master.ComponentRole;
import io.tracemark.master.MasterDataStore;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 组合多码 component codes (guideline 5.2.2: two or more differently coded products sold as one): at a scan
 * station each component's code (an e-bike's frame, battery, charger) is linked to the product unit's code,
 * one component per role of the product's master data ({@link ComponentRole}).
 *
 * <p>The rules are packing's: the product unit must be known, VERIFIED, of a product defined as a set of
 * components, not shipped and not complete; the component must fit a role (a valid code of the role's scheme,
 * or a VERIFIED unit of the role's product), not be linked to this unit already (scanned twice) or to another
 * (already linked), and its role must be free. A refusal throws {@link PackRefusedException} naming the rule,
 * the codes and the role, with the same values in its params, and changes nothing.
 *
 * <p>Each method is one transaction, durable when it returns: the link row and its journal row (time, job,
 * user) are on disk before the station answers. Unlink and replace need a reason, journalled and audited.
 */
public final class ComponentLinks {

    private final Database db;
    private final Transactions writes;
    private final Clock clock;
    private final MasterDataStore master;
    private final CodeSchemes schemes;
    private final AuditLog audit;
    private final PackRules rules = new PackRules();

    public ComponentLinks(Database db, Transactions writes, Clock clock, MasterDataStore master, CodeSchemes schemes) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
        this.master = master;
        this.schemes = schemes;
        this.audit = new AuditLog(db, clock);
    }

    /**
     * The product unit of {@code productCode} with its roles and what each holds.
     *
     * @throws PackRefusedException when the code is unknown, not VERIFIED, or its product has no components
     */
    public CombinedUnit unit(String productCode) {
        return db.read(conn -> combined(conn, productUnit(conn, productCode)));
    }

    /**
     * Links {@code componentCode} to the product unit of {@code productCode}, in {@code role} or, when it is
     * empty, in the first free role the component fits.
     *
     * @return the unit after the link
     */
    public CombinedUnit link(String productCode, String componentCode, Optional<String> role, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            ChildUnit unit = productUnit(conn, productCode);
            CombinedUnit before = combined(conn, unit);
            Component component = component(conn, componentCode, before);
            if (before.complete()) {
                throw refused(Refusal.UNIT_COMPLETE, "product unit " + before.code() + " is complete (" + before.linked()
                        + " of " + before.slots().size() + " components): " + componentCode + " not linked",
                        Map.of("unit", before.code(), "code", componentCode, "n", String.valueOf(before.linked())));
            }
            CombinedUnit.Slot slot = slotFor(before, component, role);
            String stored = stored(component, slot.role());
            ComponentRows.link(conn, unit.unitId(), slot.role().role(), stored, unit.jobId(), actor, now);
            ComponentRows.event(conn, "LINK", unit.unitId(), slot.role().role(), stored, unit.jobId(), actor, null, now);
            return combined(conn, unit);
        });
    }

    /** Takes the component out of {@code role} of the unit (a wrong part fitted, a part removed), with a reason. */
    public CombinedUnit unlink(String productCode, String role, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            rules.requireReason(reason, "unlinking " + role + " of " + productCode);
            ChildUnit unit = productUnit(conn, productCode);
            String old = linkedIn(conn, unit, combined(conn, unit), role);
            ComponentRows.unlink(conn, unit.unitId(), role);
            ComponentRows.event(conn, "UNLINK", unit.unitId(), role, old, unit.jobId(), actor, reason, now);
            audit.record(conn, actor, "component.unlink", unit.code() + " " + role + ": " + old + " unlinked: " + reason);
            return combined(conn, unit);
        });
    }

    /** Swaps the component in {@code role} for {@code newCode} (a damaged part replaced), with a reason. */
    public CombinedUnit replace(String productCode, String role, String newCode, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            rules.requireReason(reason, "replacing " + role + " of " + productCode);
            ChildUnit unit = productUnit(conn, productCode);
            CombinedUnit before = combined(conn, unit);
            String old = linkedIn(conn, unit, before, role);
            Component component = component(conn, newCode, before);
            ComponentRole r = before.slot(role).orElseThrow().role();
            if (!fits(component, r)) {
                throw wrongRole(before, component, r);
            }
            String stored = stored(component, r);
            ComponentRows.unlink(conn, unit.unitId(), role);
            ComponentRows.event(conn, "UNLINK", unit.unitId(), role, old, unit.jobId(), actor, "replaced by " + stored
                    + ": " + reason, now);
            ComponentRows.link(conn, unit.unitId(), role, stored, unit.jobId(), actor, now);
            ComponentRows.event(conn, "LINK", unit.unitId(), role, stored, unit.jobId(), actor, "replaces " + old
                    + ": " + reason, now);
            audit.record(conn, actor, "component.replace", unit.code() + " " + role + ": " + old + " replaced by "
                    + stored + ": " + reason);
            return combined(conn, unit);
        });
    }

    /**
     * Whether {@code scan} is the code of a unit (in any state) of a product defined as a set of components: at a
     * scan station such a read starts the next product unit, any other read is a component.
     */
    public boolean isProductUnit(String scan) {
        return db.read(conn -> {
            for (String c : ScannedCode.candidates(scan)) {
                Optional<ChildUnit> unit = PackRows.childUnit(conn, c);
                if (unit.isPresent()) {
                    return unit.get().productId().map(p -> !master.componentRoles(p).isEmpty()).orElse(false);
                }
            }
            return false;
        });
    }

    /** Whether the product has component roles: its units are linked at a scan station. */
    public boolean combinedProduct(String productId) {
        return !master.componentRoles(productId).isEmpty();
    }

    // ---- rules -----------------------------------------------------------------------------

    private ChildUnit productUnit(Connection conn, String productCode) throws SQLException {
        ChildUnit unit = rules.knownUnit(conn, productCode);
        if (unit.units() > 1) {
            throw refused(Refusal.SHARED_CODE, "code " + productCode + " is printed on " + unit.units()
                    + " units (a batch-level code): components are linked to one unit's own code", Map.of("code", productCode));
        }
        if (unit.state() != CodeState.VERIFIED) {
            throw refused(Refusal.NOT_VERIFIED, "product unit " + productCode + " is " + unit.state()
                    + ", not VERIFIED: components are linked to verified units only", Map.of("code", productCode,
                    "state", unit.state().name()));
        }
        if (unit.productId().isEmpty() || master.componentRoles(unit.productId().get()).isEmpty()) {
            throw refused(Refusal.NOT_COMBINED, "code " + productCode + " is a unit of product " + unit.productId().orElse("(none)")
                    + ", which is not defined as a set of components (组合多码)", Map.of("code", productCode,
                    "product", unit.productId().orElse("")));
        }
        if (PackRows.number(conn, "SELECT count(*) FROM shipped_units WHERE unit_id = ?", unit.unitId()) > 0) {
            throw refused(Refusal.PARENT_SHIPPED, "product unit " + productCode + " has shipped: its components cannot change",
                    Map.of("code", productCode));
        }
        return unit;
    }

    private CombinedUnit combined(Connection conn, ChildUnit unit) throws SQLException {
        Map<String, String> links = ComponentRows.linksOf(conn, unit.unitId());
        List<CombinedUnit.Slot> slots = new ArrayList<>();
        for (ComponentRole r : master.componentRoles(unit.productId().orElseThrow())) {
            slots.add(new CombinedUnit.Slot(r, Optional.ofNullable(links.get(r.role()))));
        }
        return new CombinedUnit(unit.code(), unit.jobId(), unit.productId().orElseThrow(), slots);
    }

    /** A scanned component: its code as stored, and its unit when the station printed it. */
    private record Component(String code, Optional<ChildUnit> unit, List<String> candidates) {
    }

    private Component component(Connection conn, String scan, CombinedUnit product) throws SQLException {
        List<String> candidates = List.copyOf(ScannedCode.candidates(scan));
        Optional<ChildUnit> unit = Optional.empty();
        for (String c : candidates) {
            unit = PackRows.childUnit(conn, c);
            if (unit.isPresent()) {
                break;
            }
        }
        String code = unit.map(ChildUnit::code).orElse(candidates.get(candidates.size() > 1 ? 1 : 0));
        if (candidates.contains(product.code()) || code.equals(product.code())) {
            throw refused(Refusal.SCANNED_TWICE, "code " + scan + " is the product unit's own code, not a component",
                    Map.of("code", scan, "unit", product.code()));
        }
        for (String c : unit.isPresent() ? List.of(code) : candidates) {
            Optional<ComponentRows.Link> link = ComponentRows.linkOf(conn, c);
            if (link.isPresent()) {
                ComponentRows.Link l = link.get();
                throw l.unitCode().equals(product.code())
                        ? refused(Refusal.SCANNED_TWICE, "component " + c + " is linked to " + product.code() + " as "
                                + l.role() + " already (scanned twice)", Map.of("code", c, "unit", product.code(), "role", l.role()))
                        : refused(Refusal.ALREADY_LINKED, "component " + c + " is linked to product unit " + l.unitCode()
                                + " as " + l.role() + ": unlink it there first", Map.of("code", c, "unit", l.unitCode(), "role", l.role()));
            }
        }
        if (unit.isPresent()) {
            ChildUnit u = unit.get();
            if (u.units() > 1) {
                throw refused(Refusal.SHARED_CODE, "component code " + scan + " is printed on " + u.units()
                        + " units (a batch-level code): a scan cannot tell them apart", Map.of("code", scan));
            }
            if (u.state() != CodeState.VERIFIED) {
                throw refused(u.state() == CodeState.SENT ? Refusal.AWAITING_VERDICT : Refusal.NOT_VERIFIED, "component "
                        + u.code() + " is " + u.state() + ", not VERIFIED: only verified components are linked",
                        Map.of("code", u.code(), "state", u.state().name()));
            }
        } else if (candidates.stream().anyMatch(c -> known(conn, c))) {
            throw refused(Refusal.NOT_VERIFIED, "component " + scan + " was never printed: only verified components are linked",
                    Map.of("code", scan, "state", "AVAILABLE"));
        }
        return new Component(code, unit, candidates);
    }

    private static boolean known(Connection conn, String code) {
        try {
            return PackRows.codeKnown(conn, code);
        } catch (SQLException e) {
            throw new io.tracemark.core.StorageException("lookup of code " + code + " failed: " + e.getMessage(), e);
        }
    }

    private CombinedUnit.Slot slotFor(CombinedUnit product, Component component, Optional<String> role) {
        if (role.isPresent()) {
            CombinedUnit.Slot slot = product.slot(role.get()).orElseThrow(() -> refused(Refusal.WRONG_ROLE, "product "
                    + product.productId() + " has no component role '" + role.get() + "' (roles: " + roleNames(product) + ")",
                    Map.of("code", component.code(), "role", role.get(), "product", product.productId())));
            if (!fits(component, slot.role())) {
                throw wrongRole(product, component, slot.role());
            }
            if (slot.component().isPresent()) {
                throw roleFilled(product, component, slot);
            }
            return slot;
        }
        List<CombinedUnit.Slot> fitting = product.slots().stream().filter(s -> fits(component, s.role())).toList();
        if (fitting.isEmpty()) {
            throw refused(Refusal.WRONG_ROLE, "component " + component.code() + " fits none of the roles of product "
                    + product.productId() + " (" + roleNames(product) + ")", Map.of("code", component.code(),
                    "product", product.productId(), "roles", roleNames(product)));
        }
        return fitting.stream().filter(s -> s.component().isEmpty()).findFirst()
                .orElseThrow(() -> roleFilled(product, component, fitting.get(0)));
    }

    /** A role takes a VERIFIED unit of its product, or a valid code of its scheme. */
    private boolean fits(Component component, ComponentRole role) {
        if (role.productId().isPresent() && component.unit().isPresent()
                && role.productId().equals(component.unit().get().productId())) {
            return true;
        }
        if (role.scheme().isEmpty() || (component.unit().isPresent() && role.productId().isPresent())) {
            return false;
        }
        var scheme = schemes.find(role.scheme().get());
        return scheme.isPresent() && component.candidates().stream().anyMatch(c -> scheme.get().validate(c).valid());
    }

    /** The code as stored: the ledger's code, or the form of the scan the role's scheme validates (GS1 bracketed). */
    private String stored(Component component, ComponentRole role) {
        if (component.unit().isPresent() || role.scheme().isEmpty()) {
            return component.code();
        }
        var scheme = schemes.find(role.scheme().get()).orElseThrow();
        List<String> readings = new ArrayList<>(component.candidates().subList(1, component.candidates().size()));
        readings.add(component.candidates().get(0)); // the scan as typed last: its GS1 readings are bracketed
        return readings.stream().filter(c -> scheme.validate(c).valid()).findFirst().orElse(component.code());
    }

    private String linkedIn(Connection conn, ChildUnit unit, CombinedUnit combined, String role) {
        CombinedUnit.Slot slot = combined.slot(role).orElseThrow(() -> refused(Refusal.WRONG_ROLE, "product "
                + combined.productId() + " has no component role '" + role + "' (roles: " + roleNames(combined) + ")",
                Map.of("role", role, "product", combined.productId(), "code", unit.code())));
        return slot.component().orElseThrow(() -> refused(Refusal.NOT_LINKED, "role " + role + " of product unit "
                + unit.code() + " holds no component", Map.of("role", role, "unit", unit.code())));
    }

    private static PackRefusedException wrongRole(CombinedUnit product, Component component, ComponentRole role) {
        return refused(Refusal.WRONG_ROLE, "component " + component.code() + " does not fit role " + role.role() + " ("
                + role.name() + ", accepts " + accepts(role) + ") of product " + product.productId(),
                Map.of("code", component.code(), "role", role.role(), "product", product.productId()));
    }

    private static PackRefusedException roleFilled(CombinedUnit product, Component component, CombinedUnit.Slot slot) {
        return refused(Refusal.ROLE_FILLED, "role " + slot.role().role() + " of product unit " + product.code()
                + " holds " + slot.component().orElse("") + " already: " + component.code() + " not linked (replace it, with a reason)",
                Map.of("code", component.code(), "role", slot.role().role(), "unit", product.code()));
    }

    private static String accepts(ComponentRole r) {
        List<String> a = new ArrayList<>();
        r.scheme().ifPresent(s -> a.add("scheme " + s));
        r.productId().ifPresent(p -> a.add("units of " + p));
        return String.join(" or ", a);
    }

    private static String roleNames(CombinedUnit product) {
        return String.join(", ", product.slots().stream().map(s -> s.role().role() + " (" + accepts(s.role()) + ")").toList());
    }

    private static PackRefusedException refused(Refusal refusal, String message, Map<String, String> params) {
        return new PackRefusedException(refusal, message, params);
    }
}
