package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while shipments are dispatched and closed: no half-recorded shipment, no unit shipped twice. */
class DispatchCrashTest {

    @TempDir
    Path dir;

    @Test
    void dispatchKilledMidWayLeavesEveryShipmentWholeOrOpen() throws Exception {
        Path data = dir.resolve("data");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                DispatchCrashChild.class.getName(), data.toString()).redirectError(dir.resolve("child.err").toFile()).start();
        long shipped = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; shipped < 15 && (line = out.readLine()) != null; ) {
                if (line.startsWith("shipped ")) {
                    shipped = Long.parseLong(line.substring(8));
                }
            }
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(shipped >= 15, "the child stopped early, see " + dir.resolve("child.err"));

        try (Database db = Database.open(data)) {
            assertTrue(db.count("SELECT count(*) FROM shipments WHERE state = 'CLOSED'") >= shipped);
            assertEquals(0, db.count("SELECT count(*) FROM shipments s WHERE s.state = 'CLOSED' AND (SELECT count(*) "
                    + "FROM shipped_units x WHERE x.shipment_id = s.id) <> 8"), "every closed shipment has its 8 units");
            assertEquals(0, db.count("SELECT count(*) FROM shipped_units x JOIN shipments s ON s.id = x.shipment_id "
                    + "WHERE s.state = 'OPEN'"), "an open shipment has shipped nothing");
            assertEquals(db.count("SELECT count(*) FROM shipped_units"),
                    db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.shipped'"), "every shipped unit has its event");
            assertEquals(0, db.count("SELECT count(*) FROM parents p JOIN shipment_items i ON i.parent_id = p.id "
                    + "JOIN shipments s ON s.id = i.shipment_id WHERE (s.state = 'CLOSED') <> (p.state = 'SHIPPED')"),
                    "a case is SHIPPED exactly when its shipment closed");
            assertEquals(0, db.count("SELECT count(*) FROM parents WHERE state = 'SHIPPED' AND id NOT IN "
                    + "(SELECT parent_id FROM shipment_items WHERE parent_id IS NOT NULL)"));
            assertTrue(new io.tracemark.store.AuditLog(db).verify().intact());
        }
    }
}
