/**
 * Aggregation (组合多码, guideline 5.2.2): verified units packed into cases and cases onto pallets,
 * each parent identified by an SSCC from a configured range; every link and unlink written to the
 * station database before the action it allows; the rules that refuse a bad scan with nothing changed;
 * the packed and loose counts of a job.
 *
 * <p>The tables are this package's own ({@code sscc_ranges}, {@code parents}, {@code pack_links},
 * {@code pack_events}, migration V12). The ledger's {@code units} and {@code codes} and the line's
 * {@code job_details} are only read, to check a child's state, job and product inside the packing
 * transaction (the platform package reads them the same way).
 */
package io.tracemark.pack;
