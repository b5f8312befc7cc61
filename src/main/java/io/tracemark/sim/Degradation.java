package io.tracemark.sim;

/** One thing the virtual camera did to a frame; recorded in the {@link DegradationPlan}. */
public sealed interface Degradation {

    /** Gaussian blur (focus), sigma in frame pixels. */
    record Blur(double sigmaPx) implements Degradation {
    }

    /** Additive Gaussian sensor noise, sigma in gray levels. */
    record Noise(double sigma) implements Degradation {
    }

    /** Contrast squeezed towards mid-gray: 1.0 unchanged, 0.3 = 30 % of the original range. */
    record LowContrast(double factor) implements Degradation {
    }

    /** Illumination falling off linearly across the frame by {@code strength} (0.4 = 40 % darker edge). */
    record UnevenLight(double strength, double angleDeg) implements Degradation {
    }

    /** Label tilted: one label edge appears shorter by {@code shrink} (0.1 = 10 %). */
    record Perspective(double shrink) implements Degradation {
    }

    /** Ink smeared over a band covering {@code coverage} (0–1) of the code area. */
    record Smear(double coverage) implements Degradation {
    }

    /** Ink missing in {@code count} round voids covering about {@code coverage} (0–1) of the code. */
    record Voids(int count, double coverage) implements Degradation {
    }

    /** No label in front of the camera: the frame shows the conveyor only. */
    record MissingLabel() implements Degradation {
    }

    /** Another label than the one printed for this unit is in front of the camera. */
    record WrongLabel(String which) implements Degradation {
    }
}
