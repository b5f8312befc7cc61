package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;

/** Reads one Digital Link URI, collecting every problem before refusing it. */
final class DigitalLinkReader {

    private static final String WHAT = "GS1 Digital Link";

    private final String uri;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();

    DigitalLinkReader(String uri) {
        this.uri = uri;
    }

    ElementString read() {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        int schemeEnd = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (schemeEnd < 0) {
            throw refuse(List.of(new Problem("", "'" + uri + "' is not an http:// or https:// URI")));
        }
        String rest = uri.substring(schemeEnd);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String query = question >= 0 ? rest.substring(question + 1) : "";
        String hostAndPath = question >= 0 ? rest.substring(0, question) : rest;
        int slash = hostAndPath.indexOf('/');
        String path = slash >= 0 ? hostAndPath.substring(slash + 1) : "";
        String key = readPath(path.isEmpty() ? new String[0] : path.split("/", -1));
        if (key != null) {
            readQuery(query, key);
        }
        if (problems.isEmpty()) {
            ElementString es = new ElementString(elements);
            es.validate().forEach(problems::add);
            if (problems.isEmpty()) {
                return es;
            }
        }
        throw refuse(problems);
    }

    /** Reads key and qualifiers from the path; returns the key AI, or null when there is none. */
    private String readPath(String[] segments) {
        int start = -1;
        for (int i = 0; i + 1 < segments.length; i++) {
            if (DigitalLink.isPrimaryKey(segments[i])) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            problems.add(new Problem("path", "no primary key (01, 00, 414, 417, 8006, 402) followed by a value"));
            return null;
        }
        String key = segments[start];
        add(key, padGtin(key, decoded(segments[start + 1], "path")));
        List<String> order = DigitalLink.qualifiersOf(key);
        int lastRank = -1;
        for (int i = start + 2; i < segments.length; i += 2) {
            String ai = segments[i];
            if (i + 1 >= segments.length) {
                problems.add(new Problem("path", "'" + ai + "' at the end of the path has no value"));
                break;
            }
            int rank = order.indexOf(ai);
            if (rank < 0) {
                problems.add(new Problem("path", "'" + ai + "' is not a key qualifier of (" + key + ")"
                        + (order.isEmpty() ? ", which has none" : "; allowed in this order: " + String.join(", ", order))
                        + "; data attributes belong in the query string"));
            } else if (rank <= lastRank) {
                problems.add(new Problem("path", "qualifier (" + ai + ") is out of order: after (" + key
                        + ") the order is " + String.join(" -> ", order)));
            }
            lastRank = Math.max(lastRank, rank);
            add(ai, decoded(segments[i + 1], "path"));
        }
        return key;
    }

    private void readQuery(String query, String key) {
        if (query.isEmpty()) {
            return;
        }
        List<String> qualifiers = DigitalLink.qualifiersOf(key);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq >= 0 ? pair.substring(0, eq) : pair;
            if (name.isEmpty() || !Gs1CheckDigit.isDigits(name)) {
                continue;
            }
            if (eq < 0) {
                problems.add(new Problem("query", "AI " + name + " has no value"));
            } else if (name.equals(key) || qualifiers.contains(name)) {
                problems.add(new Problem("query", "(" + name + ") is the key or a key qualifier and belongs in the path"));
            } else {
                add(name, decoded(pair.substring(eq + 1), "query"));
            }
        }
    }

    private static String padGtin(String ai, String value) {
        boolean shortGtin = value.length() == 8 || value.length() == 12 || value.length() == 13;
        return ai.equals("01") && shortGtin ? "0".repeat(14 - value.length()) + value : value;
    }

    private String decoded(String text, String where) {
        try {
            return DigitalLink.decode(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(where, e.getMessage()));
            return text;
        }
    }

    private void add(String ai, String value) {
        elements.add(new Element(ai, value));
    }

    private InvalidInputException refuse(List<Problem> found) {
        return new InvalidInputException(WHAT + " " + uri, found);
    }
}
