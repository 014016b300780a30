/**
 * The two calls of the transfer dialogs that the JSON wrapper in client/api cannot make: a download
 * (the body is a file, not JSON) and an import (the body is the user's text, sent as is). Failures
 * become the same ApiError the rest of the client handles.
 */
import type { Annotation } from '../../core/model';
import { ApiError } from '../api/api-error';
import { reportUnauthenticated } from '../api/session-signal';

/** A downloaded export: its content and the file name the server suggests. */
export interface Download {
  blob: Blob;
  /** The Content-Disposition header, naming the file. */
  disposition: string | null;
  /** How many annotations the file holds (the X-Collate-Count header), null when not said. */
  count: number | null;
}

/** What a successful import answers. */
export interface ImportResult {
  /** Annotations added (new, or changed since they were last imported). */
  imported: number;
  /** Annotations of the file already present with the same id and content (older servers omit it). */
  skipped?: number;
  annotations: Annotation[];
  setsCreated?: string[];
}

/** The ApiError of a failed response: the server's error body when it has one. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  return new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? `${res.status} ${res.statusText}`.trim(), error?.details);
}

async function send(url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw new ApiError(0, 'network', `Could not reach the server (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!res.ok) {
    if (res.status === 401) reportUnauthenticated(new URL(url, location.href).pathname.replace(/^\/api/, ''));
    throw await apiErrorOf(res);
  }
  return res;
}

/** GET `url` (an /api/export URL) as a file. */
export async function fetchDownload(url: string): Promise<Download> {
  const res = await send(url);
  const disposition = res.headers.get('Content-Disposition');
  const header = res.headers.get('X-Collate-Count');
  const count = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
  return { blob: await res.blob(), disposition, count };
}

/** POST the JSON text `json` to /api/import (into set `set` when given). */
export async function postImport(json: string, set?: string): Promise<ImportResult> {
  const url = set ? `/api/import?set=${encodeURIComponent(set)}` : '/api/import';
  const res = await send(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: json });
  return (await res.json()) as ImportResult;
}

/** Save `blob` as a file named `fileName` through a temporary object URL and an <a download>. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a later tick is enough.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
