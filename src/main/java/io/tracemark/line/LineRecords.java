package io.tracemark.line;

import io.tracemark.store.Database;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** The reject log (from the ledger) and the images kept for it: rejected units' frames, the last frame. */
final class LineRecords {

    private static final int KEEP_IMAGES = 200;

    private final Database db;
    private final Map<Long, BufferedImage> rejectImages = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BufferedImage> eldest) {
            return size() > KEEP_IMAGES;
        }
    };
    private volatile BufferedImage lastFrame;

    LineRecords(Database db) {
        this.db = db;
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

    Optional<byte[]> lastFrameImage() {
        return Optional.ofNullable(lastFrame).map(LineRecords::png);
    }

    List<RejectRecord> rejects(RejectFilter f) {
        int limit = Math.max(1, Math.min(1000, f.limit()));
        StringBuilder sql = new StringBuilder("SELECT u.id, u.job_id, c.code, u.reason, u.grade, u.verdict_at "
                + "FROM units u JOIN codes c ON c.id = u.code_id WHERE u.state = 'REJECTED'");
        List<Object> args = new ArrayList<>();
        if (f.jobId() != null) {
            sql.append(" AND u.job_id = ?");
            args.add(f.jobId());
        }
        if (f.reason() != null) {
            sql.append(" AND u.reason = ?");
            args.add(f.reason());
        }
        if (f.codeContains() != null) {
            sql.append(" AND instr(c.code, ?) > 0");
            args.add(f.codeContains());
        }
        sql.append(" ORDER BY u.verdict_at DESC, u.id DESC LIMIT ").append(limit);
        List<RejectRecord> rows = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<RejectRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RejectRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5) == null ? "" : rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), false));
                    }
                }
                return out;
            }
        });
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
