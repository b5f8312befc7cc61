package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        // GS1 Digital Link URI syntax: the scheme is "http" or "https" in lower case
        int schemeEnd = uri.startsWith("https://") ? 8 : uri.startsWith("http://") ? 7 : -1;
        if (schemeEnd < 0) {
            String lower = uri.toLowerCase(Locale.ROOT);
            throw refuse(List.of(new Problem("", lower.startsWith("http://") || lower.startsWith("https://")
                    ? "'" + uri + "': the scheme must be written in lower case (http:// or https://)"
                    : "'" + uri + "' is not an http:// or https:// URI")));
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

    /**
     * Reads key and qualifiers from the end of the path (anything before the key is a path
     * prefix); returns the key AI, or null when there is none.
     */
    private String readPath(String[] segments) {
        int start = -1;
        for (int i = 0; i + 1 < segments.length; i++) {
            if (DigitalLink.isPrimaryKey(segments[i]) && (segments.length - i) % 2 == 0) {
                if (start < 0 || onlyQualifiersAfter(segments, i)) {
                    start = i;
                }
                if (onlyQualifiersAfter(segments, i)) {
                    break;
                }
            }
        }
        if (start < 0) {
            problems.add(new Problem("path", "no primary key followed by a value; the keys are the AIs the GS1 syntax"
                    + " dictionary marks dlpkey, e.g. 01, 00, 414, 417, 8006, 401, 402"));
            return null;
        }
        String key = segments[start];
        add(key, decoded(segments[start + 1], "path"));
        List<String> qualifiers = new ArrayList<>();
        for (int i = start + 2; i < segments.length; i += 2) {
            String ai = segments[i];
            if (!isQualifier(key, ai)) {
                problems.add(new Problem("path", "'" + ai + "' is not a key qualifier of (" + key + "); "
                        + DigitalLink.sequences(key) + "; data attributes belong in the query string"));
            } else {
                qualifiers.add(ai);
            }
            add(ai, decoded(segments[i + 1], "path"));
        }
        checkOrder(key, qualifiers);
        return key;
    }

    private static boolean onlyQualifiersAfter(String[] segments, int keyAt) {
        for (int i = keyAt + 2; i < segments.length; i += 2) {
            if (!isQualifier(segments[keyAt], segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQualifier(String key, String ai) {
        return DigitalLink.qualifierSequences(key).stream().anyMatch(seq -> seq.contains(ai));
    }

    /** The qualifiers must follow one of the key's sequences, in its order, without mixing sequences. */
    private void checkOrder(String key, List<String> qualifiers) {
        List<List<String>> sequences = DigitalLink.qualifierSequences(key);
        if (qualifiers.isEmpty() || sequences.stream().anyMatch(seq -> inOrder(qualifiers, seq))) {
            return;
        }
        List<String> holder = sequences.stream().filter(seq -> seq.containsAll(qualifiers)).findFirst().orElse(null);
        if (holder == null) {
            problems.add(new Problem("path", "qualifiers " + qualifiers + " of (" + key + ") do not go together: "
                    + DigitalLink.sequences(key)));
            return;
        }
        for (int i = 1; i < qualifiers.size(); i++) {
            if (holder.indexOf(qualifiers.get(i)) <= holder.indexOf(qualifiers.get(i - 1))) {
                problems.add(new Problem("path", "qualifier (" + qualifiers.get(i) + ") is out of order: "
                        + DigitalLink.sequences(key)));
                return;
            }
        }
    }

    private static boolean inOrder(List<String> qualifiers, List<String> sequence) {
        int last = -1;
        for (String q : qualifiers) {
            int at = sequence.indexOf(q);
            if (at <= last) {
                return false;
            }
            last = at;
        }
        return true;
    }

    private void readQuery(String query, String key) {
        if (query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq >= 0 ? pair.substring(0, eq) : pair;
            if (name.isEmpty() || !Gs1CheckDigit.isDigits(name)) {
                continue;
            }
            if (eq < 0) {
                problems.add(new Problem("query", "AI " + name + " has no value"));
            } else if (name.equals(key) || isQualifier(key, name)) {
                problems.add(new Problem("query", "(" + name + ") is the key or a key qualifier and belongs in the path"));
            } else if (SyntaxDictionary.find(name).isPresent() && !DigitalLink.dataAttribute(name)) {
                problems.add(new Problem("query", "(" + name + ") may not be a Digital Link data attribute"));
            } else {
                add(name, decoded(pair.substring(eq + 1), "query"));
            }
        }
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
