package io.tracemark.line;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.RejectCursor;
import io.tracemark.ledger.RejectedUnit;
import io.tracemark.verify.Grades;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** The reject log (from the ledger) and the images kept for it: rejected units' frames, the last frame. */
final class LineRecords {

    private static final int KEEP_IMAGES = 200;

    private final CodeLedger ledger;
    /** What the camera and the grader gave for a reject: kept for the most recent rejects only. */
    private record Evidence(Optional<BufferedImage> image, List<GradeParameter> parameters) {
    }

    private final Map<Long, Evidence> rejectEvidence = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Evidence> eldest) {
            return size() > KEEP_IMAGES;
        }
    };
    private volatile BufferedImage lastFrame;
    /** The units the live view shows, each with its own frame and label. */
    final LiveView live = new LiveView();

    LineRecords(CodeLedger ledger) {
        this.ledger = ledger;
    }

    synchronized void keepRejectEvidence(long unitId, Optional<BufferedImage> image, Optional<Grades> grades) {
        List<GradeParameter> parameters = grades.map(GradeParameter::of).orElse(List.of());
        if (image.isPresent() || !parameters.isEmpty()) {
            rejectEvidence.put(unitId, new Evidence(image, parameters));
        }
    }

    void lastFrame(BufferedImage image) {
        lastFrame = image;
    }

    synchronized Optional<byte[]> rejectImage(long unitId) {
        return Optional.ofNullable(rejectEvidence.get(unitId)).flatMap(Evidence::image).map(LineRecords::png);
    }

    Optional<BufferedImage> lastFrameBuffered() {
        return Optional.ofNullable(lastFrame);
    }

    Optional<byte[]> lastFrameImage() {
        return Optional.ofNullable(lastFrame).map(LineRecords::png);
    }

    RejectPage rejects(RejectFilter f) {
        // one more row than the page tells whether another page follows
        List<RejectedUnit> rows = ledger.rejected(f.query(), f.after(), f.limit() + 1);
        boolean more = rows.size() > f.limit();
        List<RejectedUnit> page = more ? rows.subList(0, f.limit()) : rows;
        long total = ledger.rejectedCount(f.query());
        Map<String, Long> reasons = ledger.rejectedByReason(f.query().anyReasonOrCode());
        List<RejectRecord> records;
        synchronized (this) {
            records = page.stream().map(this::toRecord).toList();
        }
        return new RejectPage(records, total, reasons, more ? RejectCursor.after(page.get(page.size() - 1)) : null);
    }

    private RejectRecord toRecord(RejectedUnit r) {
        Evidence e = rejectEvidence.get(r.unitId());
        return new RejectRecord(r.unitId(), r.jobId(), r.code(), r.reason(), r.grade(), r.at(),
                e != null && e.image().isPresent(), e == null ? List.of() : e.parameters());
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
    }
}
