/**
 * Why a source could not be added, in plain words: the server's error codes for adding and fetching
 * (README, HTTP API) turned into what the user can do about them, with the server's own message kept
 * where it names the detail (a status code, a size, a field). Pure code.
 */
import { ApiError, errorMessage } from '../api/api-error';

/** A sentence for each code, with `{message}` standing for the server's own words. */
const WORDS: Record<string, string> = {
  invalid_url: 'That is not a web address Collate can fetch: it must begin with “http://” or “https://”.',
  fetch_refused: 'Collate does not fetch pages from this computer or the local network, only from public web addresses.',
  fetch_failed: 'The page could not be fetched ({message}). Check the address, or try again later.',
  too_many_redirects: 'The page sent Collate on too many redirects ({message}).',
  fetch_timeout: 'The site took too long to answer ({message}). Try again later.',
  too_large: 'Too large to add ({message}).',
  unsupported_type: 'That address does not lead to a web page or a plain text ({message}).',
  unsupported_file: 'Only .txt, .md and .html files can be added ({message}).',
  no_content: 'No article text was found in it ({message}).',
  empty_text: 'There is no text to add.',
  invalid: 'Some details are not valid: {message}',
  exists: 'A source with that id exists already ({message}).',
  forbidden: 'Your role may not add sources ({message}).',
  unauthenticated: 'You are signed out: sign in again, then retry.',
  storage_full: 'The server’s disk is full: nothing was stored ({message}).',
  storage_unavailable: 'The server cannot write its data folder now: nothing was stored ({message}).',
};

/** What to tell the user about `err`, a failed add, fetch or preview. */
export function addErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    const words = WORDS[err.code];
    if (words) return words.replace('{message}', err.message);
    if (err.status === 413) return `Too large to add (${err.message}).`;
  }
  return errorMessage(err);
}
