-- A person's confirmation of a producer USCC whose check character fails (GB 32100: some early
-- codes were issued like that). Master data accepts such a code only with a row here; the
-- confirmation is also in the audit log.

CREATE TABLE uscc_confirmations (
    uscc         TEXT PRIMARY KEY,
    confirmed_by TEXT NOT NULL,
    confirmed_at INTEGER NOT NULL
);
