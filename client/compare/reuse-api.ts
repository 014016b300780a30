/**
 * GET /api/reuse for the compare view. The JSON wrapper in client/api has no reuse call yet; this
 * one fails with the same ApiError, so error handling is shared.
 */
import type { ReusePassage } from '../../core/model';
import { ApiError } from '../api/api-error';
import { apiErrorOf } from '../transfer/transfer-api';

/** The aligned passages touching source `source` (either way round). */
export async function listReuse(source: string): Promise<ReusePassage[]> {
  let res: Response;
  try {
    res = await fetch(`/api/reuse?source=${encodeURIComponent(source)}`, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ApiError(0, 'network', `Could not reach the server (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!res.ok) throw await apiErrorOf(res);
  const body = (await res.json()) as { passages?: ReusePassage[] };
  if (!Array.isArray(body.passages)) throw new ApiError(res.status, 'bad_response', 'The server sent no list of passages');
  return body.passages;
}
