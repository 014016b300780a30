/**
 * The people a source names, so that "-Mr. Rose", "he stresses" and "Frank Rose said" can be compared
 * across outlets. A person is known by surname; the roster keeps the fullest form the text gives
 * ("Frank A. Rose") for display, a gender where an honorific states one (Mr./Ms.), and where the surname
 * is mentioned, which resolves "he"/"she" to the nearest matching speaker.
 */
import { type Token, FUNCTION_WORDS, isCalendarWord } from './tokens';

export type Gender = 'male' | 'female';

/** A person named in one source. */
export interface Person {
  surname: string;
  /** The fullest form the source gives: "Frank A. Rose", or the surname alone. */
  fullName: string;
  /** Set when an honorific in the source says it. */
  gender?: Gender;
  /** Start offsets of the surname's mentions, ascending. */
  mentions: number[];
}

/** The people of one source. */
export interface Roster {
  /** People met so far: everyone with an honorific, plus those `lookup` accepted. */
  readonly persons: readonly Person[];
  /**
   * The person with this surname (spelling slips of one letter tolerated in long names), created on
   * first use. `undefined` when the word does not look like a person's name or, for someone without an
   * honorific, when the source never gives a first name with it: "Moscow said" is not a person.
   */
  lookup(surname: string, firstName?: string): Person | undefined;
}

const HONORIFICS = new Map<string, Gender | undefined>([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['dr', undefined],
]);

/** Capitalised words that precede names without being first names. */
const TITLES = new Set(
  ('president presidents secretary deputy assistant under minister foreign prime vice special envoy ' +
    'ambassador senator sen rep representative general gen spokesman spokeswoman spokesperson chairman ' +
    'chairwoman director chief state defense defence official commander admiral premier chancellor king ' +
    'queen pope sir lord lady colonel captain governor mayor professor prof us u.s american russian french ' +
    'iranian british german chinese european nato un')
    .split(' '),
);

/** Last words of capitalised phrases that name organisations or places, not people. */
const NOT_SURNAMES = new Set(
  ('security states nations union government department agency ministry kremlin pentagon house council ' +
    'commission committee office administration news press service federation alliance congress senate ' +
    'parliament army navy force forces organization organisation treaty summit initiative regime daily ' +
    'times post journal newswire international institute center centre university bureau group company ' +
    'corporation bank fund party staff team washington moscow russia america europe china iran france ' +
    'turkey britain germany japan korea')
    .split(' '),
);

/** Whether `raw` looks like a name word: a capital followed by lower-case letters, not a title. */
export function isNameWord(raw: string): boolean {
  // Possessives ("Rose’s") are not names in subject position; inner capitals are ("McDonald").
  if (/['’]s$/.test(raw) || !/^\p{Lu}[\p{L}'’-]*\p{Ll}$/u.test(raw)) return false;
  const key = raw.toLowerCase();
  return !TITLES.has(key) && !FUNCTION_WORDS.has(key) && !NOT_SURNAMES.has(key) && !HONORIFICS.has(key);
}

/** The gender an honorific token states, `null` when the token is no honorific. */
export function honorificGender(token: Token): Gender | undefined | null {
  return HONORIFICS.has(token.key) ? HONORIFICS.get(token.key) : null;
}

/** Whether two spellings are the same surname, allowing one slip in names of six letters or more. */
export function sameSurname(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 6 && withinOneEdit(x, y);
}

function withinOneEdit(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}

/** The first name in a full name, if it has one. */
export function firstName(person: Person): string | undefined {
  const words = person.fullName.split(/\s+/);
  return words.length > 1 ? words[0] : undefined;
}

/**
 * Whether two people from different sources are the same: same surname and, when both sources give a
 * first name, the same first name or a matching initial.
 */
export function samePerson(a: Person, b: Person): boolean {
  if (!sameSurname(a.surname, b.surname)) return false;
  const fa = firstName(a)?.toLowerCase().replace(/\.$/, '');
  const fb = firstName(b)?.toLowerCase().replace(/\.$/, '');
  if (!fa || !fb) return true;
  if (fa.length === 1 || fb.length === 1) return fa[0] === fb[0];
  return fa === fb;
}

const INITIAL = /^(?:\p{Lu}\.?)+$/u;

/** Builds the roster of one source from its tokens. */
export function buildRoster(text: string, tokens: readonly Token[]): Roster {
  const persons: Person[] = [];
  const rejected = new Set<string>();

  const gap = (i: number, j: number): string => text.slice(tokens[i].end, tokens[j].start);

  // Surname occurrences, with the fullest name written at each; a capitalised word straight after
  // means the match was a first name ("Rose Gottemoeller"), which is not a mention of Rose.
  const occurrences = (surname: string): { offset: number; form: string; words: number }[] => {
    const out: { offset: number; form: string; words: number }[] = [];
    tokens.forEach((t, i) => {
      if (!sameSurname(t.raw, surname) || !/^\p{Lu}/u.test(t.raw)) return;
      const next = tokens[i + 1];
      if (next && /^[ \t]+$/.test(gap(i, i + 1)) && isNameWord(next.raw)) return;
      let first = i;
      let words = 1;
      let j = i - 1;
      while (j >= 0 && INITIAL.test(tokens[j].raw) && tokens[j].raw.length <= 4 && /^\.?[ \t]+$/.test(gap(j, j + 1))) {
        j--;
        words++;
      }
      if (j >= 0 && /^[ \t]+$/.test(gap(j, j + 1)) && isNameWord(tokens[j].raw) && !isCalendarWord(tokens[j])) {
        first = j;
        words++;
      } else {
        words = 1;
      }
      out.push({ offset: t.start, form: text.slice(tokens[first].start, t.end), words });
    });
    return out;
  };

  const create = (surname: string, gender: Gender | undefined): Person => {
    const found = occurrences(surname);
    let best = { form: surname, words: 1 };
    for (const o of found) if (o.words > best.words) best = o;
    const person: Person = { surname, fullName: best.form, mentions: found.map((o) => o.offset) };
    if (gender) person.gender = gender;
    persons.push(person);
    return person;
  };

  const find = (surname: string): Person | undefined => persons.find((p) => sameSurname(p.surname, surname));

  for (let i = 0; i + 1 < tokens.length; i++) {
    const gender = honorificGender(tokens[i]);
    if (gender === null || !/^\.?[ \t]+$/.test(gap(i, i + 1))) continue;
    const surname = tokens[i + 1].raw;
    if (!isNameWord(surname)) continue;
    const known = find(surname);
    if (!known) create(surname, gender);
    else if (gender && !known.gender) known.gender = gender;
  }

  return {
    persons,
    lookup(surname: string, first?: string): Person | undefined {
      if (!isNameWord(surname)) return undefined;
      const known = find(surname);
      if (known) return known;
      if (rejected.has(surname)) return undefined;
      const person = create(surname, undefined);
      if (!first && person.fullName === surname) {
        persons.pop();
        rejected.add(surname);
        return undefined;
      }
      return person;
    },
  };
}
