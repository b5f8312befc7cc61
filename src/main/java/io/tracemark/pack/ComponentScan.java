package io.tracemark.pack;

import java.util.Optional;

/**
 * A component scan station fed by a reader (a fixed reader or a serial/TCP hand scanner): the read of a 组合多码
 * product unit's code makes it the current unit; each following read is one of its components, linked to the
 * first free role it fits ({@link ComponentLinks#link}); a refused read is counted with its reason and changes
 * nothing. Reads arrive on the reader's thread; the counts are read by the panel: both under this object's lock,
 * which is never held during anything but the database write of one link.
 */
public final class ComponentScan {

    /**
     * What the station did so far.
     *
     * @param reads       reads taken
     * @param units       product units scanned (made current)
     * @param linked      components linked
     * @param refused     reads refused (nothing changed)
     * @param completed   product units completed here
     * @param current     the current product unit's code, if any
     * @param lastRefusal the last refusal's message
     * @param lastKey     the last refusal's key ({@code pack.<RULE>})
     */
    public record Counts(long reads, long units, long linked, long refused, long completed, Optional<String> current,
                         Optional<String> lastRefusal, Optional<String> lastKey) {
    }

    private final ComponentLinks links;
    private final String actor;
    private long reads;
    private long units;
    private long linked;
    private long refused;
    private long completed;
    private String current;
    private String lastRefusal;
    private String lastKey;

    public ComponentScan(ComponentLinks links, String actor) {
        this.links = links;
        this.actor = actor;
    }

    /** One read: a product unit's code, or a component of the current unit. */
    public synchronized void read(String code) {
        reads++;
        try {
            take(code);
        } finally {
            notifyAll();
        }
    }

    private void take(String code) {
        try {
            if (links.isProductUnit(code)) {
                CombinedUnit unit = links.unit(code);
                current = unit.complete() ? null : unit.code();
                units++;
                return;
            }
            if (current == null) {
                refused++;
                lastRefusal = "component " + code + " read with no product unit to link it to: scan the product's code first";
                lastKey = "pack." + Refusal.NOT_COMBINED;
                return;
            }
            CombinedUnit unit = links.link(current, code, Optional.empty(), actor);
            linked++;
            if (unit.complete()) {
                completed++;
                current = null;
            }
        } catch (PackRefusedException e) {
            refused++;
            lastRefusal = e.getMessage();
            lastKey = "pack." + e.refusal();
        }
    }

    /**
     * Waits until the counts satisfy {@code done} (each read wakes the waiter), at most {@code within}.
     *
     * @return the counts then, satisfying {@code done} or not
     */
    public synchronized Counts awaitCounts(java.util.function.Predicate<Counts> done, java.time.Duration within)
            throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        Counts c = counts();
        while (!done.test(c)) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return c;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            c = counts();
        }
        return c;
    }

    public synchronized Counts counts() {
        return new Counts(reads, units, linked, refused, completed, Optional.ofNullable(current),
                Optional.ofNullable(lastRefusal), Optional.ofNullable(lastKey));
    }
}
