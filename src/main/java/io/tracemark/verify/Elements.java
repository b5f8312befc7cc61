package io.tracemark.verify;

import io.tracemark.codes.ElementString;
import io.tracemark.codes.ElementString.Element;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Comparing the elements of two element strings without regard to their order. */
final class Elements {

    private static final Comparator<Element> BY_AI = Comparator.comparing(Element::ai);

    private Elements() {
    }

    /** Whether both hold the same AIs with the same values in the same order. */
    static boolean same(List<Element> a, List<Element> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).ai().equals(b.get(i).ai()) || !a.get(i).value().equals(b.get(i).value())) {
                return false;
            }
        }
        return true;
    }

    /** The elements ordered by AI (stable: repeated AIs keep their order); the list itself when it is so already. */
    static List<Element> sorted(ElementString e) {
        List<Element> elements = e.elements();
        for (int i = 1; i < elements.size(); i++) {
            if (elements.get(i - 1).ai().compareTo(elements.get(i).ai()) > 0) {
                List<Element> copy = new ArrayList<>(elements);
                copy.sort(BY_AI);
                return List.copyOf(copy);
            }
        }
        return elements;
    }
}
