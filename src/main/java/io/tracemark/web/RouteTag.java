package io.tracemark.web;

import io.javalin.security.RouteRole;

/** Marks routes that a screen calls by itself (live view, images): they do not count as user activity. */
enum RouteTag implements RouteRole {
    PASSIVE
}
