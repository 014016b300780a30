import { beforeAll, describe, it, expect } from 'vitest';
import { type SpellChecker, type Suggestion, buildCorpus, findTypos } from '../../../core/assistant';
import { buildSpellChecker } from '../../../server/assistant/spelling-dictionary';
import { MDAA, PLEDGE, PURSUES, RENEWS, UNDERCUT, exactEverywhere, shipped } from './fixtures';

let spelling: SpellChecker;
beforeAll(async () => {
  spelling = await buildSpellChecker();
});

/** The flagged words with their first proposed correction. */
const flagged = (found: readonly Suggestion[]) => new Map(found.map((s) => [s.evidence[0].value, s.evidence[1]?.value]));

describe('typos in the shipped sources', () => {
  const sources = [PURSUES, UNDERCUT, RENEWS, PLEDGE, MDAA].map(shipped);

  it('flags the slips the issue names, with the intended word first', () => {
    const got = flagged(findTypos(buildCorpus(sources), spelling));
    expect(got.get('tody')).toBe('today');
    expect(got.get('themseleves')).toBe('themselves');
    expect(got.get('ots')).toBe('its');
    // An all-caps slip in a phrase another source writes correctly ("New START Treaty").
    expect(got.get('STARY')).toBe('START');
  });

  it('leaves names, acronyms, abbreviations and numbers alone', () => {
    const found = findTypos(buildCorpus(sources), spelling);
    const words = new Set(found.map((s) => s.evidence[0].value));
    for (const w of ['Gottemoeller', 'Gottemoller', 'Mehmanparast', 'Ghashghavi', 'JTA', 'BMD', 'ICBM', 'U.S', 'PAA']) {
      expect(words.has(w)).toBe(false);
    }
    expect(found).toHaveLength(4);
    expect(exactEverywhere(found, sources)).toBe(true);
  });

  it('says what the typo is about: the word, the correction and the source title', () => {
    const found = findTypos(buildCorpus(sources), spelling);
    const tody = found.find((s) => s.evidence[0].value === 'tody')!;
    expect(tody.category).toBe('typo');
    expect(tody.tags).toEqual(['typo']);
    expect(tody.summary).toBe('Possible typo in “US Pursues Missile Defense Cooperation With Russia”: “tody”, perhaps “today”');
    expect(tody.targets).toEqual([expect.objectContaining({ source: PURSUES, exact: 'tody' })]);
  });

  it('does not correct an all-caps word without the phrase written correctly elsewhere', () => {
    const alone = flagged(findTypos(buildCorpus([shipped(PURSUES)]), spelling));
    expect(alone.has('STARY')).toBe(false);
    expect(alone.get('tody')).toBeDefined();
  });
});

describe('typos in new texts', () => {
  const text = [
    'MAYOR ANOUNCES NEW BUDGET',
    '',
    'The goverment said the colour of the new trams would be decided by residents, according to www.tramways.example/vote.',
    'Councillor Aoife Ní Bhriain called the plan a “Schnapsidee” and the mood “kafkaesque”.',
    'The NTSB and the ECHR have not commented on the 14mph limit or the 3.2km route.',
    'Buisness owners on Quay Street met Ms Okonjo-Ferreira on Monday.',
    'Dr Vasquez-Lindholm said the trams had been recieved in March.',
  ].join('\n');
  const other = 'A second report on the budget said the borough would receive new trams. Business owners welcomed it.';
  const sources = [
    { id: 'trams', text, title: 'Mayor announces new budget' },
    { id: 'report', text: other, title: 'Budget report' },
  ];

  it('flags misspellings with a correction, in lower case, at a sentence start and in a shouted headline', () => {
    const got = flagged(findTypos(buildCorpus(sources), spelling));
    expect(got.get('goverment')).toBe('government');
    expect(got.get('recieved')).toBe('received');
    expect(got.get('Buisness')).toBe('Business');
    expect(got.get('ANOUNCES')).toBe('ANNOUNCES');
  });

  it('leaves British spellings, URLs, quoted foreign words, names and measures alone', () => {
    const words = new Set(findTypos(buildCorpus(sources), spelling).map((s) => s.evidence[0].value));
    for (const w of ['colour', 'tramways', 'Schnapsidee', 'kafkaesque', 'Bhriain', 'Okonjo', 'Ferreira', 'Vasquez', 'Lindholm', 'NTSB', 'ECHR', 'mph', 'km']) {
      expect(words.has(w)).toBe(false);
    }
    expect(words.size).toBe(4);
  });

  it('knows a rare word the corpus uses in several sources, and flags it when only one source has it', () => {
    const rare = (id: string) => ({ id, text: `The harbour board bought a new dredgr for the channel (${id}).` });
    const once = flagged(findTypos(buildCorpus([rare('a')]), spelling));
    expect(once.get('dredgr')).toBe('dredger');
    const twice = flagged(findTypos(buildCorpus([rare('a'), rare('b')]), spelling));
    expect(twice.has('dredgr')).toBe(false);
  });

  it('treats a capitalised word in mid-sentence as a name, even when it looks like a slip', () => {
    const got = flagged(findTypos(buildCorpus([{ id: 'n', text: 'The new coach, Tomm Berrick, said the team was ready.' }]), spelling));
    expect(got.size).toBe(0);
  });
});

describe('texts not in the dictionary’s language', () => {
  it('proposes no corrections in a text most of whose words the dictionary does not know, and asks for none', () => {
    // Made-up words, as in the benchmarks' generated corpora: prose in shape, not in English.
    const syllables = ['ka', 'lo', 'mi', 'tre', 'vos', 'du', 'pan', 'ge', 'ri', 'sho'];
    // Every word once (720 different ones), so none counts as the writer's own term.
    const word = (n: number) => syllables[n % 10] + syllables[Math.floor(n / 10) % 10] + syllables[Math.floor(n / 100) % 10];
    const text = Array.from({ length: 60 }, (_, s) => `${Array.from({ length: 12 }, (_, w) => word(s * 12 + w)).join(' ')}.`).join(' ');
    let lookups = 0;
    const counting: SpellChecker = { correct: (w) => (lookups++, spelling.correct(w)), suggest: (w) => (lookups++, spelling.suggest(w)) };
    const found = findTypos(buildCorpus([{ id: 'made-up', text, title: 'Made up' }]), counting);
    expect(found).toEqual([]);
    // Each distinct word looked up about once: no search for corrections (hundreds of lookups each).
    const distinct = new Set(text.toLowerCase().match(/[a-z]+/g)).size;
    expect(lookups).toBeLessThanOrEqual(2 * distinct);
    // The same pass still finds a slip in English beside it.
    const english = { id: 'english', text: 'The council met tody to discuss the budget for the new harbour wall and the ferry.', title: 'English' };
    expect(findTypos(buildCorpus([{ id: 'made-up', text, title: 'Made up' }, english]), spelling).map((s) => s.evidence[0].value)).toEqual(['tody']);
  });
});
