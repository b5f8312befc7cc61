package io.tracemark.codes;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.Locale;
import java.util.Map;

/** The {@code digital-link} scheme: an uncompressed GS1 Digital Link URI. */
public record DigitalLinkScheme() implements CodeScheme {

    @Override
    public String name() {
        return "digital-link";
    }

    @Override
    public Verdict validate(String code) {
        try {
            return ElementStringScheme.verdict(name(), DigitalLink.parse(code));
        } catch (InvalidInputException e) {
            return Verdict.invalid(name(), e.problems().stream().map(Problem::toString).toList(), Map.of());
        }
    }

    @Override
    public boolean fits(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
