package io.tracemark.web;

/**
 * Who is calling: a signed-in user (cookie session) or another system (API token).
 *
 * @param id        user id, or the token id for an API token
 * @param name      display name
 * @param sessionId the session id for a cookie session, null for a token
 */
public record Principal(String id, String name, Role role, boolean viaToken, String sessionId) {

    /** How the audit log and the line name this caller. */
    public String actor() {
        return viaToken ? "token:" + name : id;
    }
}
