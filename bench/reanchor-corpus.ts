/**
 * The re-anchoring benchmark's data: a seeded article of about 1 MB of English-like prose (the reuse
 * benchmark's Zipf vocabulary and sentence styling), annotations on it, and a revision made by an
 * edit script: about 2 % of the words substituted (some as one-letter typo fixes), inserted or
 * deleted, a few sentences and paragraphs deleted and some paragraphs moved. The script records where
 * every word went, which gives the ground truth for every quote: placed unchanged, edited (some of its
 * words survive), or gone.
 */
import type { Target } from '../core/model';
import { quoteContext } from '../core/anchoring/quote-context';
import { Vocabulary, mulberry32, toProse } from './corpus-generator';

export interface ReanchorCaseOptions {
  seed?: number;
  /** Approximate length of the article in UTF-16 code units. */
  chars?: number;
  annotations?: number;
  /** Share of words edited (substituted, inserted after, or deleted). */
  editRate?: number;
}

/** Where a quote should end up, from the edit script. */
export interface QuoteTruth {
  kind: 'unchanged' | 'edited' | 'gone';
  /** The range in the new text (edited: from its first to its last word still there); -1 when gone. */
  start: number;
  end: number;
  /** Its paragraph was moved. */
  moved: boolean;
}

export interface ReanchorCase {
  oldText: string;
  newText: string;
  targets: Target[];
  truths: QuoteTruth[];
  stats: { words: number; paragraphs: number; substituted: number; typos: number; inserted: number; deleted: number; sentencesDeleted: number; paragraphsDeleted: number; paragraphsMoved: number };
}

type SlotKind = 'same' | 'typo' | 'sub' | 'ins';
interface NewSlot {
  text: string;
  from: number; // old slot id, -1 for an inserted word
  kind: SlotKind;
}

const SOURCE = 'article';
const LETTERS = 'aeioustrnlcdm';

/** A word with its punctuation: the letters are what edits change. */
function splitWord(slot: string): [string, string, string] {
  const m = /^([^\p{L}]*)(\p{L}+)(.*)$/u.exec(slot);
  return m ? [m[1], m[2], m[3]] : ['', slot, ''];
}

function typo(rnd: () => number, core: string): string {
  const at = 1 + Math.floor(rnd() * (core.length - 1));
  if (rnd() < 0.5 && at < core.length - 1 && core[at] !== core[at + 1]) return core.slice(0, at) + core[at + 1] + core[at] + core.slice(at + 2);
  const options = [...LETTERS].filter((c) => c !== core[at]);
  return core.slice(0, at) + options[Math.floor(rnd() * options.length)] + core.slice(at + 1);
}

