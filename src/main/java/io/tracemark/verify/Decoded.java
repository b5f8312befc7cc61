package io.tracemark.verify;

import java.awt.Rectangle;
import java.util.Optional;

/**
 * One successful decode of a frame.
 *
 * @param data            decoded text; GS1 field separators are ASCII 29 (GS)
 * @param symbologyId     AIM symbology identifier from ZXing, e.g. {@code ]d2}, {@code ]C1}, {@code ]Q1}
 * @param symbology       the symbology
 * @param strategy        the decode strategy that read it
 * @param region          the region of the frame that was searched (frame pixels)
 * @param view            the image the symbol was decoded from (region after scaling / rotation)
 * @param geometry        where the symbol lies in {@code view}, when the detector could say
 * @param errorsCorrected Reed-Solomon errors ZXing corrected, or -1 when unknown
 * @param ecLevel         QR error-correction level (L, M, Q, H) or "" for other symbologies
 * @param nanos           time spent decoding, all strategies included
 */
public record Decoded(String data, String symbologyId, Symbology symbology, DecodeStrategy strategy,
                      Rectangle region, GrayImage view, Optional<SymbolGeometry> geometry,
                      int errorsCorrected, String ecLevel, long nanos) {

    /** True when the symbology identifier announces GS1 content (FNC1 first). */
    public boolean gs1() {
        return Symbology.gs1(symbologyId);
    }
}
