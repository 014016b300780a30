/**
 * Named fixtures for the export tests: the real seed sources, one synthetic source with characters
 * outside the BMP, and a populated set with every kind of annotation. Passages are located by their
 * text, never by hard-coded offsets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { quoteContext } from '../../../core/anchoring/quote-context';
import type { Annotation, HistoryItem, ReusePassage, Source, Target } from '../../../core/model';
import type { ExportInput } from '../../../core/export';

const SOURCES_DIR = join(import.meta.dirname, '../../../sources');

import { SEEDS } from '../../helpers/fixtures';

export { SEEDS };

/** A source whose text has surrogate pairs before and inside the annotated passage. */
export const ASTRAL_ID = 'astral-sample';
export const ASTRAL_TEXT = 'Intro 😀 then 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text.\nThe quote 🚀 lands here, after 🎉 emoji.\nThe quote 🚀 lands here, again.';

/** Every seed source from sources/ (with its sidecar metadata), then the astral sample. */
export function loadSources(): Map<string, Source> {
  const sources = new Map<string, Source>();
  for (const file of readdirSync(SOURCES_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const id = file.slice(0, -4);
    const text = readFileSync(join(SOURCES_DIR, file), 'utf8').replace(/\r\n?/g, '\n');
    const meta = JSON.parse(readFileSync(join(SOURCES_DIR, `${id}.meta.json`), 'utf8')) as Record<string, string>;
    sources.set(id, {
      id,
      title: meta.title,
      outlet: meta.outlet,
      ...(meta.author ? { author: meta.author } : {}),
      ...(meta.published ? { published: meta.published } : {}),
      guessed: [],
      length: text.length,
      hash: `fixture-${id}`,
      text,
    });
  }
  sources.set(ASTRAL_ID, {
    id: ASTRAL_ID,
    title: 'Astral <sample> & friends',
    outlet: 'Test Outlet',
    url: 'https://example.org/astral-sample',
    guessed: [],
    length: ASTRAL_TEXT.length,
    hash: 'fixture-astral',
    text: ASTRAL_TEXT,
  });
  return sources;
}

export const SOURCES = loadSources();

/** A stored target over the `occurrence`-th (0-based) occurrence of `exact` in a source. */
export function target(source: string, exact: string, occurrence = 0): Target {
  const text = SOURCES.get(source)?.text;
  if (text === undefined) throw new Error(`fixture source missing: ${source}`);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`fixture quote not found in ${source}: ${exact} (#${occurrence})`);
  }
  const end = start + exact.length;
  return { source, start, end, exact, ...quoteContext(text, start, end) };
}

let counter = 0;
function annotation(fields: Partial<Annotation> & Pick<Annotation, 'kind' | 'targets'>): Annotation {
  counter++;
  return {
    id: `a_fixture${counter}`,
    revision: 1 + (counter % 3),
    created: `2026-03-0${1 + (counter % 9)}T10:00:00.000Z`,
    modified: `2026-03-1${counter % 10}T12:30:00.000Z`,
    creator: 'Fixture Checker',
    set: 'fact check',
    tags: [],
    note: '',
    ...fields,
  };
}

export const ROSE_QUOTE =
  'Close cooperation between Russia and the United States and NATO is the best and most enduring way for Russia to gain the assurance';
export const EVIDENCE_URL = 'https://2009-2017.state.gov/t/avc/rls/2013/211029.htm';
export const EVIDENCE_URL_2 = 'https://newsblaze.com/story/20130501/us-pursues-missile-defense-cooperation';

export const CLAIM_MOSTLY_TRUE = annotation({
  kind: 'claim',
  targets: [target(SEEDS.gsnRenews, ROSE_QUOTE)],
  tags: ['attribution', 'speech'],
  note: 'Matches the State Department transcript.\nThe forum was in "Paris", not Brussels.',
  claim: {
    claimant: 'Frank Rose',
    verdict: 'mostly-true',
    evidence: [EVIDENCE_URL, EVIDENCE_URL_2],
  },
});

export const CLAIM_FALSE = annotation({
  kind: 'claim',
  targets: [target(SEEDS.gsnPledge, 'the missile interceptors would secretly be aimed at undermining the Russian nuclear deterrent')],
  claim: { claimant: 'Russian Ministry of Defence', verdict: 'false', evidence: [] },
});

export const CLAIM_MISLEADING = annotation({
  kind: 'claim',
  targets: [target(SEEDS.nbPursues, 'missile defense cooperation with Russia is a Presidential priority')],
  note: '=cmd|" /C calc"!A0 is not a formula here',
  claim: { claimant: 'NATO', verdict: 'misleading', evidence: ['https://www.nato.int/cps/en/natolive/official_texts_68828.htm'] },
});

