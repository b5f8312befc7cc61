package io.tracemark.verify;

/**
 * The ways {@link FrameDecoder} tries to read a symbol, in the order it tries them. The winning
 * strategy is reported with each decode: a frame that needs a late strategy is a warning sign.
 */
public enum DecodeStrategy {
    /** Local-threshold binarizer on the crop: the usual winner on camera frames. */
    HYBRID,
    /** One global threshold from the histogram: better on low-contrast, evenly lit frames. */
    GLOBAL_HISTOGRAM,
    /** ZXing's pure-barcode mode on the crop: no detector, the symbol fills the crop. */
    PURE_BARCODE,
    /**
     * A region the {@link CodeLocator} found, turned so that its module grid is square to the axes and
     * scaled so that modules are at least about 4 px: reads symbols at any rotation and small modules.
     */
    RECTIFIED,
    /** The crop halved (merges noise, shrinks oversized modules). */
    SCALED_DOWN,
    /** The crop doubled (small modules). */
    SCALED_UP,
    /** The crop turned 90° clockwise. */
    ROTATED_90,
    /** The crop turned 180°. */
    ROTATED_180,
    /** The crop turned 270° clockwise. */
    ROTATED_270,
    /** ZXing's TRY_HARDER on the crop: slower, last resort. */
    TRY_HARDER
}
