/**
 * Typed wrapper over the Collate HTTP API (the routes the README lists). Every function
 * resolves with the payload of a successful answer and rejects with an ApiError otherwise.
 */
import type {
  Annotation,
  AnnotationSet,
  CreateAnnotation,
  CreateSet,
  Decision,
  Kind,
  PatchAnnotation,
  ReusePassage,
  Source,
  SourceMeta,
} from '../../core/model';
import type { AnnotationFilter } from '../../core/annotations/annotation-filter';
import type { Vocabulary } from '../../core/annotations/vocabulary';
import type { Copy } from '../../core/carry/copies';
import type { InconsistencySuggestion, Suggestion, SuggestionCategory } from '../../core/inconsistency/types';
import { ApiError } from './api-error';
import { reportUnauthenticated, retryAfterSeconds } from './session-signal';

/**
 * A source listed on the home page, with its annotation counts by kind, its open suggestions, and
 * whether it `changed` since annotated (an annotation points at an older revision, or was re-attached
 * or orphaned by one).
 */
export type SourceSummary = SourceMeta & { counts: Record<Kind, number>; suggestions?: number; changed?: boolean };
/** An annotation set with the number of annotations in it. */
export type SetSummary = AnnotationSet & { count: number };
/** Another copy of an annotated passage, found through duplicate coverage. */
export type PassageCopy = Copy;
/** How an annotation is carried to the copies of its passage: one per copy, or one reuse record. */
export type CarryMode = 'copy' | 'reuse';
export type { InconsistencySuggestion, Suggestion, SuggestionCategory, Vocabulary };
/** A suggestion as GET /api/suggestions lists it: with the decision taken on it, when there is one. */
export type ListedSuggestion = Suggestion & { decision?: Decision };
/** Which suggestions to list: not decided yet (the default), dismissed, or accepted. */
export type SuggestionStatus = 'open' | 'dismissed' | 'confirmed';

const BASE = '/api';

/** One API call: the parsed answer, or an ApiError (also for network failures and unreadable answers). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', `Could not reach the server (${err instanceof Error ? err.message : String(err)})`);
  }
  if (res.status === 204) return undefined as T;
  const raw = await res.text();
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (res.status === 401) reportUnauthenticated(path);
    throw new ApiError(res.status, error?.code ?? 'http_' + res.status, error?.message ?? `${res.status} ${res.statusText}`, error?.details, retryAfterSeconds(res.headers.get('Retry-After')));
  }
  if (parsed === undefined) throw new ApiError(res.status, 'bad_response', 'The server sent an unreadable answer');
  return parsed as T;
}

/** A query string (with its `?`) of the parameters given; empty ones are left out. */
export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/** GET /api/sources: every source with annotation counts (limited to `set` when given). */
export async function listSources(set?: string): Promise<SourceSummary[]> {
  return (await request<{ sources: SourceSummary[] }>('GET', '/sources' + query({ set }))).sources;
}

/** GET /api/sources/:id: metadata and raw text. */
export async function getSource(id: string): Promise<Source> {
  return (await request<{ source: Source }>('GET', `/sources/${encodeURIComponent(id)}`)).source;
}

/** GET /api/annotations: the annotations passing `filter` (the query's rule), in text order (by source, then position). */
export async function listAnnotations(filter: AnnotationFilter = {}): Promise<Annotation[]> {
  return (await request<{ annotations: Annotation[] }>('GET', '/annotations' + query({ ...filter }))).annotations;
}

/** GET /api/vocabulary: the tags and claimants in use, most used first (what autocomplete offers). */
export async function getVocabulary(): Promise<Vocabulary> {
  return request<Vocabulary>('GET', '/vocabulary');
}

/** POST /api/tags/rename: rename tag `from` (any case) to `to` on every annotation, merging into `to` where present. */
export async function renameTag(from: string, to: string): Promise<{ changed: number }> {
  return request<{ changed: number }>('POST', '/tags/rename', { from, to });
}

/** POST /api/annotations. */
export async function createAnnotation(body: CreateAnnotation): Promise<Annotation> {
  return (await request<{ annotation: Annotation }>('POST', '/annotations', body)).annotation;
}

