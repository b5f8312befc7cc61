package io.tracemark.label;

import io.tracemark.codes.ApplicationIdentifier;
import io.tracemark.codes.ApplicationIdentifiers;
import io.tracemark.codes.ElementString;
import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.Problem;
import java.util.List;

/**
 * {@link ElementString#validate()} for the element strings of one writer's labels, remembering the
 * last valid one: a job's codes differ from label to label in a value or two (the serial), so only
 * those values are checked again. Never accepts an element string that {@code validate()} refuses:
 * with the same AIs in the same order as a valid one, the association rules (which depend only on
 * which AIs are present) hold again, an unchanged value passes again, and a changed value of an AI
 * that appears once passes the same checks of its AI that {@code validate()} runs; anything else
 * (another shape, a changed value of a repeated AI, a value that fails) is validated in full, and a
 * refusal always comes from {@code validate()} with its message. Thread-safe.
 */
final class Gs1Validity {

    /** The last element string found valid; immutable, so racing writers only cost a full check. */
    private volatile ElementString lastValid;

    /** Every problem of {@code es}, as {@link ElementString#validate()}; empty when it is valid. */
    List<Problem> problems(ElementString es) {
        ElementString known = lastValid;
        if (known != null && validLike(known, es)) {
            return List.of();
        }
        List<Problem> problems = es.validate();
        if (problems.isEmpty()) {
            lastValid = es;
        }
        return problems;
    }

    /** Whether {@code es} is valid given that {@code valid} is (see the class comment). */
    private static boolean validLike(ElementString valid, ElementString es) {
        List<Element> known = valid.elements();
        List<Element> now = es.elements();
        if (known.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            Element k = known.get(i);
            Element e = now.get(i);
            if (!k.ai().equals(e.ai())) {
                return false;
            }
            if (!k.value().equals(e.value()) && (repeated(known, i) || !valueValid(e))) {
                return false;
            }
        }
        return true;
    }

    private static boolean repeated(List<Element> elements, int index) {
        String ai = elements.get(index).ai();
        for (int i = 0; i < elements.size(); i++) {
            if (i != index && elements.get(i).ai().equals(ai)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueValid(Element e) {
        ApplicationIdentifier ai = ApplicationIdentifiers.find(e.ai()).orElse(null);
        return ai != null && ai.problems(e.value()).isEmpty();
    }
}
