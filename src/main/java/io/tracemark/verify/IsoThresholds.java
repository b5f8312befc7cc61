package io.tracemark.verify;

/** The grade thresholds of ISO/IEC 15415 (2D) and 15416 (linear) for the parameters we measure. */
final class IsoThresholds {

    private IsoThresholds() {
    }

    /** Symbol contrast in percent: A >= 70, B >= 55, C >= 40, D >= 20, else F (both standards). */
    static Grade symbolContrast(double percent) {
        return higherIsBetter(percent, 70, 55, 40, 20);
    }

    /** ISO 15415 module modulation: A >= 0.50, B >= 0.40, C >= 0.30, D >= 0.20. */
    static Grade moduleModulation(double mod) {
        return higherIsBetter(mod, 0.50, 0.40, 0.30, 0.20);
    }

    /** Axial non-uniformity: A <= 0.06, B <= 0.08, C <= 0.10, D <= 0.12. */
    static Grade axialNonUniformity(double an) {
        return lowerIsBetter(an, 0.06, 0.08, 0.10, 0.12);
    }

    /** Grid non-uniformity in modules: A <= 0.38, B <= 0.50, C <= 0.63, D <= 0.75. */
    static Grade gridNonUniformity(double gn) {
        return lowerIsBetter(gn, 0.38, 0.50, 0.63, 0.75);
    }

    /** Unused error correction: A >= 0.62, B >= 0.50, C >= 0.37, D >= 0.25, else F. */
    static Grade unusedErrorCorrection(double uec) {
        return higherIsBetter(uec, 0.62, 0.50, 0.37, 0.25);
    }

    /** ISO 15416 modulation (ECmin / SC): A >= 0.70, B >= 0.60, C >= 0.50, D >= 0.40. */
    static Grade linearModulation(double mod) {
        return higherIsBetter(mod, 0.70, 0.60, 0.50, 0.40);
    }

    /** Fixed-pattern damage by the number of wrong modules in the worst pattern segment. */
    static Grade patternDamage(int wrongModules) {
        return switch (Math.min(wrongModules, 4)) {
            case 0 -> Grade.A;
            case 1 -> Grade.B;
            case 2 -> Grade.C;
            case 3 -> Grade.D;
            default -> Grade.F;
        };
    }

    static Grade higherIsBetter(double v, double a, double b, double c, double d) {
        if (v >= a) {
            return Grade.A;
        } else if (v >= b) {
            return Grade.B;
        } else if (v >= c) {
            return Grade.C;
        } else if (v >= d) {
            return Grade.D;
        }
        return Grade.F;
    }

    static Grade lowerIsBetter(double v, double a, double b, double c, double d) {
        if (v <= a) {
            return Grade.A;
        } else if (v <= b) {
            return Grade.B;
        } else if (v <= c) {
            return Grade.C;
        } else if (v <= d) {
            return Grade.D;
        }
        return Grade.F;
    }
}