/** PATCH /api/annotations/:id; a stale `revision` rejects with a 409 ApiError carrying the current version. */
export async function patchAnnotation(id: string, body: PatchAnnotation): Promise<Annotation> {
  return (await request<{ annotation: Annotation }>('PATCH', `/annotations/${encodeURIComponent(id)}`, body)).annotation;
}

/** DELETE /api/annotations/:id?revision=N; a stale revision rejects with a 409 ApiError. */
export async function deleteAnnotation(id: string, revision: number): Promise<void> {
  await request<void>('DELETE', `/annotations/${encodeURIComponent(id)}` + query({ revision: String(revision) }));
}

/** GET /api/sets: 'default' first. */
export async function listSets(): Promise<SetSummary[]> {
  return (await request<{ sets: SetSummary[] }>('GET', '/sets')).sets;
}

/** POST /api/sets. */
export async function createSet(body: CreateSet): Promise<AnnotationSet> {
  return (await request<{ set: AnnotationSet }>('POST', '/sets', body)).set;
}

/** GET /api/reuse?source=: the aligned passages touching `source` (either side may be it). */
export async function listReuse(source: string): Promise<ReusePassage[]> {
  const body = await request<{ passages?: ReusePassage[] }>('GET', '/reuse' + query({ source }));
  if (!Array.isArray(body.passages)) throw new ApiError(200, 'bad_response', 'The server sent no list of passages');
  return body.passages;
}

/** The suggestions the viewer's sidebar offers: differences between copies of a passage. */
export const INCONSISTENCY_CATEGORIES: readonly string[] = ['attribution', 'number', 'date', 'name', 'quote'];

/** Whether `s` is a difference between copies (the sidebar's kind of suggestion). */
export function isDifference(s: Suggestion): s is InconsistencySuggestion {
  return INCONSISTENCY_CATEGORIES.includes(s.category);
}

/** GET /api/suggestions: every suggestion of every category, narrowed by source, category and status. */
export async function listAllSuggestions(q: { source?: string; category?: SuggestionCategory; status?: SuggestionStatus } = {}): Promise<ListedSuggestion[]> {
  const body = await request<{ suggestions?: ListedSuggestion[] }>('GET', '/suggestions' + query(q));
  if (!Array.isArray(body.suggestions)) throw new ApiError(200, 'bad_response', 'The server sent no list of suggestions');
  return body.suggestions;
}

/** POST /api/suggestions/:id/undo: a dismissed suggestion is offered again (409 handled for an accepted one). */
export async function undoSuggestion(id: string): Promise<void> {
  await request<void>('POST', `/suggestions/${encodeURIComponent(id)}/undo`);
}

/** POST /api/suggestions/:id/confirm: the suggestion becomes an annotation (its kind depends on the category). */
export async function confirmSuggestion(id: string, body: { set?: string; note?: string; tags?: string[] } = {}): Promise<Annotation> {
  return (await request<{ annotation: Annotation }>('POST', `/suggestions/${encodeURIComponent(id)}/confirm`, body)).annotation;
}

/** POST /api/suggestions/:id/dismiss: not offered again (remembered by the server). */
export async function dismissSuggestion(id: string): Promise<void> {
  await request<void>('POST', `/suggestions/${encodeURIComponent(id)}/dismiss`);
}

/** GET /api/annotations/:id/copies: the copies of its passages in other sources. */
export async function listCopies(id: string): Promise<PassageCopy[]> {
  return (await request<{ copies: PassageCopy[] }>('GET', `/annotations/${encodeURIComponent(id)}/copies`)).copies;
}

/**
 * POST /api/annotations/:id/carry: repeat the annotation on each copy (`copy`) or link every copy in
 * one reuse record (`reuse`); `sources` narrows the copies used. Rejects with 422 no_copies when none.
 */
export async function carryAnnotation(id: string, mode: CarryMode, sources?: string[]): Promise<Annotation[]> {
  return (await request<{ annotations: Annotation[] }>('POST', `/annotations/${encodeURIComponent(id)}/carry`, sources ? { mode, sources } : { mode })).annotations;
}
