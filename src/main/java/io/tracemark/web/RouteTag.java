package io.tracemark.web;

import io.javalin.security.RouteRole;

/** What a route is besides the role it needs. */
enum RouteTag implements RouteRole {
    /** A screen calls it by itself (live view, images): it does not count as user activity. */
    PASSIVE,
    /** Open to a session that must choose a new PIN first (who am I, the PIN change, sign-out). */
    PIN_CHANGE
}
