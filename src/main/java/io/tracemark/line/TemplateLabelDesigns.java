package io.tracemark.line;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TracemarkException;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.LabelValues;
import io.tracemark.label.TemplateField;
import io.tracemark.label.TemplateLibrary;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LabelDesigns} over the label package's templates: the job's master data, batch and dates
 * become the template's job fields, each code its unit field; printers are known by their
 * {@link LabelTarget} (resolution, CJK mode, stored formats).
 */
public final class TemplateLabelDesigns implements LabelDesigns {

    private final TemplateLibrary library;
    private final Map<String, LabelTarget> targets;
    private final String platformName;
    private final String digitalLinkBase;

    /**
     * @param targets         the label target of each configured printer, by printer name
     * @param platformName    printed by templates that name the traceability platform
     * @param digitalLinkBase base URI of Digital Links built from GS1 codes (e.g. {@code https://id.example.cn})
     */
    public TemplateLabelDesigns(TemplateLibrary library, Map<String, LabelTarget> targets, String platformName,
                                String digitalLinkBase) {
        this.library = library;
        this.targets = new LinkedHashMap<>(targets);
        this.platformName = platformName;
        this.digitalLinkBase = digitalLinkBase;
    }

    @Override
    public List<String> names() {
        return library.names();
    }

    @Override
    public List<Problem> check(String template, String printer, JobFacts facts) {
        List<Problem> problems = new ArrayList<>();
        LabelTemplate t;
        try {
            t = library.load(template);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new Problem("template", p.where() + ": " + p.message())));
            return problems;
        }
        if (!targets.containsKey(printer)) {
            problems.add(new Problem("printer", "no label target configured for printer '" + printer + "'"));
        }
        if (facts.traceLevel() != null && t.traceLevel() != null
                && t.traceLevel().sharesCodeAcrossUnits() != facts.traceLevel().sharesCodeAcrossUnits()) {
            problems.add(new Problem("template", "template " + template + " is made for " + t.traceLevel()
                    + " jobs, the job is " + facts.traceLevel()));
        }
        Map<String, Object> values = new LinkedHashMap<>(TemplateJobLabels.jobValues(facts, platformName, digitalLinkBase));
        for (TemplateField field : t.fields()) {
            if (!field.unit() && !values.containsKey(field.name())) {
                problems.add(new Problem("template", "template " + template + " prints " + field.name() + " ("
                        + field.title() + "), which the job cannot supply: fill it in the product master data"));
            }
        }
        String codeField = t.codeField();
        if (codeField != null && !List.of("gs1", "code", "digitalLink").contains(codeField)) {
            problems.add(new Problem("template", "template " + template + " verifies field " + codeField
                    + "; a job supplies only gs1, code or digitalLink per unit"));
        }
        if (problems.isEmpty()) {
            problems.addAll(jobTextFits(t, targets.get(printer), values));
        }
        return problems;
    }

    /** Merges the job's own values once, so text that would not fit the label is refused before the job runs. */
    private static List<Problem> jobTextFits(LabelTemplate t, LabelTarget target, Map<String, Object> values) {
        try {
            t.writer(target).storedFormat(LabelValues.of(values));
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> new Problem("template", p.where() + ": " + p.message())).toList();
        }
    }

    @Override
    public JobLabels forJob(String template, String printer, JobFacts facts) {
        List<Problem> problems = check(template, printer, facts);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("template " + template, problems);
        }
        return new TemplateJobLabels(library.load(template), targets.get(printer), facts, platformName, digitalLinkBase);
    }

    /** Where the verification code of {@code template} sits on a label for {@code printer}, in dots. */
    public Optional<Rectangle> codeBoxDots(String template, String printer) {
        LabelTarget target = targets.get(printer);
        if (target == null) {
            return Optional.empty();
        }
        try {
            var box = library.load(template).codeBox(target.dotsPerMm());
            return Optional.of(new Rectangle(box.x(), box.y(), box.width(), box.height()));
        } catch (TracemarkException e) {
            return Optional.empty();
        }
    }
}
