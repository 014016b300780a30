/**
 * Duplicate coverage and suggested inconsistencies in the viewer (issue 3): loads the open source's
 * reused passages and suggestions, draws the passages through the view's reuse plugin, lists copies
 * in the popover and the "Duplicate coverage" section, keeps the "Suggestions" section, the
 * "Show reuse" toggle and the carry buttons of the cards. The page owns the annotations; what
 * confirming or carrying creates is handed to it.
 */
import type { Annotation } from '../../core/model';
import type { InconsistencySuggestion, SuggestionTarget } from '../../core/inconsistency/types';
import { errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import type { ReuseEvents } from '../viewer/reuse-plugin';
import type { SourceView } from '../viewer/source-view';
import { carryControl } from './carry-control';
import { CopiesPopover, copyEntries } from './copies-popover';
import { coverageSection, type CoverageSection } from './coverage-section';
import { marksOverlapping, reuseMarks, stepMark, type ReuseMark } from './reuse-marks';
import { suggestionsSection, type SuggestionsSection } from './suggestions-section';

const SHOW_KEY = 'collate.showReuse';

/** Whether reuse marks show (remembered; on unless turned off). */
export function loadShowReuse(): boolean {
  try {
    return localStorage.getItem(SHOW_KEY) !== 'off';
  } catch {
    return true;
  }
}

function saveShowReuse(show: boolean): void {
  try {
    localStorage.setItem(SHOW_KEY, show ? 'on' : 'off');
  } catch {
    // Not remembered, but the choice holds on this page.
  }
}

/** What the features need from the page. */
export interface ReuseFeaturesOptions {
  sourceId: string;
  text: string;
  titles: ReadonlyMap<string, string>;
  activeSet(): string;
  /** Annotations the server created from here (a confirmed suggestion, carried copies). */
  onCreated(created: Annotation[], focus: boolean): void;
  /** Select a passage of the open source in the text. */
  onShowRange(start: number, end: number): void;
}

/** The reuse features of one source page. */
export class ReuseFeatures {
  readonly suggestions: SuggestionsSection;
  readonly coverage: CoverageSection;
  readonly toggle: HTMLElement;
  /** Events for the view's reuse plugin. */
  readonly events: ReuseEvents;
  private marks: ReuseMark[] = [];
  /** Whether the reused passages have arrived: `r` says so rather than "none" while they have not. */
  private load: { state: 'loading' } | { state: 'loaded' } | { state: 'failed'; message: string } = { state: 'loading' };
  private view: SourceView | null = null;
  private readonly popover: CopiesPopover;
  private show = loadShowReuse();

  constructor(private readonly opts: ReuseFeaturesOptions) {
    this.popover = new CopiesPopover(opts.sourceId, opts.titles);
    this.events = {
      onHover: (indices, target) => this.popover.hover(target, copyEntries(this.marks, indices)),
      onLeave: () => this.popover.leave(),
      onClick: (indices, target) => this.popover.show(target, copyEntries(this.marks, indices), true),
    };
    this.coverage = coverageSection({ sourceId: opts.sourceId, text: opts.text, titles: opts.titles, onShow: (i) => this.activate(i, false) });
    this.suggestions = suggestionsSection(opts.sourceId, opts.titles, {
      onConfirm: (s) => this.confirm(s),
      onDismiss: (s) => this.dismiss(s),
      onShow: (t: SuggestionTarget) => opts.onShowRange(t.start, t.end),
    });
    const box = h('input', { type: 'checkbox', id: 'show-reuse', checked: this.show });
    box.addEventListener('change', () => {
      this.show = box.checked;
      saveShowReuse(this.show);
      if (!this.show) this.popover.hide();
      this.view?.setReuseVisible(this.show);
    });
    this.toggle = h('label', { class: 'reuse-toggle', for: 'show-reuse', title: 'Mark passages other sources repeat' }, box, ' Show reuse');
  }

  /** Whether marks show at first (for the view's plugin). */
  get visible(): boolean {
    return this.show;
  }

  /** Connect the view and load the passages and suggestions (cards drawn before get no carry button). */
  async attach(view: SourceView): Promise<void> {
    this.view = view;
    const { sourceId, text } = this.opts;
    const [passages, suggestions] = await Promise.allSettled([api.listReuse(sourceId), api.listSuggestions(sourceId)]);
    if (this.view !== view) return;
    if (passages.status === 'fulfilled') {
      this.load = { state: 'loaded' };
      this.marks = reuseMarks(passages.value, sourceId, text.length);
      view.setReuseMarks(this.marks);
      this.coverage.update(this.marks);
    } else {
      this.load = { state: 'failed', message: errorMessage(passages.reason) };
      this.coverage.update(null, `Could not load the reused passages: ${errorMessage(passages.reason)}`);
      showStatus(`Could not load the reused passages: ${errorMessage(passages.reason)}`, 'error');
    }
    if (suggestions.status === 'fulfilled') this.suggestions.update(suggestions.value);
    else this.suggestions.update(null, `Could not load the suggestions: ${errorMessage(suggestions.reason)}`);
  }

  /** Step to the next (1) or previous (-1) reused passage, outline it and list its copies. */
  step(dir: 1 | -1): boolean {
    if (this.load.state === 'loading') {
      showStatus('Reused passages are still loading; try again in a moment.', 'info');
      return false;
    }
    if (this.load.state === 'failed') {
      showStatus(`Could not load reused passages: ${this.load.message}`, 'error');
      return false;
    }
    const next = stepMark(this.marks, this.view?.activeReuse() ?? null, dir);
    if (next === null) {
      showStatus('No passage of this source appears in another source.', 'info');
      return false;
    }
    this.activate(next, true);
    return true;
  }

  private activate(index: number, focusPopover: boolean): void {
    if (!this.view) return;
    if (!this.show) {
      // Stepping to a passage that is not drawn would show nothing: draw the marks again.
      (this.toggle.querySelector('input') as HTMLInputElement).checked = true;
      this.show = true;
      saveShowReuse(true);
      this.view.setReuseVisible(true);
    }
    const el = this.view.activateReuse(index);
    if (!el) return;
    this.popover.show(el, copyEntries(this.marks, [index]), true);
    if (focusPopover) this.popover.focusFirst();
  }

  /** Close the copies popover (Escape); false when it was not open. */
  closePopover(): boolean {
    if (!this.popover.open) return false;
    this.popover.hide();
    this.view?.activateReuse(null);
    return true;
  }

  /** The carry button of a card whose passage here has copies, or null. */
  cardExtra(a: Annotation): HTMLElement | null {
    if (a.kind === 'reuse') return null;
    const here = a.targets.filter((t) => t.source === this.opts.sourceId && !t.orphaned);
    if (!here.some((t) => marksOverlapping(this.marks, t.start, t.end).length > 0)) return null;
    return carryControl({ annotation: a, sourceId: this.opts.sourceId, titles: this.opts.titles, onCarried: (created) => this.opts.onCreated(created, false) });
  }

  private async confirm(s: InconsistencySuggestion): Promise<void> {
    try {
      const created = await api.confirmSuggestion(s.id, { set: this.opts.activeSet() });
      this.opts.onCreated([created], true);
      showStatus(`Inconsistency saved to set “${created.set}”.`, 'success');
    } catch (err) {
      showStatus(`Not confirmed: ${errorMessage(err)}`, 'error');
      throw err;
    }
  }

  private async dismiss(s: InconsistencySuggestion): Promise<void> {
    try {
      await api.dismissSuggestion(s.id);
      showStatus('Suggestion dismissed; it will not be offered again.', 'success');
    } catch (err) {
      showStatus(`Not dismissed: ${errorMessage(err)}`, 'error');
      throw err;
    }
  }

  destroy(): void {
    this.view = null;
    this.popover.destroy();
  }
}
