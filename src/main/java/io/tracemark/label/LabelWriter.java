package io.tracemark.label;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes one template's labels for one printer target. Two equivalent forms:
 * <ul>
 *   <li>{@link #label}: a complete {@code ^XA…^XZ} label;</li>
 *   <li>{@link #storedFormat} once per job ({@code ^DF}, job values baked in, unit fields as
 *       {@code ^FN}), then {@link #recall} per label ({@code ^XA^XF…^FN…^XZ}, unit values only).</li>
 * </ul>
 * Both print the same label. Every value is written with {@code ^FH} hex escapes, so no value can
 * inject a command. Immutable and thread-safe; values are checked per call and refused with an
 * {@link InvalidInputException} naming the template and field.
 */
public final class LabelWriter {

    private final LabelTemplate template;
    private final LabelTarget target;
    private final List<TemplateCompiler.Part> parts;
    private final Map<String, Integer> fieldNumbers = new LinkedHashMap<>();
    /** What a recall carries, in order, worked out once: bitmap unit slots and numbered unit fields (each once). */
    private final List<RecallField> recallFields = new ArrayList<>();
    private final SlotEncoder encoder;
    private final LabelFonts fonts;
    private final Map<String, Integer> lineCounts = new ConcurrentHashMap<>();

    LabelWriter(LabelTemplate template, LabelTarget target, Map<String, TemplateField> declared) {
        this.template = template;
        this.target = target;
        String base = ZplNames.baseName(template.formatName());
        if (target.storedFormats() && base.length() > target.objectNameLength()) {
            throw new InvalidInputException("template " + template.name() + " for " + target, List.of(new Problem(
                    "formatName", "'" + base + "' has " + base.length() + " characters and this printer takes "
                            + target.objectNameLength() + " (ZPL II guide, ^DF: 1 to 8; long-filename firmware 16)")));
        }
        TemplateCompiler compiler = new TemplateCompiler(declared, template.dotsPerMm(), target);
        this.parts = compiler.compile(template.zpl());
        if (!compiler.problems().isEmpty()) {
            throw new InvalidInputException("template " + template.name() + " for " + target, compiler.problems());
        }
        for (TemplateCompiler.Part p : parts) {
            if (p instanceof TemplateCompiler.Slot s && s.slot().unit() && s.slot().bitmap()) {
                recallFields.add(new RecallField(s.slot(), 0));
            } else if (p instanceof TemplateCompiler.Slot s && s.slot().unit()
                    && !fieldNumbers.containsKey(s.slot().dataSignature())) {
                fieldNumbers.put(s.slot().dataSignature(), fieldNumbers.size() + 1);
                recallFields.add(new RecallField(s.slot(), fieldNumbers.size()));
            }
        }
        this.encoder = new SlotEncoder(template.name());
        this.fonts = parts.stream().anyMatch(p -> p instanceof TemplateCompiler.Slot s && s.slot().bitmap())
                ? LabelFonts.system() : null;
    }

    public LabelTemplate template() {
        return template;
    }

    public LabelTarget target() {
        return target;
    }

    /** The fields the unit slots of this template print (what a {@link #recall} needs), by name. */
    public java.util.Set<String> unitFieldNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RecallField f : recallFields) {
            for (TemplateSlot.Piece piece : f.slot().pieces()) {
                if (piece.isPlaceholder()) {
                    names.add(piece.field());
                }
            }
        }
        return names;
    }

    /** The stored-format name, e.g. {@code R:ITEMGS1DM.ZPL}. */
    public String formatName() {
        return template.formatName();
    }

    /** A complete label ({@code ^XA…^XZ}) for {@code values} (job and unit values together). */
    public String label(LabelValues values) {
        StringBuilder out = new StringBuilder(512).append("^XA");
        for (TemplateCompiler.Part p : parts) {
            if (p instanceof TemplateCompiler.Literal l) {
                out.append(l.zpl());
            } else if (p instanceof TemplateCompiler.Slot s) {
                appendField(out, s.slot(), values);
            }
        }
        return out.append("^XZ").toString();
    }

    /** Convenience: {@link #label(LabelValues)} from a plain map (see {@link LabelValues#of}). */
    public String label(Map<String, ?> values) {
        return label(LabelValues.of(values));
    }

    /**
     * The stored format to download once per job: {@code ^XA^DF<name>^FS…^XZ} with the job's
     * values merged and every unit field left as a {@code ^FN} field. Prints nothing.
     */
    public String storedFormat(LabelValues jobValues) {
        StringBuilder out = new StringBuilder(1024).append("^XA^DF").append(formatName()).append("^FS");
        for (TemplateCompiler.Part p : parts) {
            if (p instanceof TemplateCompiler.Literal l) {
                out.append(l.zpl());
            } else if (p instanceof TemplateCompiler.Slot s && !s.slot().unit()) {
                appendField(out, s.slot(), jobValues);
            } else if (p instanceof TemplateCompiler.Slot s && !s.slot().bitmap()) {
                out.append(s.slot().prefix()).append("^FN").append(fieldNumbers.get(s.slot().dataSignature())).append("^FS");
            }
        }
        return out.append("^XZ").toString();
    }

    /**
     * One label recalling the stored format: {@code ^XA^XF<name>^FS^FN1^FH_^FD…^FS…^XZ}, carrying
     * only the unit fields. {@code values} must hold what the unit fields need (job values may be
     * included; they are ignored unless a unit field derives from them).
     */
    public String recall(LabelValues values) {
        StringBuilder out = new StringBuilder(200).append("^XA^XF").append(formatName()).append("^FS");
        for (RecallField f : recallFields) {
            if (f.slot().bitmap()) {
                appendField(out, f.slot(), values);
            } else {
                out.append("^FN").append(f.number()).append("^FH_^FD").append(encoder.fieldData(f.slot(), values))
                        .append("^FS");
            }
        }
        return out.append("^XZ").toString();
    }

    /**
     * Merges the job's values once: the returned {@link JobLabels} writes each unit's label by
     * encoding only the unit fields (the fast path for a running line). A job field is merged once
     * when the job has every value it prints and it merges without error; otherwise (a value a
     * unit's code may supply, a value refused) it is merged with each unit, as {@link #label} does.
     */
    public JobLabels forJob(LabelValues jobValues) {
        List<Object> full = new ArrayList<>();
        StringBuilder run = new StringBuilder("^XA");
        for (TemplateCompiler.Part p : parts) {
            if (p instanceof TemplateCompiler.Literal l) {
                run.append(l.zpl());
            } else if (p instanceof TemplateCompiler.Slot s && (s.slot().unit() || !mergedOnce(run, s.slot(), jobValues))) {
                full.add(run.toString());
                run.setLength(0);
                full.add(s.slot());
            }
        }
        full.add(run.append("^XZ").toString());
        return new JobLabels(this, jobValues, full);
    }

    /** Appends job slot {@code slot} merged with {@code job} when it has all its values and merges; false otherwise. */
    private boolean mergedOnce(StringBuilder run, TemplateSlot slot, LabelValues job) {
        for (TemplateSlot.Piece piece : slot.pieces()) {
            if (piece.isPlaceholder() && job.get(piece.field()).isEmpty()) {
                return false;
            }
        }
        StringBuilder field = new StringBuilder();
        try {
            appendField(field, slot, job);
        } catch (RuntimeException refused) {
            return false; // refused again, in its place, for each unit
        }
        run.append(field);
        return true;
    }

    /** Appends the unit slot's field (used by {@link JobLabels}). */
    void appendUnitField(StringBuilder out, TemplateSlot slot, LabelValues values) {
        appendField(out, slot, values);
    }

    /**
     * ZPL to send once before any label from this writer: for {@link CjkFontMode#DOWNLOAD} the
     * CJK font ({@code ~DY}, several MB); otherwise empty.
     */
    public String setup() {
        if (target.cjkMode() != CjkFontMode.DOWNLOAD) {
            return "";
        }
        return CjkFontDownload.command(LabelFonts.system(), target.residentFontName());
    }

    /**
     * Refuses text that would not fit its {@code ^FB} block: a printer silently drops the lines past
     * the block's count, and a label must never lose part of its mandatory information. Measured with
     * the rasterizer's own line breaking; results are cached per slot and text (job values repeat on
     * every label).
     */
    private void requireFits(TemplateSlot slot, String text) {
        TemplateSlot.TextStyle style = slot.style();
        if (style == null || style.block() == null) {
            return;
        }
        int maxLines = Math.max(1, style.block().intArg(1, 1));
        String key = slot.origin() + '\u0000' + text;
        if (lineCounts.size() > 4096) {
            lineCounts.clear();
        }
        // ^FB data carries backslashes doubled (a single one would start a ZPL line break): measure what is sent
        String sent = text.replace("\\", "\\\\");
        int lines = lineCounts.computeIfAbsent(key, k -> TextPainter.wrap(LabelFonts.system().cjk(), sent,
                style.height(), style.width(), true, Math.max(1, style.block().intArg(0, 0))).size());
        if (lines > maxLines) {
            String fields = slot.pieces().stream().filter(TemplateSlot.Piece::isPlaceholder)
                    .map(TemplateSlot.Piece::field).distinct().collect(Collectors.joining(", "));
            throw new InvalidInputException("label " + template.name(), List.of(new Problem(fields,
                    "'" + text + "' needs " + lines + " lines on this label but its field holds " + maxLines
                            + "; shorten the value or use a template with more room")));
        }
    }

    /** A unit slot of a recall: drawn as graphics (bitmap, number 0) or sent as field {@code ^FN<number>}. */
    private record RecallField(TemplateSlot slot, int number) {
    }

    private void appendField(StringBuilder out, TemplateSlot slot, LabelValues values) {
        boolean text = slot.kind() == TemplateSlot.Kind.TEXT;
        String shown = text || slot.bitmap() ? encoder.text(slot, values) : null;
        if (text) {
            requireFits(slot, shown);
        }
        if (slot.bitmap()) {
            TemplateSlot.TextStyle st = slot.style();
            boolean[][] dots = TextPainter.paintField(fonts.cjk(), shown, st.height(), st.width(), true, st.block()).dots();
            out.append(slot.origin()).append(GraphicField.of(dots).toZpl()).append("^FS");
            return;
        }
        out.append(slot.prefix()).append("^FH_^FD").append(encoder.fieldData(slot, values)).append("^FS");
    }
}
