/**
 * What the source page shows of its source's revisions: the "Changed passages" section of the
 * sidebar, wired to the page (its writes go through the shared annotation use cases and come back as
 * the page's actions, so highlights and cards follow), a link to "What changed" once the source has
 * more than one revision, and "Fetch again" for a source that came from a web address.
 */
import type { Annotation, PatchAnnotation, Source } from '../../core/model';
import * as actions from '../annotations/annotation-actions';
import { changedPassagesSection, type ChangedPassagesSection } from '../changes/changed-passages-section';
import { refetchControl } from '../changes/refetch-control';
import { redrawRoute } from '../live/revision-banner';
import { changesHref } from '../shared/routes';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import type { ViewerParts } from './viewer-parts';

const DONE: Record<'accept' | 'reattach' | 'dismiss', string> = {
  accept: 'Change accepted: the annotation keeps the new wording.',
  reattach: 'Passage re-attached to the words selected.',
  dismiss: 'Passage removed from the annotation.',
};

/** Show the server's version of `a` on the page (gone from it when it has no passage here any more). */
function showVersion(parts: ViewerParts, a: Annotation): void {
  if (a.targets.some((t) => t.source === parts.sourceId)) parts.dispatch({ type: 'made-elsewhere', annotations: [a], focus: false });
  else parts.dispatch({ type: 'deleted', id: a.id });
}

async function patch(parts: ViewerParts, a: Annotation, body: PatchAnnotation, what: keyof typeof DONE): Promise<boolean> {
  const outcome = await actions.editAnnotation(a.id, body);
  if (outcome.ok) {
    showVersion(parts, outcome.value);
    showStatus(DONE[what], 'success');
    return true;
  }
  const { problem } = outcome;
  // Someone changed it meanwhile: their version shows, and the user decides again on it.
  if (problem.kind === 'conflict') showVersion(parts, problem.current);
  if (problem.kind === 'gone') parts.dispatch({ type: 'deleted', id: a.id });
  showStatus(problem.message, 'error');
  return false;
}

async function remove(parts: ViewerParts, a: Annotation): Promise<boolean> {
  const outcome = await actions.deleteAnnotation(a);
  if (outcome.ok || outcome.problem.kind === 'gone') {
    parts.dispatch({ type: 'deleted', id: a.id });
    showStatus(outcome.ok ? 'Annotation deleted.' : outcome.problem.message, outcome.ok ? 'success' : 'info');
    return true;
  }
  if (outcome.problem.kind === 'conflict') showVersion(parts, outcome.problem.current);
  showStatus(outcome.problem.message, 'error');
  return false;
}

/** The "Changed passages" section of the page's sidebar. */
export function changedSection(parts: ViewerParts): ChangedPassagesSection {
  return changedPassagesSection(parts.sourceId, {
    selection: () => parts.view?.usableSelection() ?? null,
    show: (start, end) => parts.view?.selectRange(start, end),
    patch: (a, body, what) => patch(parts, a, body, what),
    remove: (a) => remove(parts, a),
  });
}

/** The toolbar's revision tools for `source`, or null when it has one revision and no web address. */
export function revisionTools(source: Source): HTMLElement | null {
  const changed = (source.revision ?? 1) > 1
    ? h('a', { class: 'btn btn-small', href: changesHref(source.id), 'data-action': 'what-changed', title: 'The previous and the current revision side by side' }, `What changed (revision ${source.revision})`)
    : null;
  const refetch = source.url ? refetchControl({ sourceId: source.id, revision: source.revision, onRevised: redrawRoute }) : null;
  return changed || refetch ? h('span', { class: 'revision-tools' }, changed, refetch) : null;
}
