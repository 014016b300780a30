/**
 * The inconsistency tray: a small panel at the bottom of the viewer listing the passages of the
 * inconsistency being put together (source and quote, each removable), with "Save inconsistency…"
 * (the link dialog, from two passages on) and "Discard". The draft lives in localStorage, so the tray
 * shows the same passages on every source page and in every tab.
 */
import type { Annotation } from '../../core/model';
import { openInconsistencyDialog } from '../compare/inconsistency-dialog';
import { excerpt } from '../sidebar/annotation-card';
import { h, replaceChildren } from '../ui/dom';
import { showStatus } from '../ui/status';
import { addPassage, EMPTY_DRAFT, isComplete, loadDraft, MIN_PASSAGES, removePassage, saveDraft, type DraftPassage, type InconsistencyDraft } from './inconsistency-draft';

/** What the tray needs from the page. */
export interface DraftTrayOptions {
  sourceId: string;
  sets(): readonly string[];
  activeSet(): string;
  onSaved(annotation: Annotation): void;
  /** The draft changed (the popover's label depends on it). */
  onChange?(draft: InconsistencyDraft): void;
}

/** The tray of one source page. */
export class DraftTray {
  readonly el: HTMLElement;
  private draft: InconsistencyDraft = loadDraft();

  constructor(private readonly opts: DraftTrayOptions) {
    this.el = h('aside', { class: 'draft-tray', 'aria-label': 'Inconsistency being built', hidden: true });
    window.addEventListener('storage', this.onStorage);
    this.render();
  }

  private readonly onStorage = (e: StorageEvent): void => {
    if (e.key !== null && !e.key.startsWith('collate.inconsistencyDraft')) return;
    this.draft = loadDraft();
    this.render();
  };

  /** True when a draft has passages (the next selection is added to it rather than starting one). */
  get started(): boolean {
    return this.draft.passages.length > 0;
  }

  /** Add a passage of the open source; says so in the status line. */
  add(p: DraftPassage): void {
    const before = this.draft.passages.length;
    this.set(addPassage(this.draft, p));
    const n = this.draft.passages.length;
    if (n === before) showStatus('This passage is already in the inconsistency.', 'info');
    else if (n < MIN_PASSAGES) showStatus('Inconsistency started: now select the passage that disagrees (here or in another source) and press i.', 'info');
    else showStatus(`Added to the inconsistency (${n} passages). Save it from the tray when ready.`, 'success');
  }

  private set(draft: InconsistencyDraft): void {
    this.draft = draft;
    saveDraft(draft);
    this.render();
    this.opts.onChange?.(draft);
  }

  private save(): void {
    if (!isComplete(this.draft)) return;
    openInconsistencyDialog({
      passages: this.draft.passages.map((p, i) => ({
        label: `Passage ${i + 1}`,
        source: p.source,
        title: p.title,
        span: { start: p.start, end: p.end, exact: p.exact },
      })),
      sets: this.opts.sets(),
      set: this.opts.activeSet(),
      onSaved: (created) => {
        this.set(EMPTY_DRAFT);
        showStatus(`Inconsistency saved to set “${created.set}”, linking ${created.targets.length} passages.`, 'success');
        this.opts.onSaved(created);
      },
    });
  }

  private render(): void {
    const { passages } = this.draft;
    this.el.hidden = passages.length === 0;
    if (passages.length === 0) {
      this.el.replaceChildren();
      return;
    }
    const complete = isComplete(this.draft);
    replaceChildren(this.el,
      h('h2', { class: 'draft-title' }, `Inconsistency draft (${passages.length})`),
      h('ol', { class: 'draft-passages' },
        passages.map((p, i) =>
          h('li', { class: 'draft-passage', 'data-source': p.source },
            h('span', { class: 'draft-source' },
              p.source === this.opts.sourceId ? 'This source' : h('a', { href: `#/source/${encodeURIComponent(p.source)}` }, p.title)),
            h('q', { class: 'draft-quote' }, excerpt(p.exact, 90)),
            h('button', {
              type: 'button', class: 'draft-remove', 'data-action': 'remove-passage', 'aria-label': `Remove passage ${i + 1}`, title: 'Remove',
              onclick: () => this.set(removePassage(this.draft, i)),
            }, '×'),
          ),
        ),
      ),
      complete ? null : h('p', { class: 'draft-hint' }, 'Select the passage that disagrees, here or in another source, and press ', h('kbd', {}, 'i'), '.'),
      h('div', { class: 'draft-actions' },
        h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'save-inconsistency', disabled: !complete, onclick: () => this.save() }, 'Save inconsistency…'),
        h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'discard-draft', onclick: () => this.set(EMPTY_DRAFT) }, 'Discard'),
      ),
    );
  }

  destroy(): void {
    window.removeEventListener('storage', this.onStorage);
    this.el.remove();
  }
}
