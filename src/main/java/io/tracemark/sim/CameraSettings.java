package io.tracemark.sim;

/**
 * The virtual camera's optics and scene.
 *
 * @param width            frame width in pixels
 * @param height           frame height in pixels
 * @param pixelsPerMm      camera resolution on the label plane
 * @param printerDotsPerMm resolution of the printed label images it receives (8 = 203 dpi)
 * @param background       gray level of the conveyor behind the label (0–255)
 * @param paper            gray level of blank label stock under the light
 * @param ink              gray level of printed ink
 */
public record CameraSettings(int width, int height, double pixelsPerMm, double printerDotsPerMm,
                             int background, int paper, int ink) {

    public CameraSettings {
        if (width < 64 || height < 64 || pixelsPerMm <= 0 || printerDotsPerMm <= 0) {
            throw new IllegalArgumentException("camera frame must be at least 64x64 with positive resolutions, got "
                    + width + "x" + height + " at " + pixelsPerMm + " px/mm, printer " + printerDotsPerMm + " dots/mm");
        }
    }

    /** 1280×1024 gray, 10 px/mm (a 128 × 102 mm field of view), 203 dpi labels. */
    public static CameraSettings standard() {
        return new CameraSettings(1280, 1024, 10.0, 8.0, 60, 225, 30);
    }
}
