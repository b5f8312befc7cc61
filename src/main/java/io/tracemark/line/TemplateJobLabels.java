package io.tracemark.line;

import io.tracemark.master.Product;
import io.tracemark.codes.DigitalLink;
import io.tracemark.codes.ElementString;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.LabelValues;
import io.tracemark.label.LabelWriter;
import io.tracemark.label.RasterLabel;
import io.tracemark.label.ZplRasterizer;
import io.tracemark.verify.Expectation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of one job from a template: the job's values are merged once into a stored format
 * ({@code ^DF}) when the printer takes stored formats, and each unit recalls it with its code
 * ({@code ^XF}); otherwise each unit is a complete label.
 */
final class TemplateJobLabels implements JobLabels {

    private final LabelTemplate template;
    private final LabelTarget target;
    private final LabelWriter writer;
    private final LabelValues jobValues;
    /**
     * The job's values each recall is merged with: without the Digital Link base when no unit field
     * prints a Digital Link, so it is not built for every code for nothing.
     */
    private final LabelValues recallValues;
    /** The job's values merged once into the complete label, for printers without stored formats. */
    private final io.tracemark.label.JobLabels merged;
    private final String codeField;
    private final String digitalLinkBase;
    private final RecentCodes recent = new RecentCodes();

    TemplateJobLabels(LabelTemplate template, LabelTarget target, JobFacts facts, String platformName,
                      String digitalLinkBase) {
        this.template = template;
        this.target = target;
        this.writer = template.writer(target);
        this.jobValues = LabelValues.of(jobValues(facts, platformName, digitalLinkBase));
        this.merged = writer.forJob(jobValues);
        this.codeField = template.codeField() == null ? "code" : template.codeField();
        this.digitalLinkBase = digitalLinkBase;
        java.util.Set<String> unitFields = writer.unitFieldNames();
        this.recallValues = unitFields.contains("digitalLink") || unitFields.contains("digitalLinkBase") ? jobValues
                : jobValues.without(List.of("digitalLinkBase"));
    }

    /** The values a job supplies to every label, by template field name; absent when empty. */
    static Map<String, Object> jobValues(JobFacts f, String platformName, String digitalLinkBase) {
        Map<String, Object> v = new LinkedHashMap<>();
        Product p = f.product();
        put(v, "productName", p.name());
        put(v, "productType", p.type());
        put(v, "specification", p.specification());
        put(v, "standard", p.mandatoryStandard());
        put(v, "licence", p.licenceNumber());
        put(v, "cccNumber", p.licenceNumber());
        put(v, "warranty", p.warranty());
        put(v, "gtin", p.gtin());
        put(v, "batch", f.batch());
        if (f.productionDate() != null) {
            v.put("productionDate", f.productionDate());
        }
        if (f.expiryDate() != null) {
            v.put("expiryDate", f.expiryDate());
        }
        if (p.producer() != null) {
            put(v, "producerName", p.producer().name());
            put(v, "producerUscc", p.producer().uscc());
            put(v, "producerAddress", p.producer().address());
        }
        put(v, "platformName", platformName);
        put(v, "digitalLinkBase", digitalLinkBase);
        return v;
    }

    private static void put(Map<String, Object> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }

    @Override
    public String setupZpl() {
        return target.storedFormats() ? writer.storedFormat(jobValues) : "";
    }

    @Override
    public String unitZpl(String code) {
        return target.storedFormats() ? writer.recall(recallValues.with(unitValues(code)))
                : merged.label(unitValues(code));
    }

    private Map<String, Object> unitValues(String code) {
        return switch (codeField) {
            case "gs1" -> Map.of("gs1", gs1(code));
            case "digitalLink" -> code.startsWith("http") ? Map.of("digitalLink", code) : Map.of("gs1", gs1(code));
            default -> Map.of("code", code);
        };
    }

    /** {@code code} parsed as a GS1 element string, once for its label and its expectation. */
    private ElementString gs1(String code) {
        return recent.parsed(code);
    }

    @Override
    public Expectation expectation(String code) {
        return switch (codeField) {
            case "gs1" -> new Expectation.Gs1(gs1(code));
            case "digitalLink" -> new Expectation.Plain(code.startsWith("http") ? code
                    : DigitalLink.build(gs1(code), digitalLinkBase));
            default -> new Expectation.Plain(code);
        };
    }

    @Override
    public String challengeCode(String like, long salt) {
        String tag = "CHK" + salt;
        if (like.startsWith("http://") || like.startsWith("https://")) {
            ElementString es = DigitalLink.parse(like);
            String base = like.substring(0, like.indexOf('/', like.indexOf("//") + 2));
            return DigitalLink.build(alter(es, tag), base);
        }
        if (like.startsWith("(") || like.indexOf(ElementString.GS) >= 0) {
            return alter(ElementString.parse(like), tag).toBracketed();
        }
        return tag + "-" + like;
    }

    /** The same element string with its serial (21), else its batch (10), replaced by {@code tag}. */
    private static ElementString alter(ElementString es, String tag) {
        String ai = es.has("21") ? "21" : es.has("10") ? "10" : null;
        if (ai == null) {
            return es.with("21", tag);
        }
        List<ElementString.Element> elements = new java.util.ArrayList<>();
        for (ElementString.Element e : es.elements()) {
            elements.add(e.ai().equals(ai) ? new ElementString.Element(ai, tag) : e);
        }
        return new ElementString(elements);
    }

    @Override
    public Optional<byte[]> preview(String code) {
        ZplRasterizer rasterizer = new ZplRasterizer(target);
        List<RasterLabel> labels = rasterizer.feed(writer.label(jobValues.with(unitValues(code))));
        return labels.isEmpty() ? Optional.empty() : Optional.of(LineRecords.png(labels.get(0).image()));
    }

    @Override
    public String toString() {
        return "labels of template " + template.name() + " for " + target;
    }
}
