package io.tracemark.web;

import io.tracemark.master.MasterDataStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the panel needs besides the line.
 *
 * @param accounts    users and API tokens
 * @param audit       where sign-ins, refusals and administration are recorded
 * @param units       the code ledger, read-only ({@link UnitLookup#NONE} when there is none)
 * @param devices     the configured devices, for the admin page
 * @param extraStatus extra sections merged into {@code GET /api/v1/status} and the live stream,
 *                    e.g. {@code platform -> {outboxBacklog, outboxLagSeconds}}; called on every push,
 *                    must be cheap and must not throw
 * @param masterData  producer and product master data an admin edits at the panel, or null when
 *                    this panel has none (its master-data endpoints answer 404)
 * @param alerts      the platform's anti-counterfeit alerts ({@link CounterfeitAlerts#NONE} without a platform)
 * @param extraChanges tells when the extra sections change other than with the line, so the status is pushed
 * @param auditRecords the audit trail for supervisors ({@link AuditRecords#NONE}: its endpoints answer 404)
 */
public record PanelServices(UserAccounts accounts, AuditTrail audit, UnitLookup units, List<DeviceInfo> devices,
                            Supplier<Map<String, Object>> extraStatus, MasterDataStore masterData,
                            CounterfeitAlerts alerts, StatusChanges extraChanges, AuditRecords auditRecords) {

    /** Services without master data and without a platform's alerts. */
    public PanelServices(UserAccounts accounts, AuditTrail audit, UnitLookup units, List<DeviceInfo> devices,
                         Supplier<Map<String, Object>> extraStatus) {
        this(accounts, audit, units, devices, extraStatus, null, CounterfeitAlerts.NONE, StatusChanges.NONE,
                AuditRecords.NONE);
    }

    /** These services with the station's master data editable at the panel. */
    public PanelServices withMasterData(MasterDataStore store) {
        return new PanelServices(accounts, audit, units, devices, extraStatus, store, alerts, extraChanges, auditRecords);
    }

    /** These services with the platform's anti-counterfeit alerts shown at the panel. */
    public PanelServices withAlerts(CounterfeitAlerts platformAlerts) {
        return new PanelServices(accounts, audit, units, devices, extraStatus, masterData, platformAlerts,
                extraChanges, auditRecords);
    }

    /** These services with the status pushed also when {@code changes} says the extra sections changed. */
    public PanelServices withExtraChanges(StatusChanges changes) {
        return new PanelServices(accounts, audit, units, devices, extraStatus, masterData, alerts, changes, auditRecords);
    }

    /** These services with the audit trail listed and verified for supervisors. */
    public PanelServices withAuditRecords(AuditRecords records) {
        return new PanelServices(accounts, audit, units, devices, extraStatus, masterData, alerts, extraChanges, records);
    }

    public PanelServices {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(units, "units");
        devices = List.copyOf(devices);
        Objects.requireNonNull(extraStatus, "extraStatus");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(extraChanges, "extraChanges");
        Objects.requireNonNull(auditRecords, "auditRecords");
    }

    /** Services with no ledger, no devices and no extra status sections. */
    public static PanelServices of(UserAccounts accounts, AuditTrail audit) {
        return new PanelServices(accounts, audit, UnitLookup.NONE, List.of(), Map::of);
    }
}
