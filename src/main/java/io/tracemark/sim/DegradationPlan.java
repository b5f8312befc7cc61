package io.tracemark.sim;

import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;

/**
 * Exactly what the virtual camera did to one frame, so tests know the truth.
 *
 * @param frame        frame number (0-based, per camera)
 * @param offsetXmm    label displacement from the frame centre, mm
 * @param offsetYmm    label displacement from the frame centre, mm
 * @param rotationDeg  label rotation, degrees clockwise
 * @param degradations what was applied, in order
 * @param expected     the true quality class the plan implies
 * @param codeBox      where the code landed in the frame (pixels), empty when no label is shown
 */
public record DegradationPlan(long frame, double offsetXmm, double offsetYmm, double rotationDeg,
                              List<Degradation> degradations, ExpectedQuality expected,
                              Optional<Rectangle> codeBox) {

    public DegradationPlan {
        degradations = List.copyOf(degradations);
    }

    public boolean has(Class<? extends Degradation> kind) {
        return degradations.stream().anyMatch(kind::isInstance);
    }

    DegradationPlan withCodeBox(Optional<Rectangle> box) {
        return new DegradationPlan(frame, offsetXmm, offsetYmm, rotationDeg, degradations, expected, box);
    }
}
