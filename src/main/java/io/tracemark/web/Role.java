package io.tracemark.web;

import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;

/** What a signed-in user or an API token may do; each role includes everything of the roles below it. */
public enum Role implements RouteRole {
    /** Runs the line: start, pause, resume, stop, acknowledge alarms; sees everything. */
    OPERATOR,
    /** Approves exceptions: end batch, void a unit, re-run the challenge test. */
    SUPERVISOR,
    /** Manages users, API tokens and sees the configured devices. */
    ADMIN;

    /** Whether a holder of this role may do what {@code needed} allows. */
    public boolean covers(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** The lower-case name used in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code operator}, {@code SUPERVISOR}, ...; empty for anything else. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
