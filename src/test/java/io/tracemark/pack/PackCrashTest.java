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

/** kill -9 while two packers race for the same units: no unit in two cases, every link journalled, the books balanced. */
class PackCrashTest {

    @TempDir
    Path dir;

    @Test
    void packingKilledMidWayLeavesNoChildInTwoParentsAndEveryLinkJournalled() throws Exception {
        Path data = dir.resolve("data");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                PackCrashChild.class.getName(), data.toString()).redirectError(dir.resolve("child.err").toFile()).start();
        long seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; seen < 300 && (line = out.readLine()) != null; ) {
                if (line.startsWith("packed ")) {
                    seen = Long.parseLong(line.substring(7));
                }
            }
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(seen >= 300, "the child stopped early, see " + dir.resolve("child.err"));

        try (Database db = Database.open(data)) {
            Aggregation packs = new Aggregation(db);
            PackAccounting books = packs.accounting("J1");
            assertTrue(books.balanced(), books.toString());
            assertTrue(books.packed() + db.count("SELECT count(*) FROM pack_events WHERE action = 'UNLINK'") >= seen,
                    "every link the child reported is on disk: " + books + ", child saw " + seen);
            assertEquals(0, db.count("SELECT count(*) FROM (SELECT unit_id FROM pack_events WHERE action IN ('LINK', 'UNLINK') "
                    + "GROUP BY unit_id HAVING sum(action = 'LINK') - sum(action = 'UNLINK') NOT IN (0, 1))"),
                    "per unit, links minus unlinks is 0 or 1: never in two cases");
            assertEquals(0, db.count("SELECT count(*) FROM pack_links l WHERE (SELECT e.parent_id FROM pack_events e "
                    + "WHERE e.unit_id = l.unit_id AND e.action = 'LINK' ORDER BY e.id DESC LIMIT 1) <> l.parent_id"),
                    "every unit's case is the one its last journalled link names");
            assertEquals(0, db.count("SELECT count(*) FROM parents p WHERE p.kind = 'CASE' AND p.capacity < "
                    + "(SELECT count(*) FROM pack_links l WHERE l.parent_id = p.id)"), "no case over capacity");
            assertEquals(0, db.count("SELECT count(*) FROM parents p WHERE p.kind = 'PALLET' AND p.capacity < "
                    + "(SELECT count(*) FROM parents c WHERE c.pallet_id = p.id)"), "no pallet over capacity");
            assertEquals(0, db.count("SELECT count(*) FROM parents c WHERE c.pallet_id IS NOT NULL AND c.state = 'OPEN' "
                    + "AND NOT EXISTS (SELECT 1 FROM pack_events e WHERE e.parent_id = c.id AND e.action = 'REOPEN')"),
                    "only closed cases went onto pallets");
            assertTrue(new io.tracemark.store.AuditLog(db).verify().intact());
        }
    }
}
