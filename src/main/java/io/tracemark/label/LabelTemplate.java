package io.tracemark.label;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A label template: ZPL with {@code {{field}}} placeholders plus what its YAML sidecar says (size,
 * designed resolution, fields, where the verification code sits and its symbology). Checked
 * completely when created: a template that exists is one that can be merged and printed.
 * Immutable and thread-safe.
 */
public final class LabelTemplate {

    /** Logical font name templates use for Chinese text; replaced per printer by its CJK mode. */
    public static final String CJK_FONT = "E:CJK.TTF";

    private final String name;
    private final String description;
    private final double widthMm;
    private final double heightMm;
    private final int dotsPerMm;
    private final TraceLevel traceLevel;
    private final Map<String, TemplateField> fields;
    private final String codeField;
    private final Symbology symbology;
    private final CodeBox codeBox;
    private final String formatName;
    private final String zpl;
    private final Map<String, Object> sample;

    LabelTemplate(TemplateSidecar sidecar, String zpl, Map<String, Object> sample, String source) {
        List<Problem> problems = new ArrayList<>();
        this.name = Objects.requireNonNull(sidecar.name, "name");
        this.description = sidecar.description == null ? "" : sidecar.description;
        this.widthMm = sidecar.widthMm;
        this.heightMm = sidecar.heightMm;
        this.dotsPerMm = sidecar.dotsPerMm;
        this.traceLevel = sidecar.traceLevel;
        this.fields = declaredFields(sidecar, problems);
        this.codeField = sidecar.verificationCode == null ? null : sidecar.verificationCode.field;
        this.symbology = sidecar.verificationCode == null ? null : sidecar.verificationCode.symbology;
        this.codeBox = codeBox(sidecar, problems);
        String compact = name.replaceAll("[^A-Za-z0-9]", "").toUpperCase();
        this.formatName = ZplNames.normalizeFormat(sidecar.formatName != null ? sidecar.formatName
                : compact.substring(0, Math.min(ZplLinter.OBJECT_NAME_LENGTH, compact.length())));
        if (ZplNames.baseName(formatName).length() > 16) {
            problems.add(new Problem("formatName", "'" + sidecar.formatName + "' is longer than 16 characters, the most"
                    + " any ZPL firmware takes for a stored format"));
        }
        this.zpl = zpl;
        this.sample = sample == null ? Map.of() : Map.copyOf(sample);
        if (widthMm <= 0 || heightMm <= 0) {
            problems.add(new Problem("widthMm/heightMm", "label size must be positive, got " + widthMm + "x" + heightMm));
        }
        if (dotsPerMm < 4 || dotsPerMm > 48) {
            problems.add(new Problem("dotsPerMm", "designed resolution must be 4..48 dots/mm, got " + dotsPerMm));
        }
        if (codeField != null && !fields.containsKey(codeField)) {
            problems.add(new Problem("verificationCode.field", "'" + codeField + "' is not one of the fields"));
        }
        problems.addAll(ZplLinter.lintTemplate(zpl));
        TemplateCompiler compiler = new TemplateCompiler(fields, dotsPerMm, LabelTarget.standard(dotsPerMm));
        compiler.compile(zpl);
        problems.addAll(compiler.problems());
        checkUsage(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("template " + name + " (" + source + ")", problems);
        }
    }

    private static Map<String, TemplateField> declaredFields(TemplateSidecar s, List<Problem> problems) {
        Map<String, TemplateField> out = new LinkedHashMap<>();
        if (s.fields == null || s.fields.isEmpty()) {
            problems.add(new Problem("fields", "no fields declared"));
            return out;
        }
        s.fields.forEach((fieldName, type) -> {
            TemplateField known = TemplateField.find(fieldName).orElse(null);
            if (known == null) {
                problems.add(new Problem("fields." + fieldName, "the job cannot supply '" + fieldName
                        + "'; fields are: " + TemplateField.catalogNames()));
            } else if (type != null && type != known.type()) {
                problems.add(new Problem("fields." + fieldName, "declared " + type + " but the job supplies "
                        + known.type()));
            } else {
                out.put(fieldName, known);
            }
        });
        return out;
    }

    private static CodeBox codeBox(TemplateSidecar s, List<Problem> problems) {
        if (s.verificationCode == null || s.verificationCode.box == null) {
            problems.add(new Problem("verificationCode", "must give field, symbology and box (mm)"));
            return null;
        }
        TemplateSidecar.Box b = s.verificationCode.box;
        try {
            CodeBox box = new CodeBox(b.xMm, b.yMm, b.widthMm, b.heightMm);
            if (b.xMm + b.widthMm > s.widthMm + 1e-9 || b.yMm + b.heightMm > s.heightMm + 1e-9) {
                problems.add(new Problem("verificationCode.box", "box leaves the " + s.widthMm + "x" + s.heightMm + " mm label"));
            }
            return box;
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("verificationCode.box", e.getMessage()));
            return null;
        }
    }

    private void checkUsage(List<Problem> problems) {
        for (String declared : fields.keySet()) {
            if (!zpl.matches("(?s).*\\{\\{\\s*" + declared + "\\s*(:[^}]*)?}}.*")) {
                problems.add(new Problem("fields." + declared, "declared but not used in the ZPL"));
            }
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** Resolution the template's coordinates are written for. */
    public int dotsPerMm() {
        return dotsPerMm;
    }

    public TraceLevel traceLevel() {
        return traceLevel;
    }

    /** The fields the template uses, in sidecar order. */
    public List<TemplateField> fields() {
        return List.copyOf(fields.values());
    }

    /** The field whose symbol the camera verifies (e.g. {@code gs1}, {@code digitalLink}, {@code code}). */
    public String codeField() {
        return codeField;
    }

    /** Symbology of the verification code. */
    public Symbology symbology() {
        return symbology;
    }

    /** Where the verification code sits, in mm. */
    public CodeBox codeBox() {
        return codeBox;
    }

    /** The same in dots at {@code dotsPerMm}. */
    public CodeBox.Dots codeBox(int dotsPerMm) {
        return codeBox.inDots(dotsPerMm);
    }

    /** Stored-format name on the printer, e.g. {@code R:ITEMGS1DM.ZPL}. */
    public String formatName() {
        return formatName;
    }

    /** The template ZPL as written. */
    public String zpl() {
        return zpl;
    }

    /** The sample values shipped with the template ({@code <name>.sample.json}). */
    public Map<String, Object> sample() {
        return sample;
    }

    /** A writer of this template's labels for one printer (resolution, CJK mode). */
    public LabelWriter writer(LabelTarget target) {
        return new LabelWriter(this, target, fields);
    }

    @Override
    public String toString() {
        return "LabelTemplate[" + name + " " + widthMm + "x" + heightMm + " mm]";
    }
}
