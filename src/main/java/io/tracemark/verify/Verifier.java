package io.tracemark.verify;

import io.tracemark.codes.ElementString;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decode, grade and judge one frame: the station's check of a printed unit. Thread-safe.
 */
public final class Verifier {

    private final FrameDecoder decoder;
    private final Grader grader;
    private final Grade minimum;

    /** @param minimum the job's minimum grade (the station default is C, 1.5 rounds up to C) */
    public Verifier(FrameDecoder decoder, Grader grader, Grade minimum) {
        this.decoder = decoder;
        this.grader = grader;
        this.minimum = minimum;
    }

    /** Default decoder and ISO grader, minimum grade C. */
    public static Verifier standard() {
        return new Verifier(new FrameDecoder(), Grader.iso(), Grade.C);
    }

    public Grade minimum() {
        return minimum;
    }

    /**
     * @param frame   the camera frame
     * @param codeBox where the code should be (frame pixels); empty searches the whole frame
     * @param expect  what the code must contain; empty accepts any well-printed valid content
     */
    public Verification verify(GrayImage frame, Optional<Rectangle> codeBox, Optional<Expectation> expect) {
        long start = System.nanoTime();
        Optional<Decoded> decoded = decoder.decode(frame, codeBox);
        if (decoded.isEmpty()) {
            return new Verification(false, "", "", "", Optional.empty(), Optional.empty(), Optional.empty(), false,
                    List.of("no read"), millisSince(start));
        }
        Decoded d = decoded.get();
        Grades grades = grader.grade(d);
        List<String> reasons = new ArrayList<>();
        if (!grades.pass(minimum)) {
            reasons.add("grade " + grades.overall().letter() + " (" + grades.overall().value() + ") below minimum "
                    + minimum.letter() + " (" + minimum.value() + ")");
        }
        Optional<ElementString> gs1 = Content.elementString(d.data(), d.symbologyId());
        if (d.gs1() && gs1.isEmpty()) {
            reasons.add("GS1 symbology identifier " + d.symbologyId() + " but data is not an element string: '"
                    + Content.printable(d.data()) + "'");
        }
        gs1.ifPresent(e -> e.validate().forEach(p -> reasons.add("invalid GS1 data " + p.where() + ": " + p.message())));
        expect.flatMap(e -> e.mismatch(d.data(), d.symbologyId())).ifPresent(reasons::add);
        return new Verification(true, d.data(), Content.canonical(d.data(), d.symbologyId()), d.symbologyId(),
                Optional.of(d.symbology()), Optional.of(d.strategy()), Optional.of(grades), reasons.isEmpty(),
                reasons, millisSince(start));
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }
}
