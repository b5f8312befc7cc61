package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migrations shipped with the program: SQL resources {@code io/tracemark/store/migrations/V1.sql},
 * {@code V2.sql}, ... read in order until the first missing number. Adding a schema change means
 * adding the next file; nothing else is registered anywhere.
 *
 * <p>Statements end with {@code ;} at the end of a line; {@code --} comment lines are dropped; a
 * trigger body ({@code ... BEGIN} up to {@code END;}) stays one statement.
 */
public final class Migrations {

    static final String FOLDER = "/io/tracemark/store/migrations/";

    private Migrations() {
    }

    /** Every migration found on the class path, in version order. */
    public static List<Migration> shipped() {
        List<Migration> all = new ArrayList<>();
        for (int version = 1; ; version++) {
            String name = FOLDER + "V" + version + ".sql";
            try (InputStream in = Migrations.class.getResourceAsStream(name)) {
                if (in == null) {
                    return List.copyOf(all);
                }
                all.add(new Migration(version, name, split(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new StorageException("cannot read migration " + name, e);
            }
        }
    }

    /** Splits a SQL script into statements (see the class comment for the rules). */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String raw : script.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            current.append(raw).append('\n');
            String upper = line.toUpperCase(Locale.ROOT);
            if (!inBody && upper.endsWith("BEGIN")) {
                inBody = true;
            } else if (inBody ? upper.equals("END;") : line.endsWith(";")) {
                inBody = false;
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
