/**
 * Deterministic synthetic news corpora for the reuse benchmark. Documents of about 800 words belong to
 * one of several outlets, each with its own header and footer chrome; passages of 15-250 words are
 * planted in 2-4 documents each, every copy with 0-5% word edits, its own quote style and its own line
 * wrapping; a set of stock phrases recurs in every outlet and must not come out as reuse. Everything
 * derives from one seed (mulberry32), so a corpus and its ground truth are reproducible.
 */

/** Seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDoc {
  id: string;
  text: string;
  /** Absent when the corpus was generated with `dropOutlets`. */
  outlet?: string;
}

/** Raw span of one planted copy. */
export interface PlantedCopy {
  doc: string;
  start: number;
  end: number;
}

/** A planted passage with its copies (in different documents). */
export interface PlantedPassage {
  id: number;
  words: number;
  copies: PlantedCopy[];
}

/** Raw spans of a document's header and footer chrome. */
export interface Chrome {
  header: [number, number];
  footer: [number, number];
}

export interface Corpus {
  docs: GeneratedDoc[];
  planted: PlantedPassage[];
  chrome: Map<string, Chrome>;
  words: number;
}

export interface CorpusOptions {
  docs: number;
  seed?: number;
  outlets?: number;
  /** Planted passages per document (each is then copied into 2-4 documents). */
  plantedPerDoc?: number;
  /**
   * Leave the outlet field out of every document (texts and ground truth unchanged): the corpus a
   * user without sidecars has, on which boilerplate needs inferred outlets.
   */
  dropOutlets?: boolean;
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'st', 'tr', 'pl', 'gr', 'sh', 'ch'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck'];

/** A vocabulary of distinct pseudo-words with Zipf-distributed sampling, like real prose. */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly cumulative: Float64Array;

  constructor(rnd: () => number, size: number) {
    const seen = new Set<string>();
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    while (this.words.length < size) {
      const syllables = this.words.length < 60 ? 1 : 1 + Math.floor(rnd() * 3);
      let w = '';
      for (let k = 0; k < syllables; k++) w += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
      if (!seen.has(w)) {
        seen.add(w);
        this.words.push(w);
      }
    }
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) this.cumulative[r] = total += 1 / (r + 1);
    for (let r = 0; r < size; r++) this.cumulative[r] /= total;
  }

  sample(rnd: () => number): string {
    const u = rnd();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo];
  }

  sentence(rnd: () => number, count: number): string[] {
    return Array.from({ length: count }, () => this.sample(rnd));
  }
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Words to prose: capitalised sentences, commas, a quotation and possessives in straight quotes. */
export function toProse(rnd: () => number, words: readonly string[]): string {
  let out = '';
  let sentenceStart = true;
  let inQuote = false;
  words.forEach((w, k) => {
    let word = sentenceStart ? cap(w) : w;
    if (rnd() < 0.03) word += "'s";
    if (!inQuote && rnd() < 0.02 && k < words.length - 4) {
      word = '"' + word;
      inQuote = true;
    }
    sentenceStart = false;
    const last = k === words.length - 1;
    if (last || rnd() < 0.08) {
      word += inQuote ? '."' : '.';
      inQuote = false;
      sentenceStart = true;
    } else if (rnd() < 0.07) word += ',';
    out += (k ? ' ' : '') + word;
  });
  return out;
}

/** 0-5% word edits on a space-separated text: substitutions, insertions and deletions of single words. */
function editWords(rnd: () => number, vocab: Vocabulary, text: string): string {
  const rate = rnd() * 0.05;
  const out: string[] = [];
  for (const w of text.split(' ')) {
    if (rnd() >= rate) {
      out.push(w);
      continue;
    }
    const kind = rnd();
    if (kind < 0.4) out.push(vocab.sample(rnd));
    else if (kind < 0.7) out.push(w, vocab.sample(rnd));
    // else: dropped
  }
  return out.length ? out.join(' ') : text;
}

/** Curly quotes for straight ones (a copy edited in a word processor). */
function curlQuotes(text: string): string {
  return text.replace(/(^|\s)"/g, '$1\u201c').replace(/"/g, '\u201d').replace(/'/g, '\u2019');
}

/** Hard-wraps at `width` by turning spaces into newlines: offsets are unchanged. */
function wrap(text: string, width: number): string {
  const chars = text.split('');
  let lineStart = 0;
  let lastSpace = -1;
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] === ' ') lastSpace = k;
    if (k - lineStart >= width && lastSpace > lineStart) {
      chars[lastSpace] = '\n';
      lineStart = lastSpace + 1;
    }
  }
  return chars.join('');
}

interface OutletStyle {
  name: string;
  header: string[];
  footer: string[];
}

