/**
 * Precision and recall of the assistant's suggestions against the labels, per category and per part
 * of the labelled set. A claim or typo suggestion is right when its target overlaps a labelled span of
 * its source; a name variant when its evidence names both labelled spellings; a context shift when it
 * targets both labelled sources and overlaps the labelled block. Each label is matched at most once;
 * a second suggestion on an already matched label is neither right nor wrong (a sentence the detector
 * split in two).
 */
import { sameSurname } from '../core/inconsistency/people';
import type { Suggestion } from '../core/inconsistency/types';
import type { LabelledCorpus, LabelledSource, Split } from './assistant-labels';

export interface CategoryScore {
  labels: number;
  found: number;
  suggested: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

export interface SplitScore {
  split: Split | 'all';
  sources: number;
  words: number;
  claim: CategoryScore;
  typo: CategoryScore & { correctionRight: number; falsePer1000Words: number };
  nameVariant: CategoryScore;
  /** Labelled claimants whose claim was found, and how many of those got the right claimant. */
  claimant: { labelled: number; right: number };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function score(labels: number, found: number, suggested: number, falsePositives: number): CategoryScore {
  return {
    labels,
    found,
    suggested,
    falsePositives,
    precision: found + falsePositives === 0 ? 1 : found / (found + falsePositives),
    recall: labels === 0 ? 1 : found / labels,
  };
}

/** Scores the suggestions for the sources of one split (or all). */
export function scoreSplit(corpus: LabelledCorpus, suggestions: readonly Suggestion[], split: Split | 'all'): SplitScore {
  const sources = corpus.sources.filter((s) => split === 'all' || s.split === split);
  const ids = new Set(sources.map((s) => s.id));
  const mine = suggestions.filter((s) => ids.has(s.targets[0].source));

  // Claims and typos: one target each, matched against the labelled spans of its source.
  let claimantLabelled = 0;
  let claimantRight = 0;
  const claims = matchSpans(sources, mine, 'claim', (s) => s.claims, (label, s) => {
    if (!label.claimant) return;
    claimantLabelled++;
    if (sameClaimant(label.claimant, s.claim?.claimant ?? '')) claimantRight++;
  });
  let correctionRight = 0;
  const typos = matchSpans(sources, mine, 'typo', (s) => s.typos, (label, s) => {
    if ((s.evidence[1]?.value ?? '').toLowerCase() === label.intended.toLowerCase()) correctionRight++;
  });

  // Name variants: a suggestion may span sources of several parts, so it is matched against every
  // label; a match counts for the part of the labelled source, a miss for the part of its first target.
  const variantLabels = corpus.sources.flatMap((s) => s.nameVariants.map((v) => ({ ...v, source: s.id })));
  const matchedVariants = new Set<number>();
  let variantFalse = 0;
  let variantSuggested = 0;
  for (const s of suggestions.filter((x) => x.category === 'name-variant')) {
    const values = s.evidence.map((e) => e.value.toLowerCase());
    const hit = variantLabels.findIndex(
      (l) => values.some((v) => v.includes(l.variant.toLowerCase())) && values.some((v) => v.includes(l.canonical.toLowerCase())),
    );
    if (hit >= 0 && ids.has(variantLabels[hit].source)) {
      matchedVariants.add(hit);
      variantSuggested++;
    } else if (hit < 0 && ids.has(s.targets[0].source)) {
      variantFalse++;
      variantSuggested++;
    }
  }
  const splitVariantLabels = variantLabels.filter((l) => ids.has(l.source)).length;

  const words = sources.reduce((n, s) => n + s.words, 0);
  return {
    split,
    sources: sources.length,
    words,
    claim: claims,
    typo: {
      ...typos,
      correctionRight,
      falsePer1000Words: (typos.falsePositives * 1000) / Math.max(1, words),
    },
    nameVariant: score(splitVariantLabels, matchedVariants.size, variantSuggested, variantFalse),
    claimant: { labelled: claimantLabelled, right: claimantRight },
  };
}

/**
 * Matches the single-target suggestions of one category to labelled spans, source by source;
 * `onMatch` sees each label matched for the first time with the suggestion that matched it.
 */
function matchSpans<L extends { start: number; end: number }>(
  sources: readonly LabelledSource[],
  suggestions: readonly Suggestion[],
  category: 'claim' | 'typo',
  labelsOf: (s: LabelledSource) => readonly L[],
  onMatch: (label: L, s: Suggestion) => void,
): CategoryScore {
  let labels = 0;
  let found = 0;
  let falsePositives = 0;
  const ofCategory = suggestions.filter((s) => s.category === category);
  for (const source of sources) {
    const list = labelsOf(source);
    labels += list.length;
    const matched = new Set<number>();
    for (const s of ofCategory.filter((c) => c.targets[0].source === source.id)) {
      const hit = list.findIndex((l) => overlaps(l, s.targets[0]));
      if (hit < 0) falsePositives++;
      else if (!matched.has(hit)) {
        matched.add(hit);
        found++;
        onMatch(list[hit], s);
      }
    }
  }
  return score(labels, found, ofCategory.length, falsePositives);
}

/** Context shifts over the whole labelled set (too few for parts). */
export function scoreContexts(corpus: LabelledCorpus, suggestions: readonly Suggestion[]): CategoryScore {
  const contexts = suggestions.filter((s) => s.category === 'context');
  const matched = new Set<number>();
  let falsePositives = 0;
  for (const s of contexts) {
    const hit = corpus.contexts.findIndex((l) => {
      const a = s.targets.find((t) => t.source === l.a);
      return !!a && s.targets.some((t) => t.source === l.b) && overlaps(a, l);
    });
    if (hit < 0) falsePositives++;
    else matched.add(hit);
  }
  return score(corpus.contexts.length, matched.size, contexts.length, falsePositives);
}

/** The suggestions that match no label, for looking at what went wrong. */
export function unmatched(corpus: LabelledCorpus, suggestions: readonly Suggestion[], source: LabelledSource): Suggestion[] {
  return suggestions.filter((s) => {
    if (s.targets[0].source !== source.id) return false;
    if (s.category === 'claim') return !source.claims.some((l) => overlaps(l, s.targets[0]));
    if (s.category === 'typo') return !source.typos.some((l) => overlaps(l, s.targets[0]));
    return false;
  });
}

/** Same surname (a one-letter slip allowed, as the name matcher does) or the label inside the name. */
function sameClaimant(label: string, found: string): boolean {
  const last = (s: string) => s.trim().split(/\s+/).pop() ?? '';
  return found !== '' && (sameSurname(last(label), last(found)) || found.toLowerCase().includes(label.toLowerCase()));
}
