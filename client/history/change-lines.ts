/**
 * An annotation's recorded changes in words, one line per thing that changed: "verdict: False →
 * True", "tags: added “typo”, removed “quote”", "note: “…” → “…”", "passage: “…” → “…”". The history
 * stores whole fields (a claim's details are one field), so the claim is taken apart here into
 * claimant, verdict and evidence, each said only when it changed. Values come from the server's
 * record and are checked before use: an unexpected shape is said as "changed", never thrown on.
 * Pure code; shared by the history dialog and the "changed while you were editing" notice.
 */
import type { FieldChange } from '../../core/model';
import { KIND_LABELS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { excerpt } from '../shared/text-excerpt';
import { isRecord } from '../../core/export/json-path';

/** One thing that changed: which, and the words saying how. */
export interface ChangeLine {
  field: string;
  text: string;
}

const NOTE_CHARS = 80;
const QUOTE_CHARS = 70;

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);
const quoted = (s: string, max: number) => (s.trim() === '' ? '(empty)' : `“${excerpt(s, max)}”`);

function verdictLabel(v: unknown): string {
  return typeof v === 'string' && v in VERDICT_LABELS ? VERDICT_LABELS[v as keyof typeof VERDICT_LABELS] : String(v ?? '(none)');
}

function kindLabel(v: unknown): string {
  return typeof v === 'string' && v in KIND_LABELS ? KIND_LABELS[v as keyof typeof KIND_LABELS] : String(v ?? '(none)');
}

/** "added “a”, “b”; removed “c”" between two lists of strings (case kept, order ignored). */
function listDelta(before: readonly string[], after: readonly string[], quote = true): string {
  const show = (s: string) => (quote ? `“${s}”` : s);
  const added = after.filter((x) => !before.includes(x)).map(show);
  const removed = before.filter((x) => !after.includes(x)).map(show);
  const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'reordered';
}

/** The claim's parts that changed. A claim that appeared or went (a kind change) is said whole. */
function claimLines(before: unknown, after: unknown): ChangeLine[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const out: ChangeLine[] = [];
  if (b.verdict !== a.verdict) out.push({ field: 'verdict', text: `verdict: ${verdictLabel(b.verdict)} → ${verdictLabel(a.verdict)}` });
  if ((b.claimant ?? '') !== (a.claimant ?? '')) out.push({ field: 'claimant', text: `claimant: ${quoted(String(b.claimant ?? ''), 60)} → ${quoted(String(a.claimant ?? ''), 60)}` });
  const eb = strings(b.evidence);
  const ea = strings(a.evidence);
  if (eb.join('\n') !== ea.join('\n')) out.push({ field: 'evidence', text: `evidence: ${listDelta(eb, ea, false)}` });
  return out;
}

interface PassageLike {
  source: string;
  start: number;
  end: number;
  exact: string;
  orphaned: boolean;
}

function passages(x: unknown): PassageLike[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isRecord).map((t) => ({
    source: String(t.source ?? ''),
    start: Number(t.start),
    end: Number(t.end),
    exact: String(t.exact ?? ''),
    orphaned: t.orphaned === true,
  }));
}

/** How the passages changed: one line per passage changed, added or removed (matched by position in the list). */
function targetLines(before: unknown, after: unknown): ChangeLine[] {
  const b = passages(before);
  const a = passages(after);
  const out: ChangeLine[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = b[i];
    const y = a[i];
    const label = a.length > 1 || b.length > 1 ? `passage ${i + 1}` : 'passage';
    if (x && !y) out.push({ field: 'targets', text: `${label} removed: ${quoted(x.exact, QUOTE_CHARS)} (${x.source})` });
    else if (!x && y) out.push({ field: 'targets', text: `${label} added: ${quoted(y.exact, QUOTE_CHARS)} (${y.source})` });
    else if (x && y) {
      if (!x.orphaned && y.orphaned) out.push({ field: 'targets', text: `${label} orphaned: ${quoted(x.exact, QUOTE_CHARS)} is no longer in the source` });
      else if (x.exact !== y.exact || x.source !== y.source) out.push({ field: 'targets', text: `${label}: ${quoted(x.exact, QUOTE_CHARS)} → ${quoted(y.exact, QUOTE_CHARS)}` });
      else if (x.start !== y.start || x.end !== y.end) out.push({ field: 'targets', text: `${label} moved in the text (same words)` });
    }
  }
  // Only bookkeeping changed (the revision a passage quotes): still say something.
  return out.length ? out : [{ field: 'targets', text: 'passages updated (same words, same places)' }];
}

/** The lines saying what `changes` (one history entry's) changed. */
export function changeLines(changes: readonly FieldChange[]): ChangeLine[] {
  const out: ChangeLine[] = [];
  for (const c of changes) {
    switch (c.field) {
      case 'claim':
        out.push(...claimLines(c.before, c.after));
        break;
      case 'tags':
        out.push({ field: 'tags', text: `tags: ${listDelta(strings(c.before), strings(c.after))}` });
        break;
      case 'note':
        out.push({ field: 'note', text: `note: ${quoted(String(c.before ?? ''), NOTE_CHARS)} → ${quoted(String(c.after ?? ''), NOTE_CHARS)}` });
        break;
      case 'set':
        out.push({ field: 'set', text: `set: ${String(c.before ?? '(none)')} → ${String(c.after ?? '(none)')}` });
        break;
      case 'kind':
        out.push({ field: 'kind', text: `kind: ${kindLabel(c.before)} → ${kindLabel(c.after)}` });
        break;
      case 'targets':
        out.push(...targetLines(c.before, c.after));
        break;
      default:
        out.push({ field: c.field, text: `${c.field}: changed` });
    }
  }
  return out;
}

/** What a deleted annotation was, from its deletion entry's "before" values: "Claim, verdict False: “quote…”". */
export function deletedSummary(changes: readonly FieldChange[]): string {
  const before = new Map(changes.map((c) => [c.field, c.before]));
  let text = kindLabel(before.get('kind'));
  const claim = before.get('claim');
  if (isRecord(claim) && claim.verdict !== undefined) text += `, verdict ${verdictLabel(claim.verdict)}`;
  if (isRecord(claim) && typeof claim.claimant === 'string' && claim.claimant) text += `, by ${claim.claimant}`;
  const first = passages(before.get('targets'))[0];
  if (first) text += `: ${quoted(first.exact, QUOTE_CHARS)}`;
  const note = before.get('note');
  if (typeof note === 'string' && note.trim()) text += ` · note ${quoted(note, NOTE_CHARS)}`;
  return text;
}
