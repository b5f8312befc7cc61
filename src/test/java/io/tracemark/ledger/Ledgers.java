package io.tracemark.ledger;

import io.tracemark.core.CodeState;
import io.tracemark.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small test fixtures: generated codes and a snapshot of everything the ledger holds. */
final class Ledgers {

    static final String ACTOR = "tester";

    /** Accepts codes of the form PREFIX + digits, like a platform-issued opaque code would be checked. */
    static final CodeValidator TM_CODES = code -> code.matches("TM[0-9]{6}")
            ? Optional.empty() : Optional.of("not a TM code (TM and 6 digits)");

    private Ledgers() {
    }

    static List<String> codes(int from, int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            codes.add(String.format("TM%06d", i));
        }
        return codes;
    }

    static void importCodes(CodeLedger ledger, int from, int count) {
        ledger.importCodes(codes(from, count), "test range " + from, "tm", TM_CODES, ACTOR);
    }

    /** Row counts and code states: equal snapshots before and after mean nothing changed. */
    static String snapshot(Database db) {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("code_packages", "codes", "jobs", "units", "transitions", "audit_log", "outbox")) {
            s.append(table).append('=').append(db.count("SELECT count(*) FROM " + table)).append(' ');
        }
        for (CodeState state : CodeState.values()) {
            s.append(state).append('=').append(db.count("SELECT count(*) FROM codes WHERE state = ?", state.name())).append(' ');
            s.append("units.").append(state).append('=')
                    .append(db.count("SELECT count(*) FROM units WHERE state = ?", state.name())).append(' ');
        }
        s.append("jobs.ended=").append(db.count("SELECT count(*) FROM jobs WHERE state = 'ENDED'"));
        return s.toString();
    }

    /**
     * Codes whose state differs from the target of their last recorded transition (item-level
     * codes that moved at least once): must be none, since every change is written with its row.
     */
    static long codesDisagreeingWithHistory(Database db) {
        // the last transition of every code in one pass (no index by code: the ledger never asks for one)
        return db.count("SELECT count(*) FROM codes c JOIN (SELECT code_id, max(id) AS last FROM transitions "
                + "GROUP BY code_id) m ON m.code_id = c.id JOIN transitions t ON t.id = m.last "
                + "WHERE c.state <> t.to_state AND (c.job_id IS NULL OR c.job_id IN "
                + "(SELECT id FROM jobs WHERE trace_level IN ('ITEM', 'COMBINED')))");
    }

    /** Units whose state differs from the target of their last recorded transition: must be none. */
    static long unitsDisagreeingWithHistory(Database db) {
        return db.count("SELECT count(*) FROM units u LEFT JOIN (SELECT unit_id, max(id) AS last FROM transitions "
                + "WHERE unit_id IS NOT NULL GROUP BY unit_id) m ON m.unit_id = u.id LEFT JOIN transitions t ON t.id = m.last "
                + "WHERE t.id IS NULL OR u.state <> t.to_state");
    }

    /** Starts {@code main} in a child JVM on the test class path with {@code data} as its argument, stderr to {@code err}. */
    static Process startChild(Class<?> main, java.nio.file.Path data, java.nio.file.Path err) throws java.io.IOException {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), main.getName(), data.toString())
                .redirectError(err.toFile())
                .start();
    }
}
