/**
 * The file name a download is saved under, read from its Content-Disposition header (RFC 6266): the
 * UTF-8 `filename*` when present, else the plain `filename`, else a fallback. Pure code, unit tested.
 */

const EXTENDED = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i;
const QUOTED = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const TOKEN = /filename\s*=\s*([^;\s"]+)/i;

/**
 * The file name in a Content-Disposition header value, made safe to save: path separators and
 * control characters become `_`, so a hostile header cannot pick a directory. `fallback` is used
 * when the header is missing or names nothing usable.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  let name: string | undefined;
  const ext = EXTENDED.exec(header);
  if (ext && /^utf-8$/i.test(ext[1].trim())) {
    try {
      name = decodeURIComponent(ext[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const quoted = QUOTED.exec(header);
    if (quoted) name = quoted[1].replace(/\\(.)/g, '$1');
    else name = TOKEN.exec(header)?.[1];
  }
  const safe = (name ?? '').replace(/[\\/\x00-\x1f\x7f]/g, '_').trim();
  return safe && safe !== '.' && safe !== '..' ? safe : fallback;
}
