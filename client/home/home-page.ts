/**
 * The home page (`#/`): every source, grouped by outlet, with its date, length and annotation counts
 * by kind. Each title is a plain link, so the list is navigable with Tab and Enter.
 */
import type { Kind } from '../../core/model';
import { KINDS, KIND_LABELS } from '../../core/model/vocabulary';
import { errorMessage } from '../api/api-error';
import { listSources, type SourceSummary } from '../api/client';
import { renderComparePicker } from '../compare';
import { transferButtons } from '../transfer';
import { h } from '../ui/dom';
import { helpButton, helpDialog, helpOnQuestionMark } from '../ui/help-dialog';
import type { Page } from '../shared/page';

/** Sources grouped by outlet: outlets and titles sorted alphabetically. */
export function groupByOutlet(sources: readonly SourceSummary[]): [string, SourceSummary[]][] {
  const groups = new Map<string, SourceSummary[]>();
  for (const s of sources) {
    const outlet = s.outlet || 'Unknown outlet';
    const list = groups.get(outlet) ?? [];
    list.push(s);
    groups.set(outlet, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outlet, list]) => [outlet, list.sort((x, y) => x.title.localeCompare(y.title))]);
}

function plural(n: number, word: string): string {
  const lower = word.toLowerCase();
  return `${n} ${n === 1 ? lower : lower === 'inconsistency' ? 'inconsistencies' : lower + 's'}`;
}

function countsView(counts: Partial<Record<Kind, number>>): HTMLElement {
  const present = KINDS.filter((k) => (counts[k] ?? 0) > 0);
  if (present.length === 0) return h('span', { class: 'counts counts-none' }, 'No annotations');
  return h('ul', { class: 'counts', 'aria-label': 'Annotations' },
    present.map((k) => h('li', { class: `count kind-${k}` }, plural(counts[k] ?? 0, KIND_LABELS[k]))));
}

function sourceItem(s: SourceSummary): HTMLElement {
  const details = [s.published ?? null, s.author ? `by ${s.author}` : null, `${s.length.toLocaleString('en')} characters`];
  return h('li', { class: 'source-item', 'data-source-id': s.id },
    h('a', { class: 'source-link', href: `#/source/${encodeURIComponent(s.id)}` }, s.title),
    h('div', { class: 'source-details' },
      h('span', {}, details.filter((d): d is string => d !== null).join(' · ')),
      countsView(s.counts),
    ),
  );
}

/** Mount the home page into `root`. */
export function homePage(root: HTMLElement): Page {
  let destroyed = false;
  const help = helpDialog('home');
  const stopHelpKey = helpOnQuestionMark(help);
  document.title = 'Sources · Collate';
  root.replaceChildren(h('p', { class: 'loading page-loading' }, 'Loading sources…'));
  void (async () => {
    try {
      const sources = await listSources();
      if (destroyed) return;
      const groups = groupByOutlet(sources);
      const picker = h('div', { class: 'home-compare' });
      renderComparePicker(picker, sources);
      root.replaceChildren(
        h('section', { class: 'home' },
          h('div', { class: 'home-head' },
            h('h1', {}, 'Sources'),
            h('div', { class: 'home-actions' }, transferButtons({ onImported: () => location.reload() }), helpButton(help)),
          ),
          h('p', { class: 'lead' }, `${sources.length} articles from ${groups.length} outlets. Open one to read and annotate it.`),
          sources.length > 1 ? picker : null,
          sources.length === 0 ? h('p', { class: 'empty' }, 'No sources yet.') : null,
          groups.map(([outlet, list]) =>
            h('section', { class: 'outlet-group', 'aria-label': outlet },
              h('h2', { class: 'outlet-name' }, outlet, h('span', { class: 'outlet-count' }, ` ${list.length}`)),
              h('ul', { class: 'source-list' }, list.map(sourceItem)),
            ),
          ),
        ),
      );
    } catch (err) {
      if (destroyed) return;
      root.replaceChildren(h('div', { class: 'page-error', role: 'alert' }, h('h1', {}, 'Could not load the sources'), h('p', {}, errorMessage(err))));
    }
  })();
  return {
    destroy() {
      destroyed = true;
      stopHelpKey();
      help.destroy();
    },
  };
}
