package io.tracemark.master;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One component of a 组合多码 product (guideline 5.2.2: two or more differently coded products sold as one),
 * e.g. an e-bike's frame, battery and charger: the component's code is linked to the product's code at a scan
 * station.
 *
 * @param role      the role's key, e.g. {@code battery} (letters, digits, '.', '_' or '-')
 * @param name      what the component is, e.g. 电池
 * @param scheme    the code scheme a component code must be valid in (an outside part's code), if any
 * @param productId the product whose verified unit the component must be (a part made at this station), if any
 */
public record ComponentRole(String role, String name, Optional<String> scheme, Optional<String> productId) {

    private static final String KEY = "[A-Za-z0-9._-]{1,40}";

    public ComponentRole {
        scheme = scheme.filter(s -> !s.isBlank()).map(String::strip);
        productId = productId.filter(s -> !s.isBlank()).map(String::strip);
    }

    /**
     * The text form used in CSV files and by {@link #format}: entries separated by {@code ;}, each
     * {@code role:name:scheme=S} or {@code role:name:product=P} (both may be given, separated by {@code ,}).
     */
    public static List<ComponentRole> parse(String text, String where, List<Problem> problems) {
        List<ComponentRole> roles = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return roles;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", 3);
            if (parts.length < 3) {
                problems.add(new Problem(where, "component '" + entry.strip() + "' must be role:name:scheme=S or role:name:product=P"));
                continue;
            }
            String scheme = null;
            String product = null;
            for (String accept : parts[2].split(",")) {
                String a = accept.strip();
                if (a.startsWith("scheme=")) {
                    scheme = a.substring(7);
                } else if (a.startsWith("product=")) {
                    product = a.substring(8);
                } else {
                    problems.add(new Problem(where, "component '" + parts[0].strip() + "': '" + a
                            + "' is neither scheme=S nor product=P"));
                }
            }
            roles.add(new ComponentRole(parts[0].strip(), parts[1].strip(), Optional.ofNullable(scheme), Optional.ofNullable(product)));
        }
        return roles;
    }

    /** The text form {@link #parse} reads. */
    public static String format(List<ComponentRole> roles) {
        List<String> entries = new ArrayList<>();
        for (ComponentRole r : roles) {
            List<String> accepts = new ArrayList<>();
            r.scheme().ifPresent(s -> accepts.add("scheme=" + s));
            r.productId().ifPresent(p -> accepts.add("product=" + p));
            entries.add(r.role() + ":" + r.name() + ":" + String.join(",", accepts));
        }
        return String.join("; ", entries);
    }

    /** What is wrong with a product's set of roles: keys, names, what each accepts, a role twice, scheme names. */
    public static List<Problem> problems(List<ComponentRole> roles, List<String> knownSchemes, String where) {
        List<Problem> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ComponentRole r : roles) {
            String at = where + "." + r.role();
            if (r.role() == null || !r.role().matches(KEY)) {
                problems.add(new Problem(where, "component role '" + r.role() + "' must be 1-40 letters, digits, '.', '_' or '-'"));
            } else if (!seen.add(r.role())) {
                problems.add(new Problem(at, "component role '" + r.role() + "' is given twice"));
            }
            if (r.name() == null || r.name().isBlank()) {
                problems.add(new Problem(at, "component name is missing"));
            }
            if (r.scheme().isEmpty() && r.productId().isEmpty()) {
                problems.add(new Problem(at, "component '" + r.role() + "' accepts nothing: give scheme=S or product=P"));
            }
            r.scheme().filter(s -> !knownSchemes.contains(s)).ifPresent(s -> problems.add(new Problem(at,
                    "unknown code scheme '" + s + "'; known: " + String.join(", ", knownSchemes))));
        }
        if (roles.size() == 1) {
            problems.add(new Problem(where, "a 组合多码 product has two or more components, not one"));
        }
        return problems;
    }
}
