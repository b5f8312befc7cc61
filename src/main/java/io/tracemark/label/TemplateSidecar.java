package io.tracemark.label;

import io.tracemark.core.TraceLevel;
import java.util.Map;

/** The YAML sidecar of a template, as read by Jackson (validated by {@link LabelTemplate}). */
final class TemplateSidecar {
    public String name;
    public String description;
    public double widthMm;
    public double heightMm;
    public int dotsPerMm;
    public TraceLevel traceLevel;
    public String formatName;
    public Map<String, FieldType> fields;
    public VerificationCode verificationCode;

    static final class VerificationCode {
        public String field;
        public Symbology symbology;
        public Box box;
    }

    static final class Box {
        public double xMm;
        public double yMm;
        public double widthMm;
        public double heightMm;
    }
}
