package io.tracemark.verify;

/**
 * Grades a decoded symbol from the image it was decoded from. Implementations are stateless and
 * thread-safe. The grades are for process control on the line; they follow the ISO/IEC 15415 and
 * 15416 parameters and thresholds but are not the output of a certified verifier (no calibrated
 * reflectance, no standard aperture or lighting).
 */
public interface Grader {

    /**
     * Grades {@code decoded}; never throws for a symbol the decoder read. A parameter that cannot be
     * measured (e.g. no grid geometry) is left out of {@link Grades#parameters()}.
     */
    Grades grade(Decoded decoded);

    /** The default grader: ISO/IEC 15415 style for Data Matrix and QR, ISO/IEC 15416 style for Code 128. */
    static Grader iso() {
        return new IsoGrader();
    }
}