function makeOutlet(rnd: () => number, vocab: Vocabulary, k: number): OutletStyle {
  const words = (n: number): string => vocab.sentence(rnd, n).map(cap).join(' ');
  const name = `${words(2)} ${['Times', 'Post', 'Herald', 'Wire', 'Daily', 'Journal', 'Gazette', 'Monitor'][k % 8]}`;
  return {
    name,
    header: [
      `Skip to content ${words(1)} ${words(1)}`,
      Array.from({ length: 6 }, () => words(1)).join(' | '),
      name,
      `${words(7)} since ${1900 + Math.floor(rnd() * 100)}`,
      'Subscribe Sign in',
    ],
    footer: [
      'Related stories',
      `More from ${name}`,
      toProse(rnd, vocab.sentence(rnd, 26)),
      'About | Contact | Privacy | Terms',
      `© 2024 ${name}. All rights reserved.`,
    ],
  };
}

/** Generates a corpus; the same options always give the same corpus. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const rnd = mulberry32(options.seed ?? 42);
  const vocab = new Vocabulary(rnd, 20_000);
  const outlets = Array.from({ length: options.outlets ?? 8 }, (_, k) => makeOutlet(rnd, vocab, k));
  const stock = Array.from({ length: 40 }, () => vocab.sentence(rnd, 3 + Math.floor(rnd() * 3)));
  const n = options.docs;
  const pad = String(n).length;
  const ids = Array.from({ length: n }, (_, k) => `doc-${String(k).padStart(pad, '0')}`);

  // Planted passages: the words of each, and which documents receive a copy.
  const plantedWords: string[][] = [];
  const plantedText: string[] = [];
  const inDoc: number[][] = ids.map(() => []);
  const passages = Math.round(n * (options.plantedPerDoc ?? 0.3));
  for (let p = 0; p < passages; p++) {
    plantedWords.push(vocab.sentence(rnd, 15 + Math.floor(rnd() * 236)));
    plantedText.push(toProse(rnd, plantedWords[p]));
    const copies = 2 + Math.floor(rnd() * 3);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(copies, n)) chosen.add(Math.floor(rnd() * n));
    for (const d of chosen) inDoc[d].push(p);
  }
  const planted: PlantedPassage[] = plantedWords.map((w, id) => ({ id, words: w.length, copies: [] }));
  const chrome = new Map<string, Chrome>();
  let totalWords = 0;

  const docs = ids.map((id, d) => {
    const outlet = outlets[Math.floor(rnd() * outlets.length)];
    const width = rnd() < 0.4 ? 0 : 50 + Math.floor(rnd() * 40);
    const curly = rnd() < 0.5;
    const styled = (s: string): string => (curly ? curlQuotes(s) : s);
    let text = '';
    const add = (para: string): number => {
      const at = text.length;
      text += (text ? '\n\n' : '') + (width ? wrap(para, width) : para);
      return at + (at ? 2 : 0);
    };
    outlet.header.forEach((line) => add(line));
    const headerEnd = text.length;
    add(vocab.sentence(rnd, 6 + Math.floor(rnd() * 5)).map(cap).join(' '));
    let words = 0;
    const target = 700 - inDoc[d].reduce((sum, p) => sum + plantedWords[p].length, 0);
    const paragraphs: string[][] = [];
    while (words < Math.max(target, 120)) {
      const para = vocab.sentence(rnd, 40 + Math.floor(rnd() * 50));
      if (rnd() < 0.7) para.splice(Math.floor(rnd() * para.length), 0, ...stock[Math.floor(rnd() * stock.length)]);
      paragraphs.push(para);
      words += para.length;
    }
    // Each planted copy goes in as its own paragraph or spliced into the middle of one.
    const slots = inDoc[d].map((p) => ({ p, at: Math.floor(rnd() * (paragraphs.length + 1)), own: rnd() < 0.6 }));
    slots.sort((x, y) => x.at - y.at);
    let next = 0;
    for (let k = 0; k <= paragraphs.length; k++) {
      while (next < slots.length && slots[next].at === k) {
        const { p, own } = slots[next++];
        const copy = styled(editWords(rnd, vocab, plantedText[p]));
        if (own || k === paragraphs.length) {
          const start = add(copy);
          planted[p].copies.push({ doc: id, start, end: start + copy.length });
        } else {
          const para = paragraphs[k];
          const cut = 5 + Math.floor(rnd() * Math.max(1, para.length - 10));
          const before = styled(toProse(rnd, para.slice(0, cut)));
          const start = add(`${before} ${copy} ${styled(toProse(rnd, para.slice(cut)))}`) + before.length + 1;
          planted[p].copies.push({ doc: id, start, end: start + copy.length });
          paragraphs[k] = [];
        }
      }
      if (k < paragraphs.length && paragraphs[k].length) add(styled(toProse(rnd, paragraphs[k])));
    }
    const footerStart = text.length + 2;
    outlet.footer.forEach((line) => add(line));
    chrome.set(id, { header: [0, headerEnd], footer: [footerStart, text.length] });
    totalWords += text.split(/\s+/).length;
    return options.dropOutlets ? { id, text } : { id, text, outlet: outlet.name };
  });
  return { docs, planted: planted.filter((p) => p.copies.length >= 2), chrome, words: totalWords };
}
