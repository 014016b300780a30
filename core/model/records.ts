/**
 * Records the store keeps beside annotations and sets: decisions on suggestions and the history of
 * every annotation change. Like the annotation schema, these are checked when a store loads, so a
 * record the server wrote can always be read back.
 */
import { z } from 'zod';

/** What a person did with a suggestion; removing the decision (undo) offers the suggestion again. */
export const Decision = z.object({
  suggestion: z.string().min(1),
  action: z.enum(['confirmed', 'dismissed']),
  at: z.string(),
  by: z.string(),
  /** The annotation a confirmation made. */
  annotation: z.string().optional(),
});
export type Decision = z.infer<typeof Decision>;

/** One field's value before and after a change; absent on the side where the field did not exist. */
export const FieldChange = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * What happened: `imported` marks an annotation brought in by an import, by whom and when; entries
 * before it came with the file (an export carries its history) and are only as true as that file.
 */
export const HISTORY_ACTIONS = ['created', 'updated', 'deleted', 'imported'] as const;

/** One change to an annotation, as an export carries it: no ids, the annotation is the one it sits on. */
export const HistoryItem = z
  .object({
    /** The revision the change produced; for a deletion, the revision that was deleted. */
    revision: z.number().int().min(1),
    action: z.enum(HISTORY_ACTIONS),
    at: z.string(),
    by: z.string(),
    changes: z.array(FieldChange),
  })
  .strict();
export type HistoryItem = z.infer<typeof HistoryItem>;

/** One change to an annotation, written in the same transaction as the change itself. */
export const HistoryEntry = z.object({
  ...HistoryItem.shape,
  id: z.string().min(1),
  annotation: z.string().min(1),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The largest revision a record may hold: one more must still be an exact integer in JSON. */
export const MAX_REVISION = Number.MAX_SAFE_INTEGER - 1;

/** How a revision of a source came in. */
export const SOURCE_ORIGINS = ['file', 'import', 'paste', 'upload', 'fetch'] as const;
export const RevisionOrigin = z.object({
  kind: z.enum(SOURCE_ORIGINS),
  /** The address fetched (fetch), or the URL given with the text. */
  url: z.string().optional(),
  fileName: z.string().optional(),
  /** When the page was fetched (ISO time). */
  fetchedAt: z.string().optional(),
  /** Who added it; absent for files read from the sources folder. */
  by: z.string().optional(),
});
export type RevisionOrigin = z.infer<typeof RevisionOrigin>;

/** Counts of targets on the source by what re-anchoring did with them when this revision came. */
export const ReanchorCounts = z.object({
  unchanged: z.number().int().min(0),
  moved: z.number().int().min(0),
  changed: z.number().int().min(0),
  orphaned: z.number().int().min(0),
});

/** One revision of a source. The text (and a page's raw HTML) are kept by hash beside the records. */
export const SourceRevision = z.object({
  source: z.string().min(1),
  revision: z.number().int().min(1),
  created: z.string(),
  /** sha-256 of the text, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  length: z.number().int().min(0),
  words: z.number().int().min(0),
  origin: RevisionOrigin,
  /** sha-256 of the raw HTML the text was extracted from, when there was a page. */
  html: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  reanchored: ReanchorCounts.optional(),
});
export type SourceRevision = z.infer<typeof SourceRevision>;

/** A source's metadata and the number of its current revision. */
export const SourceRecord = z.object({
  id: z.string().min(1),
  revision: z.number().int().min(1),
  title: z.string(),
  outlet: z.string(),
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  /** The metadata fields that were guessed rather than given. */
  guessed: z.array(z.string()),
  created: z.string(),
  modified: z.string(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;
