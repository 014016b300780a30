/**
 * Context shifts (issue 11): a block of text two sources share, placed after different people's words
 * ("the Joint Threat Assessment block follows Rose Gottemoeller's remarks in one article and Ellen
 * Tauscher's speech in the other"). A reader takes an unattributed block as the nearest speaker's, so
 * the same copy reads as two people's statements; a desk wants that flagged.
 *
 * The speaker a block follows is the nearest attributed sentence before it, looking back a few
 * sentences (speaker.ts); a block with no speaker near it on either side is not compared. Short
 * passages are left to the attribution check of core/inconsistency, which compares sentence by sentence.
 */
import { sentenceIndexAt } from '../inconsistency/document';
import { checkSpan } from '../inconsistency/suggest';
import { suggestionId } from '../inconsistency/suggestion-id';
import type { Suggestion } from '../inconsistency/types';
import type { ReusePassage, ReuseSpan } from '../model/schemas';
import { type Corpus, type CorpusDoc, quotedTitle, targetOf } from './corpus';
import { type Speaker, sameSpeaker, sentenceSpeakers } from './speaker';

export interface ContextShiftOptions {
  /** Shortest shared passage, in words, that counts as a block (default 40). */
  minWords?: number;
  /** How many sentences before a block its speaker may be (default 6). */
  reach?: number;
}

export const DEFAULT_CONTEXT_MIN_WORDS = 40;
export const DEFAULT_CONTEXT_REACH = 6;
const PREVIEW_WORDS = 8;

/**
 * The blocks that follow different speakers in their two sources, ordered by source id and offset.
 * Boilerplate passages and passages naming a source missing from the corpus are skipped.
 *
 * @throws RangeError when a passage's span does not lie inside its source's text.
 */
export function findContextShifts(corpus: Corpus, passages: readonly ReusePassage[], options: ContextShiftOptions = {}): Suggestion[] {
  const minWords = options.minWords ?? DEFAULT_CONTEXT_MIN_WORDS;
  const reach = options.reach ?? DEFAULT_CONTEXT_REACH;
  const found = new Map<string, Suggestion>();
  for (const p of passages) {
    if (p.boilerplate || p.words < minWords) continue;
    const a = corpus.byId.get(p.a.source);
    const b = corpus.byId.get(p.b.source);
    if (!a || !b) continue;
    checkSpan(a.doc, p.a);
    checkSpan(b.doc, p.b);
    const sa = precedingSpeaker(a, p.a.start, reach);
    const sb = precedingSpeaker(b, p.b.start, reach);
    if (!sa || !sb || sameSpeaker(sa, sb)) continue;
    const [first, second] = a.id <= b.id ? [{ entry: a, span: p.a, speaker: sa }, { entry: b, span: p.b, speaker: sb }] : [{ entry: b, span: p.b, speaker: sb }, { entry: a, span: p.a, speaker: sa }];
    const s = shiftSuggestion(first, second, p.words);
    if (!found.has(s.id)) found.set(s.id, s);
  }
  return [...found.values()].sort(
    (x, y) => x.targets[0].source.localeCompare(y.targets[0].source) || x.targets[0].start - y.targets[0].start,
  );
}

/** The nearest speaker at or before `offset`, within `reach` sentences. */
export function precedingSpeaker(entry: CorpusDoc, offset: number, reach: number): Speaker | undefined {
  const { doc } = entry;
  const speakers = sentenceSpeakers(doc);
  // The sentence the block starts in counts when the block starts inside it.
  let i = sentenceIndexAt(doc, offset);
  if (!(i < doc.sentences.length && doc.sentences[i].start < offset)) i--;
  for (let k = 0; k < reach && i >= 0; k++, i--) {
    if (speakers[i]) return speakers[i];
  }
  return undefined;
}

interface Side {
  entry: CorpusDoc;
  span: ReuseSpan;
  speaker: Speaker;
}

function shiftSuggestion(first: Side, second: Side, words: number): Suggestion {
  const text = first.entry.doc.text.slice(first.span.start, first.span.end);
  const opening = text.split(/\s+/).filter(Boolean);
  const preview = opening.slice(0, PREVIEW_WORDS).join(' ') + (opening.length > PREVIEW_WORDS ? '…' : '');
  const possessive = (name: string) => `${name}’s`;
  return {
    id: suggestionId(['context', first.entry.id, second.entry.id, first.speaker.name, second.speaker.name, opening.slice(0, 12).join(' ').toLowerCase()], 'sug'),
    category: 'context',
    summary:
      `The ${words}-word block “${preview}” follows ${possessive(first.speaker.name)} remarks in ${quotedTitle(first.entry)} ` +
      `and ${possessive(second.speaker.name)} in ${quotedTitle(second.entry)}`,
    targets: [targetOf(first.entry, first.span), targetOf(second.entry, second.span)],
    evidence: [first, second].map((side) => ({
      source: side.entry.id,
      value: side.speaker.name,
      start: side.speaker.cue.start,
      end: side.speaker.cue.end,
    })),
    tags: ['context'],
  };
}
