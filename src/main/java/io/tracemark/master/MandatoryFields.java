package io.tracemark.master;

import io.tracemark.core.Problem;
import java.util.List;

/** The one rule for a mandatory text field: present and not blank. */
final class MandatoryFields {

    private MandatoryFields() {
    }

    static void require(List<Problem> problems, String field, String value, String label) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, label + " is missing"));
        }
    }
}
