-- V3: people who sign in at the touch panel (PIN hashed with PBKDF2) and API tokens for other
-- systems (only the SHA-256 of the secret is kept). Written by io.tracemark.web.SqliteUserStore.

CREATE TABLE users (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('OPERATOR', 'SUPERVISOR', 'ADMIN')),
    enabled    INTEGER NOT NULL DEFAULT 1,
    pin_hash   TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id          TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('OPERATOR', 'SUPERVISOR', 'ADMIN')),
    secret_hash TEXT    NOT NULL UNIQUE,
    revoked     INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);
