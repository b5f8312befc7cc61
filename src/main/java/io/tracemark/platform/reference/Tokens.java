package io.tracemark.platform.reference;

import io.javalin.http.Context;

/** Reads a bearer token from the Authorization header. */
public final class Tokens {

    private Tokens() {
    }

    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
