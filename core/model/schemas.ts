/**
 * Zod schemas for everything that crosses the HTTP edge, and the types derived from them. The server
 * validates request bodies with these; the client imports the same types, so both sides agree on shape.
 */
import { z } from 'zod';
import type { SourceRange } from '../text/text-range';
import { KINDS, LINKING_KINDS, VERDICTS } from './vocabulary';

/** Source ids are slugs: lower-case letters, digits and dashes. */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,80}$/;
export const SourceId = z.string().regex(SOURCE_ID_PATTERN, 'must be a slug: a-z, 0-9 and "-", up to 81 characters');

/** Set names: short, printable, no leading/trailing space. */
export const SetName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M} _.-]*$/u, 'must start with a letter or digit and use only letters, digits, space, "_", "." and "-"')
  .refine((s) => s === s.trim(), 'must not end with a space');

const Offset = z.number().int().min(0);

/**
 * An absolute http:// or https:// URL: what a source's address and a claim's evidence may be. Other
 * schemes (javascript:, data:, file:) would turn into something other than a link where shown.
 */
export const HttpUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(isHttpUrl, 'must be an absolute http:// or https:// URL');

/** Whether `value` parses as an absolute URL with the http or https scheme. */
export function isHttpUrl(value: string): boolean {
  let url: { protocol: string; hostname: string };
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
const Tag = z.string().trim().min(1).max(64);
const MAX_NOTE = 20_000;

export const KindSchema = z.enum(KINDS);
export const VerdictSchema = z.enum(VERDICTS);

/** A target as the client sends it: the server fills prefix and suffix. */
export const TargetInput = z
  .object({
    source: SourceId,
    start: Offset,
    end: Offset,
    exact: z.string().min(1).max(100_000),
  })
  .strict()
  .refine((t) => t.end > t.start, { message: 'end must be greater than start', path: ['end'] });
export type TargetInput = z.infer<typeof TargetInput>;

/** A stored target. `orphaned` marks one that could not be re-anchored after its source changed. */
export const Target = z.object({
  source: SourceId,
  start: Offset,
  end: Offset,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  orphaned: z.boolean().optional(),
  changedFrom: z.object({ exact: z.string(), revision: z.number().int().min(1).optional() }).optional(),
  revision: z.number().int().min(1).optional(),
});
export type Target = z.infer<typeof Target>;

/** Claim details as a request gives them: evidence items are links. */
export const ClaimInfo = z
  .object({
    claimant: z.string().trim().max(200).default(''),
    verdict: VerdictSchema.default('unverified'),
    evidence: z.array(HttpUrl).max(50).default([]),
  })
  .strict();
export type ClaimInfo = z.infer<typeof ClaimInfo>;

/**
 * Claim details as stored: records written before evidence had to be a link may hold text there, and
 * must still load (the client links only http(s) items).
 */
export const StoredClaimInfo = z
  .object({
    claimant: z.string(),
    verdict: VerdictSchema,
    evidence: z.array(z.string()),
  })
  .strict();

export const Annotation = z.object({
  id: z.string(),
  revision: z.number().int().min(1),
  created: z.string(),
  modified: z.string(),
  creator: z.string(),
  /** Who made the latest revision (the creator for revision 1); absent on records from before it was kept. */
  modifiedBy: z.string().optional(),
  set: z.string(),
  kind: KindSchema,
  targets: z.array(Target).min(1),
  tags: z.array(z.string()),
  note: z.string(),
  claim: StoredClaimInfo.optional(),
});
export type Annotation = z.infer<typeof Annotation>;

function checkKindShape(
  a: { kind?: z.infer<typeof KindSchema>; targets?: unknown[]; claim?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (a.kind && a.targets && LINKING_KINDS.includes(a.kind) && a.targets.length < 2) {
    ctx.addIssue({ code: 'custom', message: `a ${a.kind} links at least two passages`, path: ['targets'] });
  }
  if (a.kind && a.kind !== 'claim' && a.claim !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'only a claim carries claim details', path: ['claim'] });
  }
}

