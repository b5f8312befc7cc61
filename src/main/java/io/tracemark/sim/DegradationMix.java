package io.tracemark.sim;

/**
 * How often the virtual camera degrades frames, by class. Shares are fractions of frames and must
 * add up to at most 1; the rest are clean frames (pose changes only).
 *
 * @param mild     mild degradations (blur, noise, contrast, light, tilt within print-quality C)
 * @param marginal heavier degradations or light damage: quality uncertain
 * @param missing  no label in view
 * @param wrong    another label in view (the previous unit's label)
 * @param damaged  smear or voids over much of the code
 */
public record DegradationMix(double mild, double marginal, double missing, double wrong, double damaged) {

    public DegradationMix {
        double sum = mild + marginal + missing + wrong + damaged;
        if (mild < 0 || marginal < 0 || missing < 0 || wrong < 0 || damaged < 0 || sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("degradation shares must be >= 0 and add up to at most 1, got "
                    + mild + ", " + marginal + ", " + missing + ", " + wrong + ", " + damaged);
        }
    }

    /** Only pose changes (offset, rotation): every frame should read and pass. */
    public static DegradationMix none() {
        return new DegradationMix(0, 0, 0, 0, 0);
    }

    /** A harsh corpus: 60 % mild, 16 % marginal, 6 % missing, 6 % wrong, 6 % damaged, 6 % clean. */
    public static DegradationMix corpus() {
        return new DegradationMix(0.60, 0.16, 0.06, 0.06, 0.06);
    }

    /** A realistic line: mostly clean and mild, rare faults. */
    public static DegradationMix line() {
        return new DegradationMix(0.30, 0.02, 0.005, 0.005, 0.005);
    }
}
