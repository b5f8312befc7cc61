package io.tracemark.line;

import io.tracemark.core.TraceLevel;
import io.tracemark.verify.Content;
import io.tracemark.verify.Grade;
import io.tracemark.verify.Grades;
import io.tracemark.verify.ReadResult;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The verdict on one camera result for the unit it was paired with: verified, or rejected with
 * reason no-read | wrong-code | duplicate | low-grade | missing-label. Pure: no I/O.
 *
 * @param reason empty when verified
 * @param grade  the overall grade letter, empty when nothing was read
 * @param read   what was read (printable), empty when nothing was read
 * @param foundAt where the decoder found the code in {@code image}, when it says
 */
record Judgement(boolean verified, String reason, String grade, String read, Optional<BufferedImage> image,
                 Optional<Rectangle> foundAt) {

    Judgement(boolean verified, String reason, String grade, String read, Optional<BufferedImage> image) {
        this(verified, reason, grade, read, image, Optional.empty());
    }

    static final String NO_READ = "no-read";
    static final String WRONG_CODE = "wrong-code";
    static final String DUPLICATE = "duplicate";
    static final String LOW_GRADE = "low-grade";
    static final String MISSING_LABEL = "missing-label";

    /** The reason a scanner gives in a {@link ReadResult.NoRead} when it saw no label at all. */
    static final String NO_LABEL = "no label";

    /**
     * @param otherUnit whether a canonical content is that of another unit of the job (a duplicate)
     * @param inLedger  whether a content is a code the ledger holds (a code printed elsewhere)
     */
    static Judgement of(PendingUnit unit, ReadResult result, Grade minimum, TraceLevel level,
                        Predicate<String> otherUnit, Predicate<String> inLedger) {
        if (result instanceof ReadResult.NoRead noRead) {
            String reason = NO_LABEL.equals(noRead.reason()) ? MISSING_LABEL : NO_READ;
            return new Judgement(false, reason, "", "", noRead.image());
        }
        if (result instanceof ReadResult.BadRead bad) {
            return new Judgement(false, NO_READ, "", bad.raw(), Optional.empty());
        }
        ReadResult.Read read = (ReadResult.Read) result;
        String grade = read.grades().map(Grades::overall).map(Grade::letter).orElse("");
        String printable = Content.printable(read.data());
        Optional<String> mismatch = unit.expectation.mismatch(read.data(), read.symbologyId());
        if (mismatch.isPresent()) {
            String canonical = Content.canonical(read.data(), read.symbologyId());
            boolean duplicate = !level.sharesCodeAcrossUnits() && otherUnit.test(canonical)
                    || inLedger.test(canonical) || inLedger.test(read.data());
            return new Judgement(false, duplicate ? DUPLICATE : WRONG_CODE, grade, printable, read.image(), read.foundAt());
        }
        if (read.grades().isPresent() && !read.grades().get().pass(minimum)) {
            return new Judgement(false, LOW_GRADE, grade, printable, read.image(), read.foundAt());
        }
        return new Judgement(true, "", grade, printable, read.image(), read.foundAt());
    }

    /** A printed unit whose camera result never came. */
    static Judgement timedOut() {
        return new Judgement(false, MISSING_LABEL, "", "", Optional.empty());
    }
}
