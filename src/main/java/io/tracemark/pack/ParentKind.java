package io.tracemark.pack;

/** What a parent holds: a case holds units, a pallet holds cases. */
public enum ParentKind {
    CASE,
    PALLET
}
