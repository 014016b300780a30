-- 002: the tables the Store interface gained with source revisions and accounts: sources and every
-- revision of each, the texts and pages they keep (blobs), users and their browser sessions.

CREATE TABLE sources (
  id text PRIMARY KEY,
  record json NOT NULL
);

-- `key` is "<source>@<revision>" (revisionKey in store.ts), so a revision number is taken once.
CREATE TABLE source_revisions (
  key text PRIMARY KEY,
  source text NOT NULL,
  revision integer NOT NULL,
  record json NOT NULL
);
CREATE INDEX source_revisions_by_source ON source_revisions (source, revision);

-- Texts and pages under their sha-256 (of the UTF-8 bytes), written before any record refers to
-- them. bytea, not text: a text column cannot hold U+0000, which an article may contain.
CREATE TABLE blobs (
  kind text NOT NULL,
  hash text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (kind, hash)
);

-- `key` is the name without case or Unicode normal form (userKey).
CREATE TABLE users (
  key text PRIMARY KEY,
  record json NOT NULL
);

-- `id` is the hash of the session's secret; `user_key` the user's key.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_key text NOT NULL,
  record json NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_key);
