package io.tracemark.verify;

import io.tracemark.codes.DigitalLink;
import io.tracemark.codes.ElementString;
import io.tracemark.core.TracemarkException;
import java.util.List;
import java.util.Optional;

/**
 * What a unit's code must contain. A GS1 expectation is compared as a parsed element string (the
 * same AIs and values, whatever the separators or, for a Digital Link QR, the URI form); a plain
 * expectation is compared as text.
 */
public sealed interface Expectation {

    /**
     * Parses an expectation: the bracketed GS1 form {@code (01)…(21)…} becomes a GS1 expectation,
     * anything else (e.g. a Digital Link URL, a platform code) is plain text.
     *
     * @throws io.tracemark.core.InvalidInputException when bracketed text is not a valid element string
     */
    static Expectation parse(String text) {
        if (text.startsWith("(")) {
            return new Gs1(ElementString.parseBracketed(text));
        }
        return new Plain(text);
    }

    /** Why {@code data} read with {@code symbologyId} does or does not meet this expectation. */
    Optional<String> mismatch(String data, String symbologyId);

    /**
     * A GS1 element string, compared element by element. Its raw form (as GS1 DataMatrix and
     * GS1-128 carry it) is kept: data read exactly so under a GS1 symbology identifier matches without
     * being parsed again, the common case of a good read.
     */
    final class Gs1 implements Expectation {

        private final ElementString expected;
        private final List<ElementString.Element> sortedExpected;
        /** The raw data that parses to {@link #expected}, or null when its raw form does not. */
        private final String raw;

        public Gs1(ElementString expected) {
            this.expected = java.util.Objects.requireNonNull(expected, "expected");
            this.sortedExpected = Elements.sorted(expected);
            this.raw = RawForm.of(expected);
        }

        public ElementString expected() {
            return expected;
        }

        @Override
        public Optional<String> mismatch(String data, String symbologyId) {
            if (raw != null && raw.equals(data) && Symbology.gs1(symbologyId)) {
                return Optional.empty();
            }
            Optional<ElementString> read = Content.elementString(data, symbologyId);
            if (read.isEmpty()) {
                return Optional.of("expected GS1 data " + expected.toBracketed() + ", read non-GS1 '"
                        + Content.printable(data) + "' (" + symbologyId + ")");
            }
            if (!Elements.same(Elements.sorted(read.get()), sortedExpected)) {
                return Optional.of("expected " + expected.toBracketed() + ", read " + read.get().toBracketed());
            }
            return Optional.empty();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Gs1 other && other.expected.equals(expected);
        }

        @Override
        public int hashCode() {
            return expected.hashCode();
        }

        @Override
        public String toString() {
            return "Gs1[expected=" + expected + "]";
        }
    }

    /** Plain text, compared exactly (a Digital Link also matches another URI form of the same data). */
    record Plain(String expected) implements Expectation {
        @Override
        public Optional<String> mismatch(String data, String symbologyId) {
            if (expected.equals(data)) {
                return Optional.empty();
            }
            if (expected.startsWith("http")) {
                try {
                    ElementString e = DigitalLink.parse(expected);
                    return new Gs1(e).mismatch(data, symbologyId).map(m -> "expected " + expected + ": " + m);
                } catch (TracemarkException notALink) {
                    // fall through to the text comparison
                }
            }
            return Optional.of("expected '" + expected + "', read '" + Content.printable(data) + "'");
        }
    }
}
