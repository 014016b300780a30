/**
 * What the inbox's actions ask of the outside world: loading the suggestions (open, and dismissed
 * when that view is shown), the source titles and the sets; accepting, dismissing and undoing
 * through the shared use cases (annotations/annotation-actions.ts); finding out who decided a
 * suggestion first when the server says someone did; loading a source's text for the words around
 * a short passage; and keeping the address in step with the filters. Answers come back as actions.
 */
import * as actions from '../annotations/annotation-actions';
import { errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { loadActiveSet } from '../sets/active-set';
import { inboxHref } from '../shared/routes';
import { wantsContext } from '../suggestions/suggestion-view';
import { SHORT_PASSAGE } from '../suggestions/suggestion-details';
import { selectedSuggestion, type InboxAction, type InboxState } from './inbox-state';

type Dispatch = (action: InboxAction) => void;

/** Load the dismissed suggestions, with who dismissed each and when. */
function loadDismissed(dispatch: Dispatch): Promise<void> {
  return api.listAllSuggestions({ status: 'dismissed' }).then(
    (suggestions) => dispatch({ type: 'dismissed-loaded', suggestions }),
    (err: unknown) => dispatch({ type: 'load-failed', view: 'dismissed', message: errorMessage(err) }),
  );
}

/** The effects of one inbox page (it remembers which source texts it asked for). */
export function inboxEffects(): (action: InboxAction, state: InboxState, dispatch: Dispatch) => void {
  const textsAsked = new Set<string>();

  /** Load the texts of the selected suggestion's short passages, for the words around them. */
  const loadContext = (state: InboxState, dispatch: Dispatch) => {
    const s = selectedSuggestion(state);
    if (!s || !wantsContext(s)) return;
    for (const t of s.targets) {
      if (t.exact.length >= SHORT_PASSAGE || textsAsked.has(t.source)) continue;
      textsAsked.add(t.source);
      void api.getSource(t.source).then(
        (source) => dispatch({ type: 'text-loaded', source: source.id, text: source.text }),
        () => {
          // Without it the passage is quoted alone, as it would be anyway.
        },
      );
    }
  };

  /** Someone else decided `id` first: find out who, so the row can say so. */
  const whoDecided = async (id: string, dispatch: Dispatch) => {
    const [confirmed, dismissed] = await Promise.all([api.listAllSuggestions({ status: 'confirmed' }), api.listAllSuggestions({ status: 'dismissed' })]);
    const decision = [...confirmed, ...dismissed].find((s) => s.id === id)?.decision;
    if (decision) dispatch({ type: 'decided-elsewhere', id, decision });
  };

  return (action, state, dispatch) => {
    switch (action.type) {
      case 'filter':
        // The address follows the filters without reloading the page, so it can be bookmarked.
        history.replaceState(null, '', inboxHref({ category: state.filter.category ?? undefined, source: state.filter.source ?? undefined, view: state.filter.view === 'dismissed' ? 'dismissed' : undefined }));
        if (state.dismissed?.phase === 'loading') void loadDismissed(dispatch);
        loadContext(state, dispatch);
        return;
      case 'loaded':
      case 'dismissed-loaded':
      case 'select':
      case 'move':
      case 'accepted':
      case 'dismissed':
      case 'undone':
        loadContext(state, dispatch);
        return;
      case 'accept': {
        if (state.rows.get(action.id)?.busy !== 'accepting') return;
        void actions.confirmSuggestion(action.id, state.activeSet).then((outcome) => {
          if (outcome.ok) dispatch({ type: 'accepted', id: action.id, annotation: outcome.value });
          else dispatch({ type: 'failed', id: action.id, problem: outcome.problem });
          loadContext(state, dispatch);
        });
        return;
      }
      case 'dismiss':
        if (state.rows.get(action.id)?.busy !== 'dismissing') return;
        void actions.dismissSuggestion(action.id).then((outcome) => {
          if (outcome.ok) dispatch({ type: 'dismissed', id: action.id });
          else dispatch({ type: 'failed', id: action.id, problem: outcome.problem });
        });
        return;
      case 'undo':
        if (action.id === null || state.rows.get(action.id)?.busy !== 'undoing') return;
        void actions.undoSuggestion(action.id).then((outcome) => {
          if (outcome.ok) dispatch({ type: 'undone', id: action.id as string });
          else dispatch({ type: 'failed', id: action.id as string, problem: outcome.problem });
        });
        return;
      case 'failed':
        if (action.problem.kind === 'handled') void whoDecided(action.id, dispatch).catch(() => {});
        return;
      default:
        return;
    }
  };
}

/** The open suggestions and the sources' titles: at first, and again when others decide or add sources. */
export function loadOpen(dispatch: Dispatch): void {
  void Promise.all([api.listAllSuggestions(), api.listSources().catch(() => [])]).then(
    ([suggestions, sources]) => dispatch({ type: 'loaded', suggestions, titles: new Map(sources.map((s) => [s.id, s.title])) }),
    (err: unknown) => dispatch({ type: 'load-failed', view: 'open', message: errorMessage(err) }),
  );
}

/** Load what the inbox shows first: the open suggestions with the source titles, and the sets. */
export function loadInbox(state: InboxState, dispatch: Dispatch): void {
  loadOpen(dispatch);
  if (state.dismissed?.phase === 'loading') void loadDismissed(dispatch);
  void api.listSets().then(
    (sets) => dispatch({ type: 'sets-loaded', sets, active: loadActiveSet(sets.map((s) => s.name)) }),
    () => {
      // Accepted suggestions then go to the server's default set.
    },
  );
}
