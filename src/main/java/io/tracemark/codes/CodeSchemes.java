package io.tracemark.codes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemes a station knows: the standard ones plus the opaque schemes of its configuration.
 * Immutable; build one at the composition root and pass it on.
 */
public final class CodeSchemes {

    /** Name of the reading {@link #detect(String)} gives when no scheme fits. */
    public static final String UNKNOWN = "unknown";

    private final Map<String, CodeScheme> byName;

    private CodeSchemes(List<CodeScheme> schemes) {
        Map<String, CodeScheme> map = new LinkedHashMap<>();
        for (CodeScheme s : schemes) {
            if (map.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("code scheme " + s.name() + " is defined twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** gtin, sscc, gln, gs1, digital-link, uscc, ccc, ecode. */
    public static CodeSchemes standard() {
        return new CodeSchemes(standardList());
    }

    /**
     * The standard schemes plus {@code opaque} ones from configuration.
     *
     * @throws IllegalArgumentException if an opaque scheme reuses a name
     */
    public static CodeSchemes withOpaque(List<OpaqueScheme> opaque) {
        List<CodeScheme> all = standardList();
        all.addAll(opaque);
        return new CodeSchemes(all);
    }

    private static List<CodeScheme> standardList() {
        return new ArrayList<>(List.of(Gs1KeyScheme.GTIN, Gs1KeyScheme.SSCC, Gs1KeyScheme.GLN,
                new ElementStringScheme(), new DigitalLinkScheme(), new UsccScheme(), CccScheme.current(),
                new EcodeScheme()));
    }

    /** Every scheme name, in order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The scheme called {@code name}, if any. */
    public Optional<CodeScheme> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The scheme called {@code name}.
     *
     * @throws IllegalArgumentException naming the known schemes if there is none
     */
    public CodeScheme byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown code scheme '" + name + "'; known: " + String.join(", ", byName.keySet())));
    }

    /**
     * Every reading of {@code code}: one verdict per scheme whose shape it fits (18 digits give
     * both an SSCC and a USCC reading), valid or not. When none fits, a single invalid verdict of
     * scheme {@value #UNKNOWN}.
     */
    public List<Verdict> detect(String code) {
        List<Verdict> verdicts = new ArrayList<>();
        for (CodeScheme scheme : byName.values()) {
            if (scheme.fits(code)) {
                verdicts.add(scheme.validate(code));
            }
        }
        if (verdicts.isEmpty()) {
            verdicts.add(Verdict.invalid(UNKNOWN, List.of("no known scheme fits a code of " + code.length()
                    + " characters; known: " + String.join(", ", byName.keySet())), Map.of()));
        }
        return verdicts;
    }
}
