/**
 * The API calls of adding and revising sources (issues 9 and 10): adding a pasted text or page or an
 * uploaded file, previewing what an addition would make, fetching a web page and fetching it again,
 * a source's revisions and the text of one of them. Like client.ts, each resolves with the answer's
 * payload or rejects with an ApiError.
 */
import type { AddSource, FetchSource, Source, SourceMeta, SourcePreview, SourceRevision } from '../../core/model';
import { query, request } from './client';

export type { SourcePreview, SourceRevision };

/** Counts of a source's targets by what the re-anchoring of a revision did with them. */
export type ReanchorCounts = NonNullable<SourceRevision['reanchored']>;

/** What adding, fetching or re-fetching did: a new source, a new revision of one, or nothing new. */
export interface AddOutcome {
  status: 'created' | 'revised' | 'unchanged';
  source: SourceMeta;
  /** For a revision: what became of the annotations' passages. */
  reanchored?: ReanchorCounts;
}

/** One revision of a source's text as `GET /api/sources/:id?revision=N` gives it. */
export type RevisionText = Source & { created?: string };

/** POST /api/sources: a text, a page's HTML or a file (base64), with the metadata given. */
export function addSource(body: AddSource): Promise<AddOutcome> {
  return request<AddOutcome>('POST', '/sources', body);
}

/** POST /api/sources/preview: what adding `body` would make (id, metadata with guesses marked), storing nothing. */
export function previewSource(body: AddSource): Promise<SourcePreview> {
  return request<SourcePreview>('POST', '/sources/preview', body);
}

/** POST /api/sources/fetch: fetch a web page and add it (an address added before makes a revision). */
export function fetchSource(body: FetchSource): Promise<AddOutcome> {
  return request<AddOutcome>('POST', '/sources/fetch', body);
}

/** POST /api/sources/:id/refetch: fetch the source's page again; a changed text is a new revision. */
export function refetchSource(id: string): Promise<AddOutcome> {
  return request<AddOutcome>('POST', `/sources/${encodeURIComponent(id)}/refetch`, {});
}

/** GET /api/sources/:id/revisions: every revision, oldest first. */
export async function listRevisions(id: string): Promise<SourceRevision[]> {
  return (await request<{ revisions: SourceRevision[] }>('GET', `/sources/${encodeURIComponent(id)}/revisions`)).revisions;
}

/** GET /api/sources/:id?revision=N: the text of revision N, with the source's metadata. */
export async function getRevision(id: string, revision: number): Promise<RevisionText> {
  return (await request<{ source: RevisionText }>('GET', `/sources/${encodeURIComponent(id)}` + query({ revision: String(revision) }))).source;
}
