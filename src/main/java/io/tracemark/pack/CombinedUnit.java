package io.tracemark.pack;

import io.tracemark.master.ComponentRole;
import java.util.List;
import java.util.Optional;

/**
 * A unit of a 组合多码 product (guideline 5.2.2) and the component code each of its roles holds.
 *
 * @param code      the product unit's code
 * @param jobId     its job
 * @param productId its product
 * @param slots     its roles, in the product's order
 */
public record CombinedUnit(String code, String jobId, String productId, List<Slot> slots) {

    /**
     * One role of the unit.
     *
     * @param role      the role
     * @param component the component code linked to it, if any
     */
    public record Slot(ComponentRole role, Optional<String> component) {
    }

    public CombinedUnit {
        slots = List.copyOf(slots);
    }

    /** Whether every role holds a component. */
    public boolean complete() {
        return slots.stream().allMatch(s -> s.component().isPresent());
    }

    /** How many roles hold a component. */
    public int linked() {
        return (int) slots.stream().filter(s -> s.component().isPresent()).count();
    }

    /** The slot of {@code role}, if the product has it. */
    public Optional<Slot> slot(String role) {
        return slots.stream().filter(s -> s.role().role().equals(role)).findFirst();
    }
}
