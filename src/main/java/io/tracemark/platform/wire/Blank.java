package io.tracemark.platform.wire;

import java.util.List;

/** Collects the names of blank mandatory fields. */
final class Blank {

    private Blank() {
    }

    static void check(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