export const CreateAnnotation = z
  .object({
    set: SetName.default('default'),
    kind: KindSchema,
    targets: z.array(TargetInput).min(1).max(50),
    tags: z.array(Tag).max(50).default([]),
    note: z.string().max(MAX_NOTE).default(''),
    claim: ClaimInfo.optional(),
    // No `creator`: it is the signed-in identity, never something a request may claim (a body
    // naming one is refused as an unknown field).
  })
  .strict()
  .superRefine(checkKindShape);
export type CreateAnnotation = z.input<typeof CreateAnnotation>;

export const PatchAnnotation = z
  .object({
    revision: z.number().int().min(1),
    set: SetName.optional(),
    targets: z.array(TargetInput).min(1).max(50).optional(),
    tags: z.array(Tag).max(50).optional(),
    note: z.string().max(MAX_NOTE).optional(),
    claim: ClaimInfo.optional(),
  })
  .strict();
export type PatchAnnotation = z.input<typeof PatchAnnotation>;

export const AnnotationSet = z.object({
  name: SetName,
  description: z.string(),
  created: z.string(),
});
export type AnnotationSet = z.infer<typeof AnnotationSet>;

export const CreateSet = z
  .object({ name: SetName, description: z.string().max(2000).default('') })
  .strict();
export type CreateSet = z.input<typeof CreateSet>;

/** Source metadata; `guessed` names the fields found by heuristics rather than a sidecar file. */
export const SourceMeta = z.object({
  id: SourceId,
  title: z.string(),
  outlet: z.string(),
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  guessed: z.array(z.string()),
  length: z.number().int(),
  /** sha-256 of the text: a changed hash means a new revision of the source. */
  hash: z.string(),
  /** The number of the revision this text is (1 for the first). */
  revision: z.number().int().min(1).optional(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;
export type Source = SourceMeta & { text: string };

/** Metadata a person may give with a new source; what is not given is found in the page or guessed. */
const GivenSourceFields = {
  title: z.string().trim().min(1).max(500).optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  author: z.string().trim().max(200).optional(),
  published: z.string().date().optional(),
  url: HttpUrl.optional(),
};

/**
 * `POST /api/sources`: a text, an HTML page or a file (`.txt`, `.md`, `.html`, base64), with metadata.
 * With an `id` that exists the text is a new revision of that source; without one a new source gets
 * an id made from the file name or the title.
 */
export const AddSource = z
  .object({
    id: SourceId.optional(),
    text: z.string().min(1).max(2_000_000).optional(),
    html: z.string().min(1).max(5 * 1024 * 1024).optional(),
    file: z.object({ name: z.string().trim().min(1).max(255), base64: z.string().min(1).max(7_200_000) }).strict().optional(),
    ...GivenSourceFields,
  })
  .strict()
  .refine((b) => [b.text, b.html, b.file].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of "text", "html" or "file"',
  });
export type AddSource = z.input<typeof AddSource>;

/**
 * The answer of `POST /api/sources/preview`: what `POST /api/sources` would make of the same body,
 * stored nowhere. `guessed` names the fields found by heuristics (the form marks them); `excerpt` is
 * the start of the text as it would be stored.
 */
export interface SourcePreview {
  id: string;
  title: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
  guessed: string[];
  words: number;
  excerpt: string;
}

/** `POST /api/sources/fetch`: a web page to fetch and add. */
export const FetchSource = z
  .object({ ...GivenSourceFields, url: HttpUrl, id: SourceId.optional() })
  .strict();
export type FetchSource = z.input<typeof FetchSource>;

/** The body of the original `POST /api/sources`: an id and a text (still accepted, as AddSource). */
export const ImportSource = z
  .object({ id: SourceId, text: z.string().min(1).max(2_000_000), ...GivenSourceFields })
  .strict();
export type ImportSource = z.input<typeof ImportSource>;

/** One side of an aligned reuse passage: a range of a source's raw text. */
export type ReuseSpan = SourceRange;

/** Aligned reuse between two sources. */
export interface ReusePassage {
  a: ReuseSpan;
  b: ReuseSpan;
  /** Words matched between the two sides. */
  words: number;
  /** 2 × matched words / (words of side a + words of side b), to 3 decimals; 1 only for word-for-word copies. */
  similarity: number;
  boilerplate: boolean;
}

/** The error body of every failed API call. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}
