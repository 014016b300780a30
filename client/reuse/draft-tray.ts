/**
 * The inconsistency tray: a panel docked at the top of the viewer's sidebar (never over the text)
 * listing the passages of the inconsistency being put together (source and quote, each removable),
 * with "Save inconsistency…" (the link dialog, from two passages on) and "Discard". Its heading
 * folds it to one line; that choice is remembered. The draft lives in localStorage, so the tray
 * shows the same passages on every source page and in every tab.
 */
import type { Annotation } from '../../core/model';
import { openInconsistencyDialog } from '../annotations/inconsistency-dialog';
import { excerpt } from '../shared/text-excerpt';
import { h, replaceChildren } from '../ui/dom';
import { showStatus } from '../ui/status';
import { addPassage, EMPTY_DRAFT, isComplete, loadDraft, MIN_PASSAGES, removePassage, saveDraft, type DraftPassage, type InconsistencyDraft } from './inconsistency-draft';

/** What the tray needs from the page. */
export interface DraftTrayOptions {
  sourceId: string;
  sets(): readonly string[];
  activeSet(): string;
  onSaved(annotation: Annotation): void;
  /** The draft changed, here or in another tab (the popover's label and the text's marks depend on it). */
  onChange?(draft: InconsistencyDraft): void;
}

const COLLAPSED_KEY = 'collate.draftTrayCollapsed';

/** Whether the tray was last left folded. */
export function loadTrayCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === 'yes';
  } catch {
    return false;
  }
}

function saveTrayCollapsed(collapsed: boolean): void {
  try {
    if (collapsed) localStorage.setItem(COLLAPSED_KEY, 'yes');
    else localStorage.removeItem(COLLAPSED_KEY);
  } catch {
    // Not remembered; the choice holds on this page.
  }
}

/** The tray of one source page. */
export class DraftTray {
  readonly el: HTMLElement;
  private draft: InconsistencyDraft = loadDraft();
  private collapsed = loadTrayCollapsed();

  constructor(private readonly opts: DraftTrayOptions) {
    this.el = h('aside', { class: 'draft-tray', 'aria-label': 'Inconsistency being built', hidden: true });
    window.addEventListener('storage', this.onStorage);
    this.render();
  }

  private readonly onStorage = (e: StorageEvent): void => {
    if (e.key !== null && !e.key.startsWith('collate.inconsistencyDraft')) return;
    if (e.key === COLLAPSED_KEY) {
      this.collapsed = loadTrayCollapsed();
      this.render();
      return;
    }
    this.draft = loadDraft();
    this.render();
    this.opts.onChange?.(this.draft);
  };

  /** The draft's passages in the open source (for marking them in the text). */
  get passagesHere(): DraftPassage[] {
    return this.draft.passages.filter((p) => p.source === this.opts.sourceId);
  }

  /** Fold the tray to its heading, or unfold it; remembered for the next pages. */
  setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    saveTrayCollapsed(collapsed);
    this.render();
  }

  /** True when a draft has passages (the next selection is added to it rather than starting one). */
  get started(): boolean {
    return this.draft.passages.length > 0;
  }

  /** Add a passage of the open source; says so in the status line. */
  add(p: DraftPassage): void {
    const before = this.draft.passages.length;
    // A passage added while folded would go unseen: unfold so the user sees where it went.
    if (this.collapsed) this.setCollapsed(false);
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
    const bodyId = `draft-body-${this.opts.sourceId}`;
    const toggle = h('button', {
      type: 'button', class: 'draft-toggle', 'data-action': 'toggle-draft', 'aria-expanded': String(!this.collapsed), 'aria-controls': bodyId,
      title: this.collapsed ? 'Show the draft' : 'Fold the draft',
      onclick: () => {
        this.setCollapsed(!this.collapsed);
        this.el.querySelector<HTMLElement>('[data-action="toggle-draft"]')?.focus();
      },
    },
      h('span', { class: 'draft-chevron', 'aria-hidden': 'true' }, this.collapsed ? '▸' : '▾'),
      ` Inconsistency draft (${passages.length})`,
    );
    this.el.classList.toggle('is-collapsed', this.collapsed);
    replaceChildren(this.el,
      h('h2', { class: 'draft-title' }, toggle),
      h('div', { class: 'draft-body', id: bodyId, hidden: this.collapsed },
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
      ),
    );
  }

  destroy(): void {
    window.removeEventListener('storage', this.onStorage);
    this.el.remove();
  }
}
