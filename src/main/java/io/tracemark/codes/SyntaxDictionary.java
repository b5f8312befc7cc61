package io.tracemark.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The GS1 Barcode Syntax Dictionary ({@code gs1-syntax-dictionary.txt} from
 * {@code github.com/gs1/gs1-syntax-dictionary}, Apache-2.0, shipped as a resource; see NOTICE):
 * every assigned Application Identifier with its format, linters, association rules and Digital
 * Link flags. Parsed once; the file's own header documents the line syntax
 * {@code AIs [Flags] Specification [Attributes...] [# Title]}.
 */
public final class SyntaxDictionary {

    /** The resource holding the dictionary. */
    public static final String RESOURCE = "/io/tracemark/codes/gs1-syntax-dictionary.txt";

    private static final Pattern COMPONENT = Pattern.compile("\\[?[NXYZ](\\.\\.)?\\d+]?(,[a-z0-9]+)*");
    private static final Map<String, ApplicationIdentifier> ENTRIES = load();

    private SyntaxDictionary() {
    }

    /** The AI {@code ai} (e.g. {@code "3103"}), if the dictionary assigns it. */
    public static Optional<ApplicationIdentifier> find(String ai) {
        return Optional.ofNullable(ENTRIES.get(ai));
    }

    /** Every AI of the dictionary, in ascending order. */
    public static Collection<ApplicationIdentifier> all() {
        return Collections.unmodifiableCollection(ENTRIES.values());
    }

    /** Whether {@code ai} matches {@code pattern}, in which {@code n} stands for any digit ({@code 31nn}). */
    static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < ai.length(); i++) {
            if (pattern.charAt(i) != 'n' && pattern.charAt(i) != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, ApplicationIdentifier> load() {
        try (InputStream in = SyntaxDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GS1 syntax dictionary " + RESOURCE + " is missing from the program");
            }
            Map<String, ApplicationIdentifier> entries = new TreeMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    for (ApplicationIdentifier ai : parseLine(text, number)) {
                        entries.put(ai.ai(), ai);
                    }
                }
            }
            return Collections.unmodifiableMap(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the GS1 syntax dictionary " + RESOURCE, e);
        }
    }

    /** One entry line: an AI or a range of AIs sharing flags, specification and attributes. */
    static List<ApplicationIdentifier> parseLine(String line, int number) {
        int hash = line.indexOf('#');
        String title = hash >= 0 ? line.substring(hash + 1).strip() : "";
        String[] tokens = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
        int i = 1;
        String flags = "";
        if (i < tokens.length && tokens[i].chars().noneMatch(Character::isLetterOrDigit)) {
            flags = tokens[i++];
        }
        List<AiComponent> components = new ArrayList<>();
        while (i < tokens.length && COMPONENT.matcher(tokens[i]).matches()) {
            components.add(AiComponent.parse(tokens[i++]));
        }
        List<List<List<String>>> requires = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<List<String>> key = null;
        for (; i < tokens.length; i++) {
            String attr = tokens[i];
            String name = attr.contains("=") ? attr.substring(0, attr.indexOf('=')) : attr;
            String value = attr.contains("=") ? attr.substring(attr.indexOf('=') + 1) : "";
            switch (name) {
                case "req" -> requires.add(List.of(value.split(",")).stream()
                        .map(alternative -> List.of(alternative.split("\\+"))).toList());
                case "ex" -> excludes.addAll(List.of(value.split(",")));
                case "dlpkey" -> key = value.isEmpty() ? List.of(List.of())
                        : List.of(value.split("\\|")).stream().map(seq -> List.of(seq.split(","))).toList();
                default -> throw new IllegalStateException("GS1 syntax dictionary line " + number
                        + ": unknown attribute '" + attr + "'");
            }
        }
        if (components.isEmpty()) {
            throw new IllegalStateException("GS1 syntax dictionary line " + number + ": no specification");
        }
        List<ApplicationIdentifier> ais = new ArrayList<>();
        for (String ai : expand(tokens[0])) {
            ais.add(new ApplicationIdentifier(ai, title, flags.contains("*"), flags.contains("?"), components,
                    requires, excludes, Optional.ofNullable(key)));
        }
        return ais;
    }

    private static List<String> expand(String range) {
        int dash = range.indexOf('-');
        if (dash < 0) {
            return List.of(range);
        }
        String from = range.substring(0, dash);
        int last = Integer.parseInt(range.substring(dash + 1));
        List<String> ais = new ArrayList<>();
        for (int n = Integer.parseInt(from); n <= last; n++) {
            ais.add(String.format("%0" + from.length() + "d", n));
        }
        return ais;
    }
}
