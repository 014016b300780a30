/**
 * The inconsistency tray: a panel docked at the top of the viewer's sidebar (never over the text)
 * listing the passages of the inconsistency being put together (source and quote, each removable),
 * with "Save inconsistency…" (from two passages on) and "Discard". Its heading folds it to one line.
 * It draws the draft the page holds and reports what the user asks for.
 */
import { excerpt } from '../shared/text-excerpt';
import { h, replaceChildren } from '../ui/dom';
import { isComplete, type InconsistencyDraft } from './inconsistency-draft';
import { sourceHref } from '../shared/routes';

/** What the tray reports to the page. */
export interface DraftTrayHandlers {
  onRemove(index: number): void;
  onDiscard(): void;
  onSave(): void;
  onToggle(collapsed: boolean): void;
}

/** The tray of one source page. */
export class DraftTray {
  readonly el = h('aside', { class: 'draft-tray', 'aria-label': 'Inconsistency being built', hidden: true });
  private shown: { draft: InconsistencyDraft; collapsed: boolean } | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly handlers: DraftTrayHandlers,
  ) {}

  /** Draw `draft` (hidden while empty), folded or not. */
  render(draft: InconsistencyDraft, collapsed: boolean): void {
    if (this.shown && this.shown.draft === draft && this.shown.collapsed === collapsed) return;
    const hadFocus = this.el.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.action : undefined;
    this.shown = { draft, collapsed };
    const { passages } = draft;
    this.el.hidden = passages.length === 0;
    if (passages.length === 0) {
      this.el.replaceChildren();
      return;
    }
    const complete = isComplete(draft);
    const bodyId = `draft-body-${this.sourceId}`;
    const toggle = h('button', {
      type: 'button', class: 'draft-toggle', 'data-action': 'toggle-draft', 'aria-expanded': String(!collapsed), 'aria-controls': bodyId,
      title: collapsed ? 'Show the draft' : 'Fold the draft',
      onclick: () => this.handlers.onToggle(!collapsed),
    },
      h('span', { class: 'draft-chevron', 'aria-hidden': 'true' }, collapsed ? '▸' : '▾'),
      ` Inconsistency draft (${passages.length})`,
    );
    this.el.classList.toggle('is-collapsed', collapsed);
    replaceChildren(this.el,
      h('h2', { class: 'draft-title' }, toggle),
      h('div', { class: 'draft-body', id: bodyId, hidden: collapsed },
        h('ol', { class: 'draft-passages' },
          passages.map((p, i) =>
            h('li', { class: 'draft-passage', 'data-source': p.source },
              h('span', { class: 'draft-source' },
                p.source === this.sourceId ? 'This source' : h('a', { href: sourceHref(p.source) }, p.title)),
              h('q', { class: 'draft-quote' }, excerpt(p.exact, 90)),
              h('button', {
                type: 'button', class: 'draft-remove', 'data-action': 'remove-passage', 'aria-label': `Remove passage ${i + 1}`, title: 'Remove',
                onclick: () => this.handlers.onRemove(i),
              }, '×'),
            ),
          ),
        ),
        complete ? null : h('p', { class: 'draft-hint' }, 'Select the passage that disagrees, here or in another source, and press ', h('kbd', {}, 'i'), '.'),
        h('div', { class: 'draft-actions' },
          h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'save-inconsistency', disabled: !complete, onclick: () => this.handlers.onSave() }, 'Save inconsistency…'),
          h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'discard-draft', onclick: () => this.handlers.onDiscard() }, 'Discard'),
        ),
      ),
    );
    // Redrawn under the user's hand (folding): keep focus on the same control.
    if (hadFocus) this.el.querySelector<HTMLElement>(`[data-action="${hadFocus}"]`)?.focus();
  }
}
