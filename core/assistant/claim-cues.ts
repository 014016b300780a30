/**
 * What makes a sentence checkable: the cues a fact-checker looks for first (amounts, percentages,
 * counts, dates and deadlines, rankings and records, legal or status words), and the marks of an
 * opinion or a hope that make a sentence less worth checking. Each cue carries a weight, the
 * probability-like strength with which it alone makes a sentence a candidate; `claims.ts` combines them.
 *
 * Works on the word tokens of core/inconsistency (hyphens split words, so "48-hour" is "48", "hour").
 */
import type { TextRange } from '../text/text-range';
import { type Token, isCalendarWord, isYear, numberValue } from '../inconsistency/tokens';

export type CueKind = 'money' | 'percent' | 'count' | 'date' | 'schedule' | 'ranking' | 'legal' | 'change';

/** One reason a sentence is checkable. */
export interface Cue {
  kind: CueKind;
  weight: number;
  /** The words that carry the cue, for the summary. */
  span: TextRange;
}

const CURRENCY_WORDS = new Set(['dollars', 'euros', 'pounds', 'rubles', 'roubles', 'yen', 'yuan', 'francs', 'pence', 'cents']);
const PERCENT_WORDS = new Set(['percent', 'percentage', 'pct']);
const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'm', 'bn']);
const FRACTIONS = new Set(['half', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'tenth', 'tenths']);
const MULTIPLES = new Set(['doubled', 'tripled', 'trebled', 'quadrupled', 'halved']);
const WEAK_MULTIPLES = new Set(['twice', 'double', 'triple', 'treble']);
// "tens of kilometres", "thousands of people".
const PLURAL_SCALES = new Set(['tens', 'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions']);
const DECADE_WORDS = new Set(['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties']);
// Amounts of time or distance after a comparison: "more than a year", "nearly an hour".
const UNITS = new Set(
  ('second seconds minute minutes hour hours day days week weeks month months year years decade decades century ' +
    'mile miles kilometre kilometres kilometer kilometers metre metres meter meters tonne tonnes ton tons litre litres')
    .split(' '),
);
const COMPARATORS = new Set(['than', 'least', 'nearly', 'almost', 'over', 'under', 'about', 'roughly', 'around', 'some', 'up']);
const ORDINALS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);
const RANK_WORDS = new Set(['first', 'last', 'only']);
const SUPERLATIVES = new Set(
  ('largest biggest smallest highest lowest fastest slowest widest deepest longest shortest oldest youngest ' +
    'newest earliest latest closest heaviest lightest richest poorest fewest hottest coldest wettest driest ' +
    'busiest cheapest strongest weakest tallest')
    .split(' '),
);
// Superlatives of judgement rather than measurement: "the best way", "most important".
const EVALUATIVE = new Set(
  ('important best worst greatest finest nicest enduring effective beautiful interesting exciting significant ' +
    'serious valuable promising difficult able likely understood contested powerful dangerous crucial recent ' +
    'welcome necessary sensible honest')
    .split(' '),
);
const RELATIVE_PERIODS = new Set(['year', 'month', 'week', 'spring', 'summer', 'autumn', 'fall', 'winter', 'decade', 'quarter', 'season']);
const SCHEDULE_WORDS = new Set(
  ('scheduled slated deadline due expires expired expire closes closed until begins opens starts ' +
    'timetable operational complete completed wrap schedule')
    .split(' '),
);
const LEGAL_WORDS = new Set(
  ('law laws legal legally illegal unlawful lawful ruling ruled court judges judgment judgement upheld fined ' +
    'banned ban bans prohibited exempt entitled eligible qualify requires required ratified treaty contract ' +
    'licence license obligations approved appealed suspended constitution statute regulation ' +
    'regulations convicted sentenced charged verdict jurisdiction force voted votes unanimously')
    .split(' '),
);
const CHANGE_WORDS = new Set(
  ('rose risen rise rises fell fallen fall falls increased increase increases decreased decrease grew grown ' +
    'declined decline dropped drop cut cuts reduced raised lost gained spent exceeded')
    .split(' '),
);
const OPINION_WORDS = new Set(
  ('should hope hoped hopes hoping believe believes think thinks feel feels wish wishes perhaps maybe ' +
    'wants want wanted suspect seems seem ought')
    .split(' '),
);
const REPORTING_VERBS = new Set(
  ('said says told tells announced added stressed noted reported underlined warned urged reaffirmed ' +
    'renewed stepped offered spoke')
    .split(' '),
);
const REFERRING = new Set(['the', 'all', 'both', 'between', 'these', 'those', 'our', 'their', 'its', 'his', 'her']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const DIGITS = /^[$€£]?\d[\d,.]*(?:m|bn|k)?%?$/;
const ORDINAL_DIGITS = /^\d+(?:st|nd|rd|th)$/;
const DECADE = /^(?:1[89]|20)\d0s$/;

/** The sentence's tokens with the text it needs to see gaps, parentheses and quotes. */
export interface CueInput {
  text: string;
  tokens: readonly Token[];
  /** Spans (citations in parentheses) whose cues do not count. */
  ignored: readonly TextRange[];
}

/**
 * Citations in parentheses ("(see GSN, Aug. 9)", "(Xinhua News Agency, Sept. 7)") date the reporting,
 * not the claim: their dates are not cues.
 */
export function citationSpans(text: string, sentence: TextRange): TextRange[] {
  const out: TextRange[] = [];
  const part = text.slice(sentence.start, sentence.end);
  for (const m of part.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1].trim();
    if (/^see\b/i.test(inner) || /,\s*(?:\p{Lu}\p{Ll}{2,}\.?\s+\d{1,2}|today|yesterday)\s*$/u.test(inner)) {
      out.push({ start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length });
    }
  }
  return out;
}

