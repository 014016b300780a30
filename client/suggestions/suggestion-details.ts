/**
 * What a suggestion says, in the reader's words, for the inbox rows and the viewer's margin marks:
 * the name of its category, its evidence as labelled lines (the claimant and the checkable words of
 * a claim candidate, the correction of a typo, what each source says of a difference), what
 * accepting it makes, and a short passage quoted with the words around it. Pure code: no DOM.
 */
import { correctionOf } from '../../core/inconsistency/to-annotation';
import type { Suggestion, SuggestionCategory } from '../../core/inconsistency/types';

/** The name of each category, as the user reads it. */
export const CATEGORY_LABELS: Readonly<Record<SuggestionCategory, string>> = {
  claim: 'Claim to check',
  typo: 'Typo',
  'name-variant': 'Name spelled two ways',
  context: 'Context shift',
  attribution: 'Attribution',
  number: 'Number',
  date: 'Date',
  name: 'Name',
  quote: 'Quote',
};

/** The categories in the order the inbox offers them: the assistant's first, then differences between copies. */
export const CATEGORY_ORDER: readonly SuggestionCategory[] = ['claim', 'typo', 'name-variant', 'context', 'attribution', 'number', 'date', 'name', 'quote'];

/** The label of `category`, or the category itself for one this client does not know yet. */
export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

/** One labelled line of evidence. */
export interface EvidenceItem {
  label: string;
  value: string;
}

/** How a difference's values are introduced, by category. */
const SIDE_LABELS: Partial<Record<SuggestionCategory, string>> = {
  attribution: 'Given to',
  context: 'Follows the words of',
  number: 'Numbers',
  date: 'Dates',
  name: 'Names',
  quote: 'Words',
};

const quoted = (s: string) => `“${s}”`;

/**
 * The evidence of `s` as labelled lines; `titleOf` names a source. A claim candidate gives its
 * claimant (or says the text names none) and the words that make it checkable; a typo or a name
 * spelled two ways gives the correction (a typo also the other spellings the dictionary knows);
 * the other categories say what each source has.
 */
export function evidenceItems(s: Suggestion, titleOf: (id: string) => string): EvidenceItem[] {
  if (s.category === 'claim') {
    const words = [...new Set(s.evidence.map((e) => e.value))];
    const items: EvidenceItem[] = [{ label: 'Claimant', value: s.claim?.claimant || 'not named in the text' }];
    if (words.length > 0) items.push({ label: 'Checkable words', value: words.map(quoted).join(', ') });
    return items;
  }
  const fix = correctionOf(s);
  if (fix) {
    const items: EvidenceItem[] = [{ label: 'Correction', value: `${quoted(fix.wrong)} → ${quoted(fix.right)}` }];
    const others = s.category === 'typo' ? s.evidence.slice(2).map((e) => e.value) : [];
    if (others.length > 0) items.push({ label: 'Other spellings', value: others.join(', ') });
    return items;
  }
  if (s.evidence.length === 0) return [];
  const label = SIDE_LABELS[s.category] ?? 'Says';
  const inSource = s.evidence.map((e) => `${s.category === 'attribution' || s.category === 'context' ? e.value : quoted(e.value)} in ${quoted(titleOf(e.source))}`);
  return [{ label, value: inSource.join('; ') }];
}

/** What accepting `s` makes, in one sentence (the server's rule, core/inconsistency/to-annotation.ts). */
export function acceptOutcome(s: Suggestion): string {
  if (s.category === 'claim') {
    const claimant = s.claim?.claimant;
    return claimant ? `Accepting makes an unverified claim given to ${claimant}.` : 'Accepting makes an unverified claim (the text names no claimant).';
  }
  const fix = correctionOf(s);
  if (fix) return `Accepting makes a note tagged typo with the correction ${quoted(fix.wrong)} → ${quoted(fix.right)}.`;
  return `Accepting records an inconsistency linking the ${s.targets.length} passages.`;
}

/** A claim candidate's score, as shown beside it. */
export function scoreText(score: number): string {
  return `score ${score.toFixed(2)}`;
}

/** A passage with the words around it: `before` and `after` are empty when the passage is long enough alone. */
export interface PassageInContext {
  before: string;
  exact: string;
  after: string;
}

/** Passages shorter than this are quoted with the words around them (a typo alone says little). */
export const SHORT_PASSAGE = 80;

/**
 * The passage [start, end) of `text` with up to `room` characters on each side, cut at word
 * boundaries and on one line (whitespace collapsed), `…` marking a cut. Long passages, or a text
 * that does not hold the range, come back without context.
 */
export function passageInContext(text: string | undefined, target: { start: number; end: number; exact: string }, room = 70): PassageInContext {
  const alone = { before: '', exact: target.exact, after: '' };
  if (text === undefined || target.exact.length >= SHORT_PASSAGE || text.slice(target.start, target.end) !== target.exact) return alone;
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let from = Math.max(0, target.start - room);
  let to = Math.min(text.length, target.end + room);
  // Start and end on whole words (unless the text itself starts or ends there).
  // A cut inside a word moves to the word's edge (unless it sits right at one already).
  if (from > 0 && /\S/.test(text[from - 1])) {
    const space = text.slice(from, target.start).search(/\s/);
    from = space >= 0 ? from + space + 1 : target.start;
  }
  if (to < text.length && /\S/.test(text[to])) {
    const tail = text.slice(target.end, to);
    const lastSpace = tail.search(/\s\S*$/);
    if (lastSpace >= 0) to = target.end + lastSpace;
  }
  const before = flat(text.slice(from, target.start)).replace(/^ /, '');
  const after = flat(text.slice(target.end, to)).replace(/ $/, '');
  return { before: (from > 0 ? '…' : '') + before, exact: target.exact, after: after + (to < text.length ? '…' : '') };
}
