package io.tracemark.label;

/**
 * Where the verification code sits on a label, in millimetres from the label's top-left corner:
 * the region a camera image is cropped to before decoding.
 */
public record CodeBox(double xMm, double yMm, double widthMm, double heightMm) {

    public CodeBox {
        if (xMm < 0 || yMm < 0 || widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("code box must lie on the label with a positive size: "
                    + xMm + "," + yMm + " " + widthMm + "x" + heightMm + " mm");
        }
    }

    /** The same box in printer dots at {@code dotsPerMm}, rounded outward. */
    public Dots inDots(int dotsPerMm) {
        int x = (int) Math.floor(xMm * dotsPerMm);
        int y = (int) Math.floor(yMm * dotsPerMm);
        int right = (int) Math.ceil((xMm + widthMm) * dotsPerMm);
        int bottom = (int) Math.ceil((yMm + heightMm) * dotsPerMm);
        return new Dots(x, y, right - x, bottom - y);
    }

    /** A box in dots. */
    public record Dots(int x, int y, int width, int height) {

        public boolean contains(int px, int py, int w, int h) {
            return px >= x && py >= y && px + w <= x + width && py + h <= y + height;
        }
    }
}
