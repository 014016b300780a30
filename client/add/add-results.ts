/**
 * How the "Add sources" page reports what was added: one line per source with a link to it (new, a
 * new revision of a source added before, or unchanged), and the summary of a run of files with the
 * links to every new source.
 */
import type { AddOutcome } from '../api/source-api';
import { sourceHref } from '../shared/routes';
import { h } from '../ui/dom';
import type { FilesState } from './add-state';

/** A link to the source of `outcome`, with what happened to it. */
export function outcomeView(outcome: AddOutcome): HTMLElement {
  const s = outcome.source;
  const link = h('a', { href: sourceHref(s.id), class: 'added-link' }, s.title);
  const where = s.outlet ? ` (${s.outlet}${s.published ? `, ${s.published}` : ''})` : '';
  switch (outcome.status) {
    case 'created':
      return h('span', { class: 'added-line', 'data-status': 'created' }, 'Added ', link, where, '.');
    case 'revised':
      return h('span', { class: 'added-line', 'data-status': 'revised' }, 'Added before: ', link, ` now has revision ${s.revision ?? '?'}.`);
    case 'unchanged':
      return h('span', { class: 'added-line', 'data-status': 'unchanged' }, 'Added before and unchanged: ', link, '.');
  }
}

/** The end of a run of files: what came in (with links) and how many failed. */
export function filesSummary(f: FilesState): HTMLElement {
  const run = f.items.slice(f.batch);
  const added = run.filter((x) => x.status === 'added' && x.outcome);
  const failed = run.filter((x) => x.status === 'failed');
  return h('div', { class: 'files-summary', role: 'group', 'aria-label': 'Summary' },
    h('p', {}, `${added.length} of ${run.length} file${run.length === 1 ? '' : 's'} added${failed.length ? `, ${failed.length} not added (see above)` : ''}.`,
      added.length ? ' They are on the home page, with their duplicate coverage and suggestions.' : ''),
    added.length
      ? h('ul', { class: 'files-summary-links' }, added.map((x) => h('li', {}, h('a', { href: sourceHref(x.outcome!.source.id) }, x.outcome!.source.title))))
      : null,
  );
}
