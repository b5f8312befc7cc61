package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The texts of one of the panel's bundles, to tell whether a text shown on screen came from it: a text
 * is the bundle's when one entry, its {placeholders} standing for anything, matches it whole, or when
 * nothing Chinese is left after taking out the bundle's fixed texts and the data shown (codes, names).
 */
final class BundleText {

    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    private static final Pattern PROSE = Pattern.compile("\\b[a-z]{2,}\\s+[a-z]{2,}\\s+[a-z]{2,}\\b");

    private final java.util.Set<String> keys = new java.util.HashSet<>();
    private final List<Pattern> entries = new ArrayList<>();
    private final List<String> fixed = new ArrayList<>();

    private BundleText(List<JsonNode> bundles) {
        bundles.forEach(bundle -> bundle.fields().forEachRemaining(e -> {
            keys.add(e.getKey());
            String whole = e.getValue().asText();
            // recovery steps are one value, "step|step|step", shown one step a line
            java.util.stream.Stream.concat(java.util.stream.Stream.of(whole),
                    whole.contains("|") ? java.util.Arrays.stream(whole.split("\\|")) : java.util.stream.Stream.empty())
                    .forEach(this::add);
        }));
        fixed.sort(Comparator.comparingInt(String::length).reversed());
    }

    private void add(String value) {
        if (value.contains("{")) {
            List<String> quoted = java.util.Arrays.stream(value.split("\\{\\w+}", -1))
                    .map(part -> part.isEmpty() ? "" : Pattern.quote(part)).toList();
            entries.add(Pattern.compile(String.join(".+?", quoted)));
        } else {
            entries.add(Pattern.compile(Pattern.quote(value)));
            fixed.add(value);
        }
    }

    /** The panel's main bundle of a language (i18n/{lang}.json). */
    static BundleText of(String lang) {
        return new BundleText(List.of(read(Path.of("src/main/resources/panel/i18n/" + lang + ".json"))));
    }

    /** Every bundle of a language: the main one and the pages' own (i18n/packing.{lang}.json, ...). */
    static BundleText ofAllPages(String lang) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("src/main/resources/panel/i18n"))) {
            return new BundleText(files.filter(f -> f.getFileName().toString().endsWith(lang + ".json")).sorted()
                    .map(BundleText::read).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String key) {
        return keys.contains(key);
    }

    /** Whether one entry of the bundle, placeholders filled with anything, is exactly this text. */
    boolean isEntry(String text) {
        String t = text.strip();
        return entries.stream().anyMatch(p -> p.matcher(t).matches());
    }

    /**
     * What of a shown text is not the bundle's: empty when it is an entry, or when no Chinese and no
     * English prose is left after taking out fixed bundle texts and the given data.
     */
    String foreignPart(String text, Collection<String> data) {
        if (isEntry(text)) {
            return "";
        }
        String rest = text;
        for (String d : data) {
            rest = rest.replace(d, " ");
        }
        for (String f : fixed) {
            rest = rest.replace(f, " ");
        }
        rest = rest.strip();
        return CJK.matcher(rest).find() || PROSE.matcher(rest).find() || rest.matches(".*\\{\\w+}.*") ? rest : "";
    }
}
