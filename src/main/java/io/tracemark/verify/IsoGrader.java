package io.tracemark.verify;

/** Dispatches to the matrix (15415) or linear (15416) grading by symbology. */
final class IsoGrader implements Grader {

    private final MatrixGrading matrix = new MatrixGrading();
    private final LinearGrading linear = new LinearGrading();

    @Override
    public Grades grade(Decoded decoded) {
        return decoded.symbology().matrix() ? matrix.grade(decoded) : linear.grade(decoded);
    }
}
