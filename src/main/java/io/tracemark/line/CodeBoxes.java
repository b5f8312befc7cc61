package io.tracemark.line;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.store.Database;
import java.awt.Rectangle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The code box (region of interest) of each scanner's camera, as a supervisor drew it on a live frame
 * ({@code scanner_code_boxes}); every change is audited in its own transaction.
 */
final class CodeBoxes {

    private final Database db;
    private final CodeLedger ledger;
    private final Clock clock;

    CodeBoxes(Database db, CodeLedger ledger, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.clock = clock;
    }

    Map<String, CodeBox> all() {
        return db.read(conn -> {
            Map<String, CodeBox> out = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT scanner, x, y, width, height, frame_width, "
                    + "frame_height, set_by, set_at FROM scanner_code_boxes ORDER BY scanner");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new CodeBox(new Rectangle(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5)), rs.getInt(6), rs.getInt(7), rs.getString(8),
                            java.time.Instant.ofEpochMilli(rs.getLong(9))));
                }
            }
            return out;
        });
    }

    Optional<CodeBox> of(String scanner) {
        return Optional.ofNullable(all().get(scanner));
    }

    /** Stores (or, with an empty box, removes) the scanner's code box and audits the change, at once. */
    Optional<CodeBox> save(String scanner, Optional<CodeBox> box, String actor) {
        Optional<CodeBox> stored = box.map(b -> new CodeBox(b.box(), b.frameWidth(), b.frameHeight(), actor,
                clock.instant()));
        db.inTransaction(conn -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM scanner_code_boxes WHERE scanner = ?")) {
                del.setString(1, scanner);
                del.executeUpdate();
            }
            if (stored.isPresent()) {
                CodeBox b = stored.get();
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO scanner_code_boxes(scanner, x, y, width, "
                        + "height, frame_width, frame_height, set_by, set_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, scanner);
                    ps.setInt(2, b.box().x);
                    ps.setInt(3, b.box().y);
                    ps.setInt(4, b.box().width);
                    ps.setInt(5, b.box().height);
                    ps.setInt(6, b.frameWidth());
                    ps.setInt(7, b.frameHeight());
                    ps.setString(8, actor);
                    ps.setLong(9, b.setAt().toEpochMilli());
                    ps.executeUpdate();
                }
            }
            ledger.audit().record(conn, actor, "scanner.codeBox", stored.map(b -> scanner + ": x=" + b.box().x + " y="
                    + b.box().y + " w=" + b.box().width + " h=" + b.box().height + " on a " + b.frameWidth() + "×"
                    + b.frameHeight() + " frame").orElse(scanner + ": code box removed, whole frame searched"));
            return null;
        });
        return stored;
    }
}