/** Every cue of one sentence, in token order. */
export function findCues(input: CueInput): Cue[] {
  const { tokens, text, ignored } = input;
  const cues: Cue[] = [];
  const at = (i: number) => tokens[i];
  const key = (i: number) => tokens[i]?.key ?? '';
  const gap = (i: number) => (i + 1 < tokens.length ? text.slice(tokens[i].end, tokens[i + 1].start) : '');
  const push = (kind: CueKind, weight: number, from: number, to = from) =>
    cues.push({ kind, weight, span: { start: tokens[from].start, end: tokens[to].end } });

  for (let i = 0; i < tokens.length; i++) {
    const t = at(i);
    if (ignored.some((s) => s.start <= t.start && t.end <= s.end)) continue;
    const raw = t.raw;
    // "G-20", "F-35": a number glued to a capital letter is a name.
    const glued = i > 0 && gap(i - 1) === '-' && /^\p{Lu}{1,3}$/u.test(at(i - 1).raw);
    if (/^[$€£]/.test(raw) && /\d/.test(raw)) {
      push('money', 0.9, i, SCALE_WORDS.has(key(i + 1)) ? i + 1 : i);
    } else if (DIGITS.test(raw) && !glued) {
      if (raw.endsWith('%') || PERCENT_WORDS.has(key(i + 1)) || (key(i + 1) === 'per' && key(i + 2) === 'cent')) {
        push('percent', 0.9, i, raw.endsWith('%') ? i : i + 1);
      } else if (CURRENCY_WORDS.has(key(i + 1)) || CURRENCY_WORDS.has(key(i + 2))) {
        push('money', 0.9, i, i + 1);
      } else if (isYear(t)) {
        push('date', 0.7, i);
      } else if (/^\d{1,2}$/.test(raw) && (isMonth(at(i + 1)) || isMonth(at(i - 1)))) {
        push('date', 0.75, i);
      } else if (gap(i) === ':' && /^\d{2}$/.test(at(i + 1)?.raw ?? '')) {
        push('count', 0.6, i, i + 1); // a time or a duration ("2:09:31")
        i++;
      } else if (i > 0 && /^\p{Lu}\p{Ll}+$/u.test(at(i - 1).raw) && !isMonth(at(i - 1)) && gap(i - 1) === ' ') {
        push('count', 0.3, i); // a reference number: "Article 5", "Route 66"
      } else {
        push('count', 0.8, i);
      }
    } else if (ORDINAL_DIGITS.test(raw) || (DECADE.test(raw) && !glued)) {
      push(DECADE.test(raw) ? 'date' : 'ranking', DECADE.test(raw) ? 0.6 : 0.35, i);
    } else if (isMonth(t)) {
      // "in May", "from August": a month alone still dates the claim.
      push('date', /^(?:in|by|from|until|since|last|next|early|late|mid|of)$/.test(key(i - 1)) ? 0.55 : 0.45, i);
    } else if (WEEKDAYS.has(t.key) && /^\p{Lu}/u.test(raw)) {
      // "said on Monday" dates the reporting; "meets on Thursday" schedules something.
      if (!nearReportingVerb(tokens, i)) push('schedule', 0.35, i);
    } else if (RELATIVE_PERIODS.has(t.key) && /^(?:last|next|this|past|previous|coming)$/.test(key(i - 1))) {
      push('date', 0.35, i - 1, i);
    } else if (RELATIVE_PERIODS.has(t.key) && key(i - 1) === 'the' && /^(?:in|by|of|until|since)$/.test(key(i - 2))) {
      push('date', 0.35, i - 2, i); // "in the spring", "by the end of the month"
    } else if (DECADE_WORDS.has(t.key)) {
      push('date', 0.55, i);
    } else if (PLURAL_SCALES.has(t.key) && key(i + 1) === 'of') {
      push('count', 0.6, i);
    } else if ((t.key === 'a' || t.key === 'an') && COMPARATORS.has(key(i - 1)) && UNITS.has(key(i + 1))) {
      push('count', 0.55, i - 1, i + 1);
    } else if (numberValue(t) !== undefined && t.key !== 'zero' && (t.key !== 'one' || key(i - 1) === 'least' || key(i - 1) === 'than')) {
      if (key(i + 1) === 'past' || (key(i - 1) === 'of' && key(i - 2) === 'one')) continue;
      // A number word counts things ("three sessions"); alone it is often a manner of speaking.
      // After "the", "both", "between" it refers back to things already counted ("the two governments").
      const counted = /s$/.test(key(i + 1)) || /s$/.test(key(i + 2)) && !/^(?:or|to|and)$/.test(key(i + 1));
      const referring = REFERRING.has(key(i - 1));
      push('count', (counted || t.key === 'one') && !referring ? 0.6 : 0.35, i);
    } else if (t.key === 'one' && SCALE_WORDS.has(key(i + 1))) {
      push('count', 0.6, i, i + 1);
    } else if (FRACTIONS.has(t.key) && key(i + 1) !== 'past') {
      const article = /^(?:a|one|two|three|half)$/.test(key(i - 1)) || key(i + 1) === 'of';
      if (t.key !== 'third' || article) push('count', article ? 0.6 : 0.4, i);
    } else if (MULTIPLES.has(t.key) || WEAK_MULTIPLES.has(t.key)) {
      push('change', MULTIPLES.has(t.key) ? 0.55 : 0.4, i);
    } else if (SUPERLATIVES.has(t.key)) {
      push('ranking', 0.6, i);
    } else if ((t.key === 'most' || t.key === 'least') && /^(?:the|its|their|his|her|our)$/.test(key(i - 1))) {
      if (!EVALUATIVE.has(key(i + 1))) push('ranking', 0.55, i, Math.min(i + 1, tokens.length - 1));
    } else if (RANK_WORDS.has(t.key) && /^(?:the|its|their|her|his|a)$/.test(key(i - 1)) && !FRACTIONS.has(key(i + 2))) {
      push('ranking', t.key === 'only' ? 0.4 : 0.5, i);
    } else if (ORDINALS.has(t.key) && /^(?:the|its|their|her|his|a)$/.test(key(i - 1))) {
      push('ranking', 0.45, i);
    } else if (t.key === 'record' || t.key === 'records' || t.key === 'ever' || t.key === 'never') {
      push('ranking', t.key === 'never' ? 0.3 : 0.5, i);
    } else if (SCHEDULE_WORDS.has(t.key) || (t.key === 'place' && /^(?:take|takes|took|taken|taking)$/.test(key(i - 1)))) {
      push('schedule', 0.3, i);
    } else if (LEGAL_WORDS.has(t.key) || (/^(?:Act|Article|Treaty|Convention|Regulation)$/.test(raw))) {
      if (t.key === 'force' && key(i - 1) !== 'in') continue;
      push('legal', t.key === 'force' ? 0.6 : 0.3, i);
    } else if (CHANGE_WORDS.has(t.key)) {
      push('change', 0.25, i);
    }
  }
  return cues;
}

/** Opinion and hope markers outside figures: each one lowers the score. */
export function opinionMarks(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (OPINION_WORDS.has(t.key) || t.raw === 'I') n++;
  return n;
}

function isMonth(t: Token | undefined): boolean {
  return !!t && isCalendarWord(t) && !WEEKDAYS.has(t.key);
}

function nearReportingVerb(tokens: readonly Token[], i: number): boolean {
  for (let j = Math.max(0, i - 3); j <= Math.min(tokens.length - 1, i + 3); j++) {
    if (j !== i && REPORTING_VERBS.has(tokens[j].key)) return true;
  }
  return false;
}
