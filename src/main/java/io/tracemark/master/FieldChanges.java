package io.tracemark.master;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields a save changes, for the audit line: {@code (new)} or {@code (changed: name, address)}. */
final class FieldChanges {

    private FieldChanges() {
    }

    static String describe(Record before, Record after) {
        if (before == null) {
            return " (new)";
        }
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : after.getClass().getRecordComponents()) {
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                if (!Objects.equals(blankToNull(a), blankToNull(b))) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + after.getClass().getSimpleName(), e);
            }
        }
        return changed.isEmpty() ? " (unchanged)" : " (changed: " + String.join(", ", changed) + ")";
    }

    private static Object blankToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }
}
