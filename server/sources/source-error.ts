/**
 * The one error type of adding sources: fetching a page (fetch-page.ts), extracting its article
 * (extract-article.ts) and preparing any input (add-source.ts). Each carries a code and a plain message
 * for the user, and the HTTP status its code suggests, so the API maps them all with one `instanceof`
 * and the CLI prints the message.
 */

export type SourceErrorCode =
  /** The URL is not an absolute http(s) URL, or carries credentials. */
  | 'invalid_url'
  /** The address is not public (loopback, private, link-local, ...), or a redirect left http(s). */
  | 'fetch_refused'
  /** DNS, connection or TLS failure, or an error status from the site. */
  | 'fetch_failed'
  | 'too_many_redirects'
  /** The page or the site took longer than the deadline. */
  | 'fetch_timeout'
  /** A page over the size cap, or an article text over the import limit. */
  | 'too_large'
  /** A page that is not HTML, XHTML or plain text. */
  | 'unsupported_type'
  /** A file that is not .txt, .md or .html. */
  | 'unsupported_file'
  /** A page in which no article text was found. */
  | 'no_content'
  /** An input whose text is empty. */
  | 'empty_text';

/** Suggested HTTP status for each code: refused input 422, upstream failure 502, timeout 504, size 413. */
export const SOURCE_ERROR_STATUS: Record<SourceErrorCode, number> = {
  invalid_url: 400,
  fetch_refused: 422,
  fetch_failed: 502,
  too_many_redirects: 502,
  fetch_timeout: 504,
  too_large: 413,
  unsupported_type: 422,
  unsupported_file: 422,
  no_content: 422,
  empty_text: 422,
};

export class SourceError extends Error {
  readonly status: number;
  constructor(
    readonly code: SourceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SourceError';
    this.status = SOURCE_ERROR_STATUS[code];
  }
}
