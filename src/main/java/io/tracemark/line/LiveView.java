package io.tracemark.line;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The units the live view may show, the last few judged (challenge labels included) with the frame
 * judged for each and the labels to draw each one's label from. Written on the line's thread, read by
 * the panel's; a request for a unit the view has moved past still gets that unit's own pictures while
 * it is among the last {@value #KEEP}; the last challenge label is kept whatever came after.
 */
final class LiveView {

    static final int KEEP = 8;

    private record Shown(LiveUnit unit, BufferedImage frame, JobLabels labels) {
    }

    private final Map<Long, Shown> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Shown> eldest) {
            return size() > KEEP;
        }
    };
    private volatile LiveUnit last;
    /** The last challenge label, kept whatever came after it: its proof is looked at later. */
    private volatile Shown lastChallenge;

    /** A unit was judged (or a challenge label rejected or accepted); {@code labels} draws its label. */
    void show(UnitVerdict verdict, Judgement judgement, boolean challenge, String jobId, JobLabels labels) {
        BufferedImage frame = judgement.image().orElse(null);
        LiveUnit unit = new LiveUnit(verdict.unitId(), verdict.seq(), verdict.code(), challenge, verdict.verified(),
                verdict.reason(), verdict.grade(), judgement.read(), verdict.at(), jobId, frame != null,
                frame == null ? Optional.empty() : judgement.foundAt(),
                frame == null ? 0 : frame.getWidth(), frame == null ? 0 : frame.getHeight());
        Shown shown = new Shown(unit, frame, labels);
        synchronized (recent) {
            recent.put(unit.unitId(), shown);
        }
        if (challenge) {
            lastChallenge = shown;
        }
        last = unit;
    }

    Optional<LiveUnit> last() {
        return Optional.ofNullable(last);
    }

    Optional<BufferedImage> frame(long unitId) {
        return shown(unitId).map(Shown::frame);
    }

    /** The unit's label drawn from the station's ZPL for its code, as PNG; empty when it cannot be drawn. */
    Optional<byte[]> label(long unitId) {
        return shown(unitId).flatMap(s -> s.labels() == null ? Optional.empty() : s.labels().preview(s.unit().code()));
    }

    Optional<LiveUnit> unit(long unitId) {
        return shown(unitId).map(Shown::unit);
    }

    private Optional<Shown> shown(long unitId) {
        Shown challenge = lastChallenge;
        if (challenge != null && challenge.unit().unitId() == unitId) {
            return Optional.of(challenge);
        }
        synchronized (recent) {
            return Optional.ofNullable(recent.get(unitId));
        }
    }
}
