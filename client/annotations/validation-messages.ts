/**
 * The server's validation report in words a user understands, next to the field it concerns. A
 * refused write answers `400 invalid` with `details.issues: [{ path, message }]`, where `path` names
 * a place in the body that was sent ("tags.4", "claim.claimant") and `message` is the schema's own
 * ("Too big: expected string to have <=64 characters"). This turns each issue into the form field it
 * concerns and a sentence naming the value, and tolerates shapes the contract does not promise.
 * Pure code.
 */

/** The fields of the annotation form and the link dialog that a problem can concern. */
export type FormField = 'claimant' | 'verdict' | 'evidence' | 'tags' | 'note' | 'set' | 'passage';

/** One problem: the field it concerns (null: the whole form) and what to tell the user. */
export interface FieldProblem {
  field: FormField | null;
  message: string;
}

/** One issue as the server reports it. */
export interface ValidationIssue {
  path: string;
  message: string;
}

const FIELD_OF: Record<string, FormField> = {
  'claim.claimant': 'claimant',
  'claim.verdict': 'verdict',
  'claim.evidence': 'evidence',
  tags: 'tags',
  note: 'note',
  set: 'set',
  targets: 'passage',
};

/** What a field is called in a sentence, with the item number of a list entry. */
function subject(field: FormField | null, index: number | null): string {
  switch (field) {
    case 'claimant': return 'The claimant';
    case 'verdict': return 'The verdict';
    case 'evidence': return index === null ? 'The evidence' : `Evidence line ${index + 1}`;
    case 'tags': return index === null ? 'The tags' : `Tag ${index + 1}`;
    case 'note': return 'The note';
    case 'set': return 'The set name';
    case 'passage': return 'The selected passage';
    default: return 'This annotation';
  }
}

/** The value at `path` in `body`, if it is a string (to quote it back to the user). */
function valueAt(body: unknown, path: readonly string[]): string | undefined {
  let v: unknown = body;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'string' ? v : undefined;
}

function quoted(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 24 ? `“${flat.slice(0, 24)}…”` : `“${flat}”`;
}

/** The schema's message as the end of a sentence about `what` (the subject, already named). */
function predicate(message: string, isList: boolean): string {
  const big = /^Too big: expected (string|array) to have <=(\d+) (\w+)/.exec(message);
  if (big) {
    return big[1] === 'array'
      ? `has too many entries: at most ${Number(big[2]).toLocaleString('en')} are allowed`
      : `is too long: at most ${Number(big[2]).toLocaleString('en')} characters are allowed`;
  }
  const small = /^Too small: expected (string|array) to have >=(\d+) (\w+)/.exec(message);
  if (small) return small[1] === 'array' ? 'needs at least one entry' : isList ? 'is empty: remove it or write something' : 'is empty';
  if (/^Invalid option/.test(message)) return 'is not one of the choices offered';
  if (/^Invalid input: expected string/.test(message)) return 'must be text';
  // The schema's own words (a custom rule such as the set name's): already a sentence ending.
  return message.replace(/^[A-Z]/, (c) => c.toLowerCase());
}

/**
 * The issues of a `400 invalid` answer's `details`, or an empty list when it carries none in the
 * documented shape (a path may also come as a list of keys).
 */
export function validationIssues(details: unknown): ValidationIssue[] {
  const issues = typeof details === 'object' && details !== null ? (details as { issues?: unknown }).issues : undefined;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const rec = i as { path?: unknown; message?: unknown };
    const path = Array.isArray(rec.path) ? rec.path.join('.') : typeof rec.path === 'string' ? rec.path : '';
    return typeof rec.message === 'string' ? [{ path, message: rec.message }] : [];
  });
}

/**
 * Each issue as the field it concerns and a sentence such as "Tag 5 (“xxxxxxxx…”) is too long: at
 * most 64 characters are allowed." `body` is what was sent, to quote the offending value. Only the
 * first issue of each value is kept: an empty evidence line is "empty", not also "not a URL".
 */
export function fieldProblems(issues: readonly ValidationIssue[], body?: unknown): FieldProblem[] {
  const seen = new Set<string>();
  const first = issues.filter(({ path }) => {
    if (path === '') return true;
    if (seen.has(path)) return false;
    seen.add(path);
    return true;
  });
  return first.map(({ path, message }) => {
    const keys = path === '' ? [] : path.split('.');
    let field: FormField | null = null;
    let index: number | null = null;
    let valuePath: string[] = [];
    for (let n = keys.length; n > 0 && field === null; n--) {
      const known = FIELD_OF[keys.slice(0, n).join('.')];
      if (!known) continue;
      field = known;
      const next = keys[n];
      if (next !== undefined && /^\d+$/.test(next) && field !== 'passage') {
        index = Number(next);
        valuePath = keys.slice(0, n + 1);
      }
    }
    const value = index !== null ? valueAt(body, valuePath) : undefined;
    const who = subject(field, index) + (value !== undefined && value.trim() !== '' ? ` (${quoted(value)})` : '');
    return { field, message: `${who} ${predicate(message, index !== null)}.` };
  });
}
