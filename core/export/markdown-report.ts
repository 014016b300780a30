/**
 * A Markdown report of an annotation set, for reading and for sharing with editors: per source (title,
 * outlet, date), its claims with verdicts and quotes, its notes, the inconsistencies and marked reuse
 * with every passage they link, and a summary of duplicate coverage from the reuse passages (words shared
 * with each other source, site boilerplate counted apart).
 *
 * All user text goes through markdown-escape.ts, so it renders as written and never as HTML.
 */
import { type Annotation, KIND_LABELS, type Kind, type ReusePassage, type Source, VERDICT_LABELS } from '../model';
import type { ExportInput } from './export-input';
import { blockquote, inlineText, paragraphs } from './markdown-escape';

/** Sections per source, in order, for annotations of each kind. */
const SECTIONS: readonly { kind: Kind; title: string }[] = [
  { kind: 'claim', title: 'Claims' },
  { kind: 'note', title: 'Notes' },
  { kind: 'inconsistency', title: 'Inconsistencies' },
  { kind: 'reuse', title: 'Marked reuse' },
];

/** The report as Markdown text, ending with a newline. */
export function exportMarkdown(input: ExportInput): string {
  const blocks: string[] = [`# Collate report: ${inlineText(input.set.name)}`];
  if (input.set.description) blocks.push(paragraphs(input.set.description));
  if (input.options?.generatedAt) blocks.push(`Generated ${inlineText(input.options.generatedAt)}.`);
  blocks.push(summary(input));

  for (const id of reportedSources(input)) {
    blocks.push(...sourceSection(id, input));
  }
  return blocks.join('\n\n') + '\n';
}

function summary(input: ExportInput): string {
  const counts = SECTIONS.map(({ kind }) => {
    const n = input.annotations.filter((a) => a.kind === kind).length;
    return plural(n, KIND_PLURALS[kind]);
  });
  const sources = reportedSources(input).length;
  return `${plural(input.annotations.length, ['annotation', 'annotations'])} (${counts.join(', ')}) on ${plural(sources, ['source', 'sources'])}.`;
}

const KIND_PLURALS: Record<Kind, [string, string]> = {
  claim: ['claim', 'claims'],
  note: ['note', 'notes'],
  inconsistency: ['inconsistency', 'inconsistencies'],
  reuse: ['marked reuse', 'marked reuses'],
};

function plural(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Sources with annotations or reuse, in the order of `input.sources`, then unknown ids as met. */
function reportedSources(input: ExportInput): string[] {
  const only = input.options?.sections;
  if (only) return [...input.sources.keys()].filter((id) => only.includes(id)).concat(only.filter((id) => !input.sources.has(id)));
  const used = new Set<string>();
  for (const a of input.annotations) for (const t of a.targets) used.add(t.source);
  for (const p of input.reuse ?? []) {
    used.add(p.a.source);
    used.add(p.b.source);
  }
  const ordered = [...input.sources.keys()].filter((id) => used.has(id));
  for (const id of used) if (!input.sources.has(id)) ordered.push(id);
  return ordered;
}

function sourceSection(id: string, input: ExportInput): string[] {
  const source = input.sources.get(id);
  const blocks = [`## ${inlineText(source?.title || id)}`, sourceLine(id, source)];
  for (const { kind, title } of SECTIONS) {
    const here = input.annotations
      .filter((a) => a.kind === kind && a.targets.some((t) => t.source === id))
      .sort((x, y) => firstStart(x, id) - firstStart(y, id));
    if (here.length === 0) continue;
    blocks.push(`### ${title}`);
    for (const a of here) blocks.push(...annotationBlocks(a, id, input.sources));
  }
  if (input.reuse) blocks.push('### Duplicate coverage', coverage(id, input.reuse, input.sources));
  return blocks;
}

function sourceLine(id: string, source: Source | undefined): string {
  const parts = [
    source?.outlet ? `*${inlineText(source.outlet)}*` : '*outlet unknown*',
    source?.published ? inlineText(source.published) : 'date unknown',
  ];
  if (source?.author) parts.push(`by ${inlineText(source.author)}`);
  parts.push(`source \`${id.replace(/`/g, '')}\``);
  return parts.join(' · ');
}

