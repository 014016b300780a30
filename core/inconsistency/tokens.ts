/**
 * Word tokens with offsets, and the small vocabularies the inconsistency rules need (function words,
 * months, number words). Tokens are compared by a normalised key that ignores case, quote style and the
 * dots of abbreviations, because the copies this module compares differ in exactly those ways without
 * saying anything different.
 */
import { partitionPoint } from '../text/binary-search';
import type { TextRange } from '../text/text-range';

/** One word, number or amount in a text, at its offsets in the raw text. */
export interface Token extends TextRange {
  raw: string;
  /** Lower case, curly apostrophes folded, abbreviation dots dropped ("U.S." -> "us"). */
  key: string;
}

// Hyphens split tokens so that "military-technical" and "military technical" align word by word.
const TOKEN = /[$€£]?[\p{L}\p{N}]+(?:[.,'’‘][\p{L}\p{N}]+)*%?/gu;
const ABBREVIATION = /^(?:\p{L}\.)+\p{L}?$/u;

/** The key two tokens are compared by. */
export function tokenKey(raw: string): string {
  const folded = raw.replace(/[’‘]/g, "'").toLowerCase();
  return ABBREVIATION.test(folded) ? folded.replace(/\./g, '') : folded;
}

/** All tokens of `text` between `from` and `to`, in order. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push({ start: m.index, end, raw: m[0], key: tokenKey(m[0]) });
  }
  return out;
}

/** The first index in sorted `tokens` whose token ends after `offset`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  return partitionPoint(tokens.length, (i) => tokens[i].end <= offset);
}

/** Words whose change never makes two copies say different things. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor so yet of in on at to for from by with without about into onto over under ' +
    'as than that which who whom whose this these those there here it its it\'s they them their our ours ' +
    'we us you your i me my he him his she her hers is are was were be been being am do does did has ' +
    'have had will would shall should can could may might must not no also too very just only even ' +
    'both all any each every some such other own more most less least then now once again still')
    .split(' '),
);

const MONTHS = new Map<string, number>([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12],
  ['dec', 12],
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const NUMBER_WORDS = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80],
  ['ninety', 90], ['dozen', 12],
]);
const SCALES = new Map<string, number>([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);
const UNITS = new Set(['percent', 'per', 'cent', 'dollars', 'euros', 'pounds', 'rubles', 'roubles']);

const DIGITS = /^[$€£]?\d[\d,.]*%?$/;

/** The numeric value of a digit or number-word token, or `undefined` when it is not a number. */
export function numberValue(token: Token): number | undefined {
  if (DIGITS.test(token.raw)) {
    const n = Number(token.raw.replace(/[$€£%,]/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return NUMBER_WORDS.get(token.key);
}

/** A scale word ("billion"), its factor; otherwise `undefined`. */
export function scaleValue(token: Token): number | undefined {
  return SCALES.get(token.key);
}

/** Whether the token belongs to an amount next to a number: a scale or a unit word. */
export function isAmountWord(token: Token): boolean {
  return SCALES.has(token.key) || UNITS.has(token.key);
}

/** Whether the token is a four-digit year (1800-2099). */
export function isYear(token: Token): boolean {
  return /^(?:18|19|20)\d\d$/.test(token.raw);
}

/**
 * Whether the token names a month or weekday. Capitalisation is required because "may" and "march" are
 * also ordinary words.
 */
export function isCalendarWord(token: Token): boolean {
  if (!/^\p{Lu}/u.test(token.raw)) return false;
  return MONTHS.has(token.key) || WEEKDAYS.has(token.key);
}

/** Whether the token starts with a capital letter and is not a number. */
export function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.raw);
}