/** Generates an article, its annotations and its revision; the same options give the same case. */
export function generateReanchorCase(options: ReanchorCaseOptions = {}): ReanchorCase {
  const rnd = mulberry32(options.seed ?? 7);
  const vocab = new Vocabulary(rnd, 20_000);
  const chars = options.chars ?? 1_000_000;
  const editRate = options.editRate ?? 0.02;
  const pick = (n: number): number => Math.floor(rnd() * n);

  // The article: paragraphs of slots (a word with its punctuation), with now and then a heading.
  const slots: string[] = [];
  const paragraphs: number[][] = [];
  for (let length = 0; length < chars; ) {
    const heading = rnd() < 0.05;
    const words = heading
      ? vocab.sentence(rnd, 3 + pick(6)).map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      : toProse(rnd, vocab.sentence(rnd, 30 + pick(90))).split(' ');
    paragraphs.push(words.map((w) => slots.push(w) - 1));
    length += words.join(' ').length + 2;
  }
  const oldText = paragraphs.map((p) => p.map((id) => slots[id]).join(' ')).join('\n\n');
  const oldStart = new Int32Array(slots.length);
  let at = 0;
  for (const p of paragraphs) {
    for (const id of p) (oldStart[id] = at), (at += slots[id].length + 1);
    at += 1; // "\n\n" instead of " " after a paragraph's last word
  }

  // The revision, word by word, then paragraph by paragraph.
  const stats = { words: slots.length, paragraphs: paragraphs.length, substituted: 0, typos: 0, inserted: 0, deleted: 0, sentencesDeleted: 0, paragraphsDeleted: 0, paragraphsMoved: 0 };
  const revised: NewSlot[][] = [];
  const movedParagraph = new Uint8Array(paragraphs.length);
  paragraphs.forEach((p, k) => {
    if (rnd() < 0.003) {
      stats.paragraphsDeleted++;
      revised.push([]);
      return;
    }
    const cut = p.length > 20 && rnd() < 0.01 ? [pick(p.length - 15), 5 + pick(10)] : [-1, 0];
    if (cut[0] >= 0) stats.sentencesDeleted++;
    const out: NewSlot[] = [];
    p.forEach((id, w) => {
      if (w >= cut[0] && w < cut[0] + cut[1]) return;
      if (rnd() >= editRate) return void out.push({ text: slots[id], from: id, kind: 'same' });
      const [lead, core, tail] = splitWord(slots[id]);
      const r = rnd();
      if (r < 0.2 && core.length >= 4) {
        stats.typos++;
        out.push({ text: lead + typo(rnd, core) + tail, from: id, kind: 'typo' });
      } else if (r < 0.5) {
        stats.substituted++;
        const word = vocab.sample(rnd);
        const cased = core[0] === core[0].toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
        out.push({ text: lead + cased + tail, from: id, kind: cased === core ? 'same' : 'sub' });
      } else if (r < 0.75) {
        stats.inserted++;
        out.push({ text: slots[id], from: id, kind: 'same' }, { text: vocab.sample(rnd), from: -1, kind: 'ins' });
      } else stats.deleted++;
    });
    revised.push(out);
    if (rnd() < 0.01) movedParagraph[k] = 1;
  });
  const order = revised.map((_, k) => k).filter((k) => !movedParagraph[k]);
  for (let k = 0; k < revised.length; k++) {
    if (!movedParagraph[k]) continue;
    stats.paragraphsMoved++;
    order.splice(pick(order.length + 1), 0, k);
  }

  const newParas = order.map((k) => revised[k]).filter((p) => p.length);
  const newText = newParas.map((p) => p.map((s) => s.text).join(' ')).join('\n\n');
  const place = new Map<number, { start: number; end: number; kind: SlotKind; index: number }>();
  at = 0;
  let index = 0;
  for (const p of newParas) {
    for (const s of p) {
      if (s.from >= 0) place.set(s.from, { start: at, end: at + s.text.length, kind: s.kind, index });
      at += s.text.length + 1;
      index++;
    }
    at += 1;
  }

  // Annotations: quotes of 1 to 60 words (short ones most often) inside one paragraph.
  const paragraphOf = new Int32Array(slots.length);
  paragraphs.forEach((p, k) => p.forEach((id) => (paragraphOf[id] = k)));
  const targets: Target[] = [];
  const truths: QuoteTruth[] = [];
  for (let n = options.annotations ?? 10_000; n > 0; n--) {
    const first = pick(slots.length);
    const para = paragraphs[paragraphOf[first]];
    const last = Math.min(para[para.length - 1], first + Math.floor(60 * rnd() ** 2));
    const start = oldStart[first];
    const end = oldStart[last] + slots[last].length;
    const exact = oldText.slice(start, end);
    targets.push({ source: SOURCE, start, end, exact, ...quoteContext(oldText, start, end), revision: 1 });
    truths.push(truthOf(first, last, movedParagraph[paragraphOf[first]] === 1, place));
    if (truths[truths.length - 1].kind === 'unchanged' && newText.slice(truths[truths.length - 1].start, truths[truths.length - 1].end) !== exact) {
      throw new Error(`generator bug: unchanged quote ${first}-${last} is not intact in the new text`);
    }
  }
  return { oldText, newText, targets, truths, stats };
}

function truthOf(first: number, last: number, moved: boolean, place: Map<number, { start: number; end: number; kind: SlotKind; index: number }>): QuoteTruth {
  const present = [];
  for (let id = first; id <= last; id++) {
    const p = place.get(id);
    if (p) present.push(p);
  }
  if (!present.some((p) => p.kind === 'same' || p.kind === 'typo')) return { kind: 'gone', start: -1, end: -1, moved };
  const a = present[0];
  const b = present[present.length - 1];
  const intact = present.length === last - first + 1 && present.every((p) => p.kind === 'same') && b.index - a.index === last - first;
  return { kind: intact ? 'unchanged' : 'edited', start: a.start, end: b.end, moved };
}
