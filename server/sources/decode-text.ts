/**
 * Bytes of a fetched page or an uploaded file to text. The encoding is taken, in this order, from a
 * byte order mark, the charset the server declared (Content-Type), the page's own
 * `<meta charset>` / `<meta http-equiv="Content-Type">` in its first bytes (the HTML prescan), else
 * UTF-8. A declared charset the decoder does not know is skipped, and text that claims UTF-8 but is
 * not valid UTF-8 (a common mislabel of Latin-1 pages) is read as windows-1252, which maps every
 * byte; `note` says when either happened, so a caller can tell the user.
 */

/** The decoded text, the encoding used, and what was not as declared. */
export interface DecodedText {
  text: string;
  charset: string;
  note?: string;
}

/** Bytes scanned for a `<meta>` charset; the HTML standard's prescan reads 1024, pages put it later. */
const META_SCAN_BYTES = 4096;

/**
 * windows-1252's characters for bytes 0x80-0x9F (the WHATWG index). Node 20.18.3+ decodes
 * windows-1252 as Latin-1 and yields C1 controls there instead (nodejs/node#60888), which would turn
 * every curly quote of a legacy page into an invisible control character; the real decoder's output
 * is mapped through this table, which changes nothing where the decoder is right.
 */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWith(charset: string, bytes: Uint8Array): string {
  const text = new TextDecoder(charset).decode(bytes);
  if (charset !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80]));
}

/** The decoder's canonical name for `label`, or undefined when it knows no such encoding. */
function encodingOf(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset a page's `<meta>` tags declare in its first bytes (read as ASCII). */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

/** The `charset` parameter of a Content-Type header value. */
export function headerCharset(contentType: string | undefined): string | undefined {
  return contentType ? /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] : undefined;
}

/** Decodes `bytes`; `declared` is the Content-Type charset, `html` allows the `<meta>` prescan. */
export function decodeText(bytes: Uint8Array, options: { declared?: string; html?: boolean } = {}): DecodedText {
  const notes: string[] = [];
  let charset = bomEncoding(bytes);
  if (!charset && options.declared) {
    charset = encodingOf(options.declared);
    if (!charset) notes.push(`unknown charset "${options.declared}" ignored`);
  }
  if (!charset && options.html) {
    const label = metaCharset(bytes);
    charset = encodingOf(label);
    if (label && !charset) notes.push(`unknown charset "${label}" ignored`);
  }
  charset ??= 'utf-8';
  // UTF-16 in a <meta> is impossible (the meta itself was readable as ASCII): the standard reads UTF-8.
  if (!bomEncoding(bytes) && charset.startsWith('utf-16') && !options.declared) charset = 'utf-8';
  if (charset === 'utf-8') {
    try {
      return withNote({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset }, notes);
    } catch {
      notes.push('not valid UTF-8, read as windows-1252');
      charset = 'windows-1252';
    }
  }
  return withNote({ text: decodeWith(charset, bytes), charset }, notes);
}

function withNote(decoded: DecodedText, notes: string[]): DecodedText {
  return notes.length ? { ...decoded, note: notes.join('; ') } : decoded;
}
