package io.tracemark.line;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.RejectedUnit;
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
    private final Map<Long, BufferedImage> rejectImages = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BufferedImage> eldest) {
            return size() > KEEP_IMAGES;
        }
    };
    private volatile BufferedImage lastFrame;
    /** The units the live view shows, each with its own frame and label. */
    final LiveView live = new LiveView();

    LineRecords(CodeLedger ledger) {
        this.ledger = ledger;
    }

    synchronized void keepRejectImage(long unitId, BufferedImage image) {
        rejectImages.put(unitId, image);
    }

    void lastFrame(BufferedImage image) {
        lastFrame = image;
    }

    synchronized Optional<byte[]> rejectImage(long unitId) {
        return Optional.ofNullable(rejectImages.get(unitId)).map(LineRecords::png);
    }

    Optional<BufferedImage> lastFrameBuffered() {
        return Optional.ofNullable(lastFrame);
    }

    Optional<byte[]> lastFrameImage() {
        return Optional.ofNullable(lastFrame).map(LineRecords::png);
    }

    List<RejectRecord> rejects(RejectFilter f) {
        List<RejectedUnit> rows = ledger.rejected(f.jobId(), f.reason(), f.codeContains(), f.limit());
        synchronized (this) {
            return rows.stream().map(r -> new RejectRecord(r.unitId(), r.jobId(), r.code(), r.reason(), r.grade(), r.at(),
                    rejectImages.containsKey(r.unitId()))).toList();
        }
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
