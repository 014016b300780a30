/** Markdown report: structure per source, quotes as block quotes, escaping, duplicate coverage. */
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../core/export';
import { blockquote, inlineText, paragraphs } from '../../../core/export/markdown-escape';
import { ASTRAL_ID, CLAIM_MOSTLY_TRUE, INCONSISTENCY, NOTE_WITH_TAGS, SEEDS, SOURCES, populatedInput } from './fixtures';

/** The section of a report under the `## title` heading, up to the next `## `. */
function sectionOf(report: string, title: string): string {
  const start = report.indexOf(`\n## ${inlineText(title)}\n`);
  if (start < 0) throw new Error(`no section for ${title}`);
  const next = report.indexOf('\n## ', start + 1);
  return report.slice(start, next < 0 ? undefined : next);
}

describe('Markdown report', () => {
  const report = exportMarkdown(populatedInput());
  const titleOf = (id: string) => SOURCES.get(id)!.title;

  it('has a title, the set description and a summary', () => {
    expect(report.startsWith('# Collate report: fact check\n\nChecks on the Paris speech coverage.\n\n')).toBe(true);
    expect(report).toContain('9 annotations (4 claims, 3 notes, 1 inconsistency, 1 marked reuse) on 6 sources.');
  });

  it('has one section per source with outlet and date', () => {
    expect(report.match(/^## /gm)).toHaveLength(6);
    const mdaa = sectionOf(report, titleOf(SEEDS.mdaa));
    expect(mdaa).toContain('*Missile Defense Advocacy Alliance* · 2011-11-01 · source `mdaa-russian-cooperation-white-paper`');
    expect(sectionOf(report, titleOf(SEEDS.nbPursues))).toContain('*NewsBlaze* · date unknown · by Mina Fabulous');
  });

  it('lists claims with verdict, claimant, the quote as a block quote, the note and evidence', () => {
    const section = sectionOf(report, titleOf(SEEDS.gsnRenews));
    expect(section).toContain('### Claims');
    expect(section).toContain('#### Mostly true: Frank Rose');
    expect(section).toContain(`\n> ${CLAIM_MOSTLY_TRUE.targets[0].exact}\n`);
    expect(section).toContain('Evidence:\n\n- https://2009-2017.state.gov/t/avc/rls/2013/211029.htm\n- https://newsblaze.com/');
    expect(section).toContain('#### Unverified: claimant not recorded');
  });

  it('shows an inconsistency under each source with every passage and where it is from', () => {
    for (const id of [SEEDS.gsnRenews, SEEDS.nbPursues]) {
      const section = sectionOf(report, titleOf(id));
      expect(section).toContain('#### Inconsistency across 2 passages in 2 sources');
      for (const t of INCONSISTENCY.targets) {
        expect(section).toContain(`> ${t.exact}\n\n— *${inlineText(titleOf(t.source))}* (${SOURCES.get(t.source)!.outlet})${t.source === id ? ', this source' : ''}`);
      }
    }
  });

  it('summarises duplicate coverage with boilerplate apart', () => {
    const pursues = sectionOf(report, titleOf(SEEDS.nbPursues));
    expect(pursues).toContain(`- *${inlineText(titleOf(SEEDS.nbUndercut))}* (NewsBlaze): 69 shared words in 3 passages; plus 9 words of site boilerplate`);
    const renews = sectionOf(report, titleOf(SEEDS.gsnRenews));
    expect(renews).toContain(`- *${inlineText(titleOf(SEEDS.gsnPledge))}* (Global Security Newswire): only site boilerplate, 14 words in 1 passage`);
    expect(sectionOf(report, titleOf(ASTRAL_ID))).toContain('No passages shared with other sources.');
    expect(exportMarkdown(populatedInput({ reuse: undefined }))).not.toContain('Duplicate coverage');
  });

  it('escapes user text so that it renders as written and lets no HTML through', () => {
    expect(report).not.toMatch(/<b>|<sample>/);
    const section = sectionOf(report, titleOf(SEEDS.nbPursues));
    expect(section).toContain('\\- not a list');
    expect(section).toContain('\\# not a heading \\<b\\>not bold\\</b\\> \\*nor this\\* \\[nor\\](link)');
    expect(section).toContain('Tags: typo, copy-edit');
    expect(report).toContain('## Astral \\<sample\\> & friends');
    expect(NOTE_WITH_TAGS.note).toContain('<b>');
  });
});

describe('Markdown escaping', () => {
  it('escapes inline specials and line starts, and drops indentation', () => {
    expect(inlineText('a *b* _c_ `d` [e](f) <g> | ~h~ \\')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\| \\~h\\~ \\\\');
    expect(paragraphs('# h\n> q\n1. one\n2) two\n    code\n+ plus\n=====')).toBe(
      '\\# h\n\\> q\n1\\. one\n2\\) two\ncode\n\\+ plus\n\\=====',
    );
  });

  it('escapes ampersands only where they would start a character reference', () => {
    expect(inlineText('AT&T &amp; &#60; &#x3C;')).toBe('AT&T \\&amp; \\&#60; \\&#x3C;');
  });

  it('quotes every line and keeps paragraph breaks', () => {
    expect(blockquote('one\ntwo\n\n\n\nthree')).toBe('> one\n> two\n>\n> three');
    expect(inlineText('line\nbreaks\tand  spaces')).toBe('line breaks and spaces');
  });
});