function firstStart(a: Annotation, source: string): number {
  return Math.min(...a.targets.filter((t) => t.source === source).map((t) => t.start));
}

function annotationBlocks(a: Annotation, here: string, sources: ReadonlyMap<string, Source>): string[] {
  const blocks = [`#### ${heading(a)}`];
  const linking = a.targets.length > 1 || a.kind === 'inconsistency' || a.kind === 'reuse';
  for (const t of a.targets) {
    blocks.push(blockquote(t.exact));
    if (linking || t.source !== here) {
      const title = sources.get(t.source)?.title || t.source;
      const outlet = sources.get(t.source)?.outlet;
      const where = `*${inlineText(title)}*${outlet ? ` (${inlineText(outlet)})` : ''}`;
      blocks.push(`— ${where}${t.source === here ? ', this source' : ''}${t.orphaned ? ', passage no longer found' : ''}`);
    } else if (t.orphaned) {
      blocks.push('— passage no longer found in the current text');
    }
  }
  if (a.note) blocks.push(paragraphs(a.note));
  if (a.claim && a.claim.evidence.length > 0) {
    blocks.push('Evidence:', a.claim.evidence.map((e) => `- ${inlineText(e)}`).join('\n'));
  }
  if (a.tags.length > 0) blocks.push(`Tags: ${a.tags.map(inlineText).join(', ')}`);
  return blocks;
}

function heading(a: Annotation): string {
  if (a.kind === 'claim' && a.claim) {
    const claimant = a.claim.claimant.trim() ? inlineText(a.claim.claimant) : 'claimant not recorded';
    return `${VERDICT_LABELS[a.claim.verdict]}: ${claimant}`;
  }
  if (a.kind === 'claim') return 'Claim (no verdict)';
  const sources = new Set(a.targets.map((t) => t.source)).size;
  if (a.kind === 'note') return 'Note';
  return `${KIND_LABELS[a.kind]} across ${plural(a.targets.length, ['passage', 'passages'])} in ${plural(sources, ['source', 'sources'])}`;
}

interface Shared {
  passages: number;
  words: number;
  boilerplateWords: number;
}

function coverage(id: string, reuse: readonly ReusePassage[], sources: ReadonlyMap<string, Source>): string {
  const byOther = new Map<string, Shared>();
  for (const p of reuse) {
    const other = p.a.source === id ? p.b.source : p.b.source === id ? p.a.source : undefined;
    if (other === undefined || other === id) continue;
    const shared = byOther.get(other) ?? { passages: 0, words: 0, boilerplateWords: 0 };
    shared.passages++;
    if (p.boilerplate) shared.boilerplateWords += p.words;
    else shared.words += p.words;
    byOther.set(other, shared);
  }
  if (byOther.size === 0) return 'No passages shared with other sources.';
  return [...byOther.entries()]
    .sort((x, y) => y[1].words - x[1].words || y[1].boilerplateWords - x[1].boilerplateWords)
    .map(([other, s]) => {
      const source = sources.get(other);
      const name = `*${inlineText(source?.title || other)}*${source?.outlet ? ` (${inlineText(source.outlet)})` : ''}`;
      const passages = plural(s.passages, ['passage', 'passages']);
      const boilerplate = plural(s.boilerplateWords, ['word', 'words']);
      if (s.words === 0) return `- ${name}: only site boilerplate, ${boilerplate} in ${passages}`;
      const extra = s.boilerplateWords > 0 ? `; plus ${boilerplate} of site boilerplate` : '';
      return `- ${name}: ${plural(s.words, ['shared word', 'shared words'])} in ${passages}${extra}`;
    })
    .join('\n');
}
