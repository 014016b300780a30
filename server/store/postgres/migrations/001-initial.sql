-- 001: the tables of the Store interface (server/store/store.ts).
--
-- Each record is kept whole in a `json` column, as the server wrote it: `json` keeps the text, so key
-- order and "\u0000" escapes in notes survive (`jsonb` reorders keys and refuses \u0000). The columns
-- that reads filter, group or order on sit beside the record and are written from it in the same
-- statement. Adding a table later is one migration like this one plus one table module.

CREATE TABLE annotations (
  id text PRIMARY KEY,
  revision bigint NOT NULL,
  set_name text NOT NULL,
  kind text NOT NULL,
  record json NOT NULL
);
CREATE INDEX annotations_by_set ON annotations (set_name);

-- One row per source an annotation has a target in (two targets in one source: one row), with its
-- set and kind copied, so lists by source and counts by source and kind read this table and the
-- primary key. Rewritten with its annotation; removed with it.
CREATE TABLE annotation_sources (
  source text NOT NULL,
  annotation text NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  set_name text NOT NULL,
  kind text NOT NULL,
  PRIMARY KEY (source, annotation)
);
CREATE INDEX annotation_sources_by_annotation ON annotation_sources (annotation);

-- `key` is the name without case or Unicode normal form (setKey in store.ts).
CREATE TABLE annotation_sets (
  key text PRIMARY KEY,
  name text NOT NULL,
  record json NOT NULL
);

CREATE TABLE decisions (
  suggestion text PRIMARY KEY,
  record json NOT NULL
);

-- `seq` gives "oldest first"; entries outlive the annotation they describe (no foreign key).
CREATE TABLE annotation_history (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  annotation text NOT NULL,
  record json NOT NULL
);
CREATE INDEX annotation_history_by_annotation ON annotation_history (annotation, seq);
