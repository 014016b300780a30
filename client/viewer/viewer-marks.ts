/**
 * The source page's suggestion margin marks, as one part of the page: the marks handed to the view
 * (suggestion-marks-plugin.ts) with the words screen readers say for them, the popover a mark opens
 * (hover and focus show it, a click, Enter or the `m` key pin it), the "Show suggestions" toggle, the
 * sidebar's line pointing to the inbox for the suggestions the sidebar does not list, and the
 * effects of the marks' actions (remembering the toggle, opening on a suggestion named in the
 * address, saying when there is nothing to step to). Accepting and dismissing go through the page's
 * `confirm-suggestion` and `dismiss-suggestion` actions, like the sidebar's.
 */
import { isDifference, type Suggestion } from '../api/client';
import { inboxHref } from '../shared/routes';
import { categoryLabel } from '../suggestions/suggestion-details';
import { suggestionOfMark } from '../suggestions/suggestion-marks';
import { SuggestionPopover } from '../suggestions/suggestion-popover';
import { h } from '../ui/dom';
import { PREF_KEYS, writeFlag } from '../ui/preferences';
import { showStatus } from '../ui/status';
import type { MarkDrawing, MarkEvents } from './suggestion-marks-plugin';
import type { ViewerParts } from './viewer-parts';
import { marksOf, type ViewerAction, type ViewerState } from './viewer-state';

/** The suggestion with id `id` in `state`, when listed. */
function suggestionById(state: ViewerState, id: string): Suggestion | undefined {
  return state.suggestions.phase === 'ready' ? state.suggestions.value.find((s) => s.id === id) : undefined;
}

/** The marks of `state` as drawn: each with the words its button is named by. */
export function markDrawings(state: ViewerState): MarkDrawing[] {
  const byId = new Map(state.suggestions.phase === 'ready' ? state.suggestions.value.map((s) => [s.id, s]) : []);
  return marksOf(state).map((m) => ({ ...m, label: `Suggestion: ${categoryLabel(m.category)}. ${byId.get(m.id)?.summary ?? ''}`.trim() }));
}

/** What the marks' buttons do: pointer and focus show the popover, a click or Enter opens (pins) it. */
export function markEvents(parts: ViewerParts): MarkEvents {
  return {
    onEnter(key, el) {
      const s = suggestionById(parts.getState(), suggestionOfMark(key));
      if (s) parts.marksPopover.hover(el, s, key);
    },
    onLeave() {
      parts.marksPopover.leave();
    },
    onActivate(key, _el, byKeyboard) {
      // A second click on the open mark closes it.
      const open = parts.getState().activeMark === key && parts.marksPopover.pinnedKey === key;
      parts.dispatch({ type: 'activate-mark', key: open && !byKeyboard ? null : key, byKey: byKeyboard });
    },
  };
}

/** The popover of the marks on source `sourceId`, deciding through the page's actions. */
export function marksPopover(parts: Pick<ViewerParts, 'dispatch'>, sourceId: string, titles: ReadonlyMap<string, string>): SuggestionPopover {
  return new SuggestionPopover(sourceId, titles, {
    onAccept: (suggestion) => new Promise<boolean>((done) => parts.dispatch({ type: 'confirm-suggestion', suggestion, done })),
    onDismiss: (s) => new Promise<boolean>((done) => parts.dispatch({ type: 'dismiss-suggestion', id: s.id, done })),
  });
}

/** The sidebar's line about the suggestions it does not list (the assistant's), linking to the inbox. */
export function moreSuggestionsLine(sourceId: string): { el: HTMLElement; update(n: number): void } {
  const link = h('a', { href: inboxHref({ source: sourceId }), 'data-action': 'inbox' });
  const el = h('p', { class: 'more-suggestions', hidden: true }, link);
  return {
    el,
    update(n) {
      el.hidden = n === 0;
      link.textContent = `${n} more ${n === 1 ? 'suggestion' : 'suggestions'} on this source in the inbox (claims to check, typos, names, context)`;
    },
  };
}

/** Bring the marks, their popover, the toggle and the sidebar line in line with `next`. */
export function renderMarks(parts: ViewerParts, prev: ViewerState, next: ViewerState): void {
  const view = parts.view;
  if (!view) return;
  // Focus on a mark or in its popover is lost when they go (the suggestion was decided): it goes back to the text.
  const focused = document.activeElement;
  const hadFocus = parts.marksPopover.hasFocus || (focused instanceof HTMLElement && focused.classList.contains('sg-mark'));
  drawMarks(parts, view, prev, next);
  if (hadFocus && (document.activeElement === document.body || document.activeElement === null)) view.focusText();
}

function drawMarks(parts: ViewerParts, view: NonNullable<ViewerParts['view']>, prev: ViewerState, next: ViewerState): void {
  if (prev.suggestions !== next.suggestions && next.suggestions.phase === 'ready') {
    view.setSuggestionMarks(markDrawings(next));
    parts.moreSuggestions.update(next.suggestions.value.filter((s) => !isDifference(s)).length);
  }
  if (prev.showMarks !== next.showMarks) {
    parts.marksToggle.checked = next.showMarks;
    view.setSuggestionMarksVisible(next.showMarks);
    if (!next.showMarks) parts.marksPopover.hide();
  }
  if (prev.activeMark === next.activeMark && (next.activeMark === null || prev.markByKey === next.markByKey)) return;
  view.activateSuggestionMark(next.activeMark);
  const key = next.activeMark;
  const s = key === null ? undefined : suggestionById(next, suggestionOfMark(key));
  const el = key === null ? null : view.suggestionMarkElement(key);
  if (key === null || !s || !el) {
    if (parts.marksPopover.pinnedKey !== null) parts.marksPopover.hide();
    return;
  }
  const rect = el.getBoundingClientRect();
  if (rect.top < 80 || rect.bottom > window.innerHeight - 80) el.scrollIntoView({ block: 'center' });
  parts.marksPopover.show(el, s, key, true);
  if (next.markByKey) parts.marksPopover.focusFirst();
}

/** Start what a marks action asks of the outside world. */
export function marksEffect(parts: ViewerParts, action: ViewerAction, s: ViewerState): void {
  switch (action.type) {
    case 'show-marks':
      writeFlag(PREF_KEYS.showMarks, action.visible);
      return;
    case 'step-mark':
      if (s.suggestions.phase === 'loading') showStatus('Suggestions are still loading; try again in a moment.', 'info');
      else if (s.suggestions.phase === 'failed') showStatus(`Could not load the suggestions: ${s.suggestions.message}`, 'error');
      else if (marksOf(s).length === 0) showStatus('There are no open suggestions on this source.', 'info');
      return;
    case 'suggestions-loaded': {
      // Opened from the inbox on one suggestion: show it, or say it is no longer open.
      const id = parts.openSuggestion;
      if (id === null) return;
      parts.openSuggestion = null;
      if (marksOf(s).some((m) => m.id === id)) parts.dispatch({ type: 'open-suggestion', id });
      else showStatus('That suggestion is no longer open here: it was accepted or dismissed.', 'info');
      return;
    }
    default:
      return;
  }
}
