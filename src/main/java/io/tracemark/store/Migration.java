package io.tracemark.store;

import java.util.List;
import java.util.Objects;

/**
 * One step of the schema: the SQL statements that bring the database from {@code version - 1} to
 * {@code version}. Migrations are applied in order, each in its own transaction, and never edited
 * once released: a schema change is a new migration.
 *
 * @param version     1, 2, 3, ... without gaps
 * @param name        where it came from (a resource name), for messages
 * @param statements  the SQL statements, in order
 */
public record Migration(int version, String name, List<String> statements) {

    public Migration {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
        if (version < 1) {
            throw new IllegalArgumentException("migration " + name + ": version must be >= 1, was " + version);
        }
    }
}
