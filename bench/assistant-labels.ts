/**
 * The labelled corpus of the assistant benchmark: the original articles in bench/assistant-corpus/
 * and the five shipped sources, with their labels (bench/assistant-corpus/labels/*.json) resolved to
 * offsets. A label quotes the text it marks; a quote that is not in its source is an error, so labels
 * cannot silently drift from the texts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Split = 'tune' | 'held-out' | 'shipped';

/** A checkable sentence, marked by a quote from it, with its claimant where the source names one. */
export interface ClaimLabel {
  start: number;
  end: number;
  claimant?: string;
}

/** One misspelled word occurrence and the word meant. */
export interface TypoLabel {
  start: number;
  end: number;
  word: string;
  intended: string;
}

export interface NameVariantLabel {
  variant: string;
  canonical: string;
}

export interface LabelledSource {
  id: string;
  title: string;
  outlet: string;
  story?: string;
  text: string;
  split: Split;
  words: number;
  claims: ClaimLabel[];
  typos: TypoLabel[];
  nameVariants: NameVariantLabel[];
}

export interface ContextLabel {
  a: string;
  b: string;
  /** Start of the block in `a`. */
  start: number;
  end: number;
  speakers: [string, string];
}

export interface LabelledCorpus {
  sources: LabelledSource[];
  contexts: ContextLabel[];
}

interface LabelFile {
  source: string;
  split: Split;
  dir?: string;
  claims: { at: string; claimant?: string }[];
  typos: { word: string; intended: string }[];
  nameVariants: NameVariantLabel[];
}

/** Reads the corpus and its labels from `root` (the repository root). */
export function loadLabelledCorpus(root: string): LabelledCorpus {
  const corpusDir = join(root, 'bench', 'assistant-corpus');
  const labelDir = join(corpusDir, 'labels');
  const sources: LabelledSource[] = [];
  for (const file of readdirSync(labelDir).filter((f) => f.endsWith('.json') && f !== 'contexts.json').sort()) {
    const label = JSON.parse(readFileSync(join(labelDir, file), 'utf8')) as LabelFile;
    const dir = label.dir === 'sources' ? join(root, 'sources') : corpusDir;
    const text = readFileSync(join(dir, `${label.source}.txt`), 'utf8').replace(/\r\n?/g, '\n');
    const meta = JSON.parse(readFileSync(join(dir, `${label.source}.meta.json`), 'utf8')) as {
      title: string;
      outlet: string;
      story?: string;
    };
    sources.push({
      id: label.source,
      title: meta.title,
      outlet: meta.outlet,
      story: meta.story,
      text,
      split: label.split,
      words: (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length,
      claims: label.claims.map((c) => ({ ...locate(text, c.at, label.source), claimant: c.claimant })),
      typos: label.typos.flatMap((t) => wordOccurrences(text, t.word, label.source).map((o) => ({ ...o, ...t }))),
      nameVariants: label.nameVariants,
    });
  }
  const contextFile = JSON.parse(readFileSync(join(labelDir, 'contexts.json'), 'utf8')) as {
    contexts: { a: string; b: string; block: string; speakers: [string, string] }[];
  };
  const contexts = contextFile.contexts.map((c) => {
    const a = sources.find((s) => s.id === c.a);
    if (!a || !sources.some((s) => s.id === c.b)) throw new Error(`context label names an unknown source: ${c.a} / ${c.b}`);
    return { a: c.a, b: c.b, speakers: c.speakers, ...locate(a.text, c.block, c.a) };
  });
  return { sources, contexts };
}

function locate(text: string, quote: string, source: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`label quote not found in ${source}: ${quote}`);
  return { start, end: start + quote.length };
}

function wordOccurrences(text: string, word: string, source: string): { start: number; end: number }[] {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))].map((m) => ({
    start: m.index!,
    end: m.index! + word.length,
  }));
  if (out.length === 0) throw new Error(`labelled typo not found in ${source}: ${word}`);
  return out;
}
