package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** All panel text comes from the message bundles: none in the HTML, JS or CSS, and both bundles agree. */
class PanelTextTest {

    private static final Path PANEL = Path.of("src/main/resources/panel");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    private static final Pattern STRING = Pattern.compile("'([^'\\\\\\n]*)'|\"([^\"\\\\\\n]*)\"|`([^`]*)`");
    private static final Pattern PROSE = Pattern.compile("^[A-Z][a-z']+\\s+[A-Za-z]|\\b[a-z]{2,}\\s+[a-z]{2,}\\s+[a-z]{2,}\\b");
    private static final Pattern KEY_USE = Pattern.compile("data-i18n=\"([^\"]+)\"|\\bt(?:Or)?\\('([^']+)'");

    @Test
    void bothBundlesHaveTheSameNonEmptyKeys() throws IOException {
        JsonNode zh = bundle("zh-CN");
        JsonNode en = bundle("en");
        assertEquals(keys(zh), keys(en));
        zh.fields().forEachRemaining(e -> assertFalse(e.getValue().asText().isBlank(), "zh-CN " + e.getKey()));
        en.fields().forEachRemaining(e -> assertFalse(e.getValue().asText().isBlank(), "en " + e.getKey()));
        assertTrue(CJK.matcher(zh.get("nav.line").asText()).find(), "the Chinese bundle is Chinese");
    }

    @Test
    void everyKeyThePanelUsesIsInTheBundles() throws IOException {
        Set<String> main = keys(bundle("zh-CN"));
        List<String> missing = new ArrayList<>();
        for (Path file : panelFiles()) {
            // a page with bundles of its own (packing.html, packing.js: i18n/packing.zh-CN.json) uses both
            Set<String> bundled = new TreeSet<>(main);
            Path own = PANEL.resolve("i18n/" + file.getFileName().toString().split("\\.")[0] + ".zh-CN.json");
            if (Files.exists(own)) {
                bundled.addAll(keys(new ObjectMapper().readTree(own.toFile())));
            }
            Matcher m = KEY_USE.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(1) != null ? m.group(1) : m.group(2);
                if (!bundled.contains(key)) {
                    missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noTextOutsideTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : panelFiles()) {
            String source = Files.readString(file);
            String name = file.getFileName().toString();
            if (CJK.matcher(source).find()) {
                found.add(name + ": Chinese text");
            }
            if (name.endsWith(".html")) {
                found.addAll(htmlText(name, source));
            } else if (name.endsWith(".js")) {
                found.addAll(jsText(name, source));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScannersCatchLiterals() {
        assertEquals(1, htmlText("x.html", "<p>Start the line</p><b data-i18n=\"k\"></b>").size());
        assertEquals(1, htmlText("x.html", "<input placeholder=\"Batch\">").size());
        assertEquals(1, jsText("x.js", "toast('Line stopped');").size());
        assertEquals(1, jsText("x.js", "el.textContent = \"could not start the job\";").size());
        assertEquals(0, jsText("x.js", "el.className = 'btn btn-small'; // A comment in English is fine").size());
    }

    static List<String> htmlText(String name, String html) {
        List<String> found = new ArrayList<>();
        String body = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->", "");
        for (String text : body.split("<[^>]*>")) {
            if (text.matches("(?s).*\\p{L}.*")) {
                found.add(name + ": text '" + text.strip() + "'");
            }
        }
        Matcher attrs = Pattern.compile("\\b(placeholder|title|alt|aria-label|value)=\"([^\"]*\\p{L}{2,}[^\"]*)\"").matcher(body);
        while (attrs.find()) {
            boolean optionValue = attrs.group(1).equals("value");
            if (!optionValue) {
                found.add(name + ": " + attrs.group(1) + "='" + attrs.group(2) + "'");
            }
        }
        return found;
    }

    static List<String> jsText(String name, String js) {
        List<String> found = new ArrayList<>();
        String code = js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)//.*$", "$1");
        Matcher m = STRING.matcher(code);
        while (m.find()) {
            String literal = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String plain = literal.replaceAll("\\$\\{[^}]*}", " ");
            if (PROSE.matcher(plain).find()) {
                found.add(name + ": literal '" + literal + "'");
            }
        }
        return found;
    }

    private static List<Path> panelFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PANEL)) {
            return files.filter(p -> p.toString().matches(".*\\.(html|js|css)$")).sorted().toList();
        }
    }

    private static JsonNode bundle(String lang) throws IOException {
        return new ObjectMapper().readTree(PANEL.resolve("i18n/" + lang + ".json").toFile());
    }

    private static Set<String> keys(JsonNode bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