export const CLAIM_UNVERIFIED = annotation({
  kind: 'claim',
  targets: [target(SEEDS.gsnRenews, 'The deployment of the antimissile assets is slated to wrap up in 2020.')],
  claim: { claimant: '', verdict: 'unverified', evidence: [] },
});

export const NOTE_WITH_TAGS = annotation({
  kind: 'note',
  targets: [target(SEEDS.nbPursues, 'tody underlined')],
  tags: ['typo', 'copy-edit'],
  note: 'Typo: "tody" should be "today", see also\nline two with a comma, and a quote ".\n- not a list\n# not a heading <b>not bold</b> *nor this* [nor](link)',
});

/** "missile defense" occurs many times: this targets its third occurrence, so anchoring must not take the first. */
export const NOTE_REPEATED_QUOTE = annotation({
  kind: 'note',
  targets: [target(SEEDS.nbPursues, 'missile defense', 2)],
  note: '+1 for the repetition',
});

export const INCONSISTENCY = annotation({
  kind: 'inconsistency',
  targets: [
    target(SEEDS.gsnRenews, 'Deputy Assistant Secretary of State for Arms Control, Verification and Compliance Frank Rose'),
    target(SEEDS.nbPursues, 'Deputy Assistant Secretary Frank A. Rose for Bureau of Arms Control, Verification and Compliance'),
  ],
  tags: ['title'],
  note: 'The two outlets give Rose different titles.',
});

export const REUSE = annotation({
  kind: 'reuse',
  targets: [
    target(SEEDS.mdaa, 'to cooperate with Russia on missile'),
    target(SEEDS.nbPursues, 'to cooperate with Russia on missile'),
    target(SEEDS.nbUndercut, 'to cooperate with Russia on missile'),
  ],
  note: 'Same phrasing in three outlets.',
});

/** A note on the astral sample: its passage is the second "The quote 🚀 lands here" after several pairs. */
export const ASTRAL_NOTE = annotation({
  kind: 'note',
  targets: [target(ASTRAL_ID, 'quote 🚀 lands here', 1)],
  note: 'Emoji 🎉 in the note too.',
  tags: ['𝔘nicode'],
});

export const ALL_ANNOTATIONS: readonly Annotation[] = [
  CLAIM_MOSTLY_TRUE,
  CLAIM_FALSE,
  CLAIM_MISLEADING,
  CLAIM_UNVERIFIED,
  NOTE_WITH_TAGS,
  NOTE_REPEATED_QUOTE,
  INCONSISTENCY,
  REUSE,
  ASTRAL_NOTE,
];

/**
 * Histories as a store keeps them: each annotation created by its creator, and the false claim's
 * verdict changed by a second person (a verdict change that must stay traceable through a round trip).
 */
export const VERDICT_CHANGE: HistoryItem = {
  revision: 2,
  action: 'updated',
  at: '2026-03-20T09:15:00.000Z',
  by: 'Second Checker',
  changes: [{ field: 'claim', before: { claimant: 'Russian Ministry of Defence', verdict: 'true', evidence: [] }, after: CLAIM_FALSE.claim }],
};
export const HISTORY: ReadonlyMap<string, readonly HistoryItem[]> = new Map(
  ALL_ANNOTATIONS.map((a) => {
    const created: HistoryItem = { revision: 1, action: 'created', at: a.created, by: a.creator, changes: [] };
    return [a.id, a === CLAIM_FALSE ? [created, VERDICT_CHANGE] : [created]];
  }),
);

/** Aligned reuse among the seeds, as issue 3 would report it (values made up but consistent). */
export const REUSE_PASSAGES: readonly ReusePassage[] = [
  {
    a: { source: SEEDS.gsnRenews, start: 0, end: 87 },
    b: { source: SEEDS.gsnPledge, start: 0, end: 87 },
    words: 14,
    similarity: 1,
    boilerplate: true,
  },
  {
    a: { source: SEEDS.nbPursues, start: 100, end: 400 },
    b: { source: SEEDS.nbUndercut, start: 200, end: 500 },
    words: 52,
    similarity: 0.93,
    boilerplate: false,
  },
  {
    a: { source: SEEDS.nbUndercut, start: 900, end: 1000 },
    b: { source: SEEDS.nbPursues, start: 800, end: 900 },
    words: 17,
    similarity: 0.9,
    boilerplate: false,
  },
  {
    a: { source: SEEDS.nbPursues, start: 8000, end: 8060 },
    b: { source: SEEDS.nbUndercut, start: 8000, end: 8060 },
    words: 9,
    similarity: 1,
    boilerplate: true,
  },
];

/** The populated export input. */
export function populatedInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    set: { name: 'fact check', description: 'Checks on the Paris speech coverage.' },
    annotations: ALL_ANNOTATIONS,
    sources: SOURCES,
    reuse: REUSE_PASSAGES,
    ...overrides,
  };
}
