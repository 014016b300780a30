/**
 * The "Duplicate coverage" section of the viewer's sidebar: the reused passages of the open source in
 * text order, each with a snippet (a button that shows it in the text), its size, a boilerplate flag
 * and the other copies with links to their source and to the compare view focused on the passage.
 */
import { excerpt } from '../shared/text-excerpt';
import { h } from '../ui/dom';
import { copyEntries, copyLine } from './copies-popover';
import type { ReuseMark } from './reuse-marks';

/** What the section needs from the page. */
export interface CoverageSectionOptions {
  sourceId: string;
  /** The open source's text (known once it has loaded). */
  text(): string;
  titles: ReadonlyMap<string, string>;
  /** Show mark `index` in the text (and its copies). */
  onShow(index: number): void;
}

/** The section element and a way to fill it. */
export interface CoverageSection {
  el: HTMLElement;
  update(marks: readonly ReuseMark[] | null, error?: string): void;
}

/** Build the section; it shows "Loading…" until the first update. */
export function coverageSection(opts: CoverageSectionOptions): CoverageSection {
  const title = h('span', {}, 'Duplicate coverage');
  const body = h('div', { class: 'section-body' }, h('p', { class: 'loading' }, 'Looking for reused passages…'));
  const el = h('section', { class: 'sidebar-section coverage-section', 'aria-label': 'Duplicate coverage' },
    h('details', { open: true },
      h('summary', { class: 'section-title' }, title),
      h('p', { class: 'section-hint' }, 'Passages other sources repeat. Press ', h('kbd', {}, 'r'), ' to step through them in the text.'),
      body,
    ),
  );
  return {
    el,
    update(marks, error) {
      if (!marks) {
        title.textContent = 'Duplicate coverage';
        body.replaceChildren(h('p', { class: 'form-error' }, error ?? 'Could not load the reused passages.'));
        return;
      }
      title.textContent = `Duplicate coverage (${marks.length})`;
      if (marks.length === 0) {
        body.replaceChildren(h('p', { class: 'empty' }, 'No passage of this source appears in another source.'));
        return;
      }
      const words = marks.reduce((n, m) => n + (m.boilerplate ? 0 : m.words), 0);
      const boilerplate = marks.filter((m) => m.boilerplate).length;
      body.replaceChildren(
        h('p', { class: 'coverage-summary' }, `${words.toLocaleString('en')} words reused${boilerplate ? ` · ${boilerplate} boilerplate` : ''}`),
        h('ol', { class: 'coverage-list' },
          marks.map((m, i) =>
            h('li', { class: `coverage-item${m.boilerplate ? ' is-boilerplate' : ''}`, 'data-reuse-index': i },
              h('button', { type: 'button', class: 'coverage-snippet', 'data-action': 'show-reuse', onclick: () => opts.onShow(i), title: 'Show in the text' },
                excerpt(opts.text().slice(m.start, m.end), 90)),
              h('span', { class: 'coverage-stats' }, `${m.words} words`, m.boilerplate ? h('span', { class: 'reuse-flag' }, 'boilerplate') : null),
              h('ul', { class: 'reuse-copies' }, copyEntries([m], [0]).map((e) => copyLine(opts.sourceId, e, opts.titles))),
            ),
          ),
        ),
      );
    },
  };
}
