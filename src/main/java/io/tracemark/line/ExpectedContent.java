package io.tracemark.line;

import io.tracemark.codes.DigitalLink;
import io.tracemark.core.TracemarkException;
import io.tracemark.verify.Expectation;

/** The canonical text of an expectation, comparable with {@link io.tracemark.verify.Content#canonical}. */
final class ExpectedContent {

    private ExpectedContent() {
    }

    static String canonical(Expectation expectation) {
        if (expectation instanceof Expectation.Gs1 gs1) {
            return gs1.expected().toBracketed();
        }
        String text = ((Expectation.Plain) expectation).expected();
        if (text.startsWith("http://") || text.startsWith("https://")) {
            try {
                return DigitalLink.parse(text).toBracketed();
            } catch (TracemarkException notALink) {
                return text;
            }
        }
        return text;
    }
}
