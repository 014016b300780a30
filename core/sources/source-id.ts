/**
 * The one rule that turns a file name or a title into a source id (GUIDE section 1: a slug,
 * `[a-z0-9][a-z0-9-]{0,80}`). The server's source folders, the add-source pipeline and the CLI all
 * call these, so one file gets one id wherever it is read. Pure string code: paths may use "/" or "\".
 */
import { SOURCE_ID_PATTERN } from '../model/schemas';

/** Longest id the slug pattern allows. */
const MAX_ID = 81;
/** Extensions stripped from a file name before it becomes an id (a sidecar's first). */
const EXTENSIONS = /\.(meta\.json|txt|text|md|markdown|html?|xhtml)$/i;

/**
 * Lower case, accents dropped, every run of other characters folded to "-", at most 81 characters
 * (cut at a "-" when the cut would split a word and a "-" is near). "source" when nothing is left.
 */
export function slugify(name: string): string {
  let slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_ID) {
    const cut = slug.slice(0, MAX_ID + 1);
    const dash = cut.lastIndexOf('-');
    // A cut inside a word reads badly in a URL; keep the word boundary when it costs little.
    slug = (dash >= MAX_ID - 20 ? cut.slice(0, dash) : cut.slice(0, MAX_ID)).replace(/-+$/, '');
  }
  return slug || 'source';
}

/** The file name without folders and without a known text extension (`.txt`, `.md`, `.html`, ...). */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(EXTENSIONS, '');
  return stem || base;
}

/**
 * The source id of a file: its stem when that already is a valid id (so `gsn-us-renews.txt` keeps
 * `gsn-us-renews`), otherwise the stem made a slug (`000_f73bab94f4e13693.txt` becomes
 * `000-f73bab94f4e13693`, `Café Report.md` becomes `cafe-report`).
 */
export function sourceIdFromFileName(fileName: string): string {
  const stem = fileStem(fileName);
  return SOURCE_ID_PATTERN.test(stem) ? stem : slugify(stem);
}

/** The source id for an article known by its title (pasted text, a web page): the title made a slug. */
export function sourceIdFromTitle(title: string): string {
  return slugify(title);
}

/**
 * `base` if `taken(base)` is false, else `base-2`, `base-3`, ... (shortened so the suffix fits the
 * 81-character limit). For callers resolving collisions; the id rule itself never looks at others.
 */
export function uniqueSourceId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken(id)) return id;
  }
}
