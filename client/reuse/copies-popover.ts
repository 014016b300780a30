/**
 * The copies popover: hovering a reused passage in the viewer (or clicking it, or stepping to it with
 * `r`) lists the other sources that carry the same words, with their size and similarity, a link to
 * open each source and one to the compare view focused on the passage. Hover shows it for as long as
 * the pointer stays on the passage or the popover; a click or the keyboard pins it until Escape, a
 * click elsewhere or the next passage.
 */
import { compareHref, sourceHref } from '../shared/routes';
import { h } from '../ui/dom';
import { HoverPopover } from '../ui/hover-popover';
import { similarityPercent, type ReuseCopy, type ReuseMark } from './reuse-marks';

/** One copy as listed: the mark of the open source it copies, and the copy. */
export interface CopyEntry {
  mark: ReuseMark;
  copy: ReuseCopy;
}

/** The entries of the marks at `indices`: every copy once, from the innermost mark holding it. */
export function copyEntries(marks: readonly ReuseMark[], indices: readonly number[]): CopyEntry[] {
  const out: CopyEntry[] = [];
  for (const i of indices) {
    const mark = marks[i];
    if (!mark) continue;
    for (const copy of mark.copies) {
      if (!out.some((e) => e.copy.source === copy.source && e.copy.start === copy.start && e.copy.end === copy.end)) out.push({ mark, copy });
    }
  }
  return out;
}

/** A link that opens the compare view of the open source and the copy's source, on this passage. */
export function compareLink(sourceId: string, entry: CopyEntry, label: string, titles: ReadonlyMap<string, string>): HTMLAnchorElement {
  return h('a', {
    class: 'btn btn-small reuse-compare',
    'data-action': 'compare',
    'data-source': entry.copy.source,
    href: compareHref(sourceId, entry.copy.source, { source: sourceId, start: entry.mark.start, end: entry.mark.end }),
    title: `Compare side by side with ${titles.get(entry.copy.source) ?? entry.copy.source}`,
  }, label);
}

/** One line describing a copy: source title (a link to it), words, similarity, boilerplate flag. */
export function copyLine(sourceId: string, entry: CopyEntry, titles: ReadonlyMap<string, string>): HTMLElement {
  const { copy } = entry;
  return h('li', { class: 'reuse-copy', 'data-source': copy.source },
    h('a', { class: 'reuse-copy-title', href: sourceHref(copy.source) }, titles.get(copy.source) ?? copy.source),
    h('span', { class: 'reuse-copy-stats' },
      `${copy.words} words · ${similarityPercent(copy.similarity)}`,
      copy.boilerplate ? h('span', { class: 'reuse-flag' }, 'boilerplate') : null,
    ),
    compareLink(sourceId, entry, 'Compare', titles),
  );
}

/** The copies popover of the source page. */
export class CopiesPopover extends HoverPopover {
  constructor(
    private readonly sourceId: string,
    private readonly titles: ReadonlyMap<string, string>,
  ) {
    super({ class: 'copies-popover', role: 'dialog', 'aria-label': 'Other copies of this passage' }, { showAfterMs: 250, hideAfterMs: 300, align: 'start' });
  }

  /** Show the copies of `entries` next to `anchor`; `pinned` keeps it open when the pointer leaves. */
  show(anchor: HTMLElement, entries: readonly CopyEntry[], pinned: boolean): void {
    const mark = entries[0]?.mark;
    this.el.replaceChildren(
      h('p', { class: 'copies-head' },
        entries.length === 1 ? 'Also in 1 other source' : `Also in ${entries.length} other places`,
        mark?.boilerplate ? h('span', { class: 'reuse-flag' }, 'boilerplate') : null,
      ),
      h('ul', { class: 'reuse-copies' }, entries.map((e) => copyLine(this.sourceId, e, this.titles))),
    );
    this.reveal(anchor, pinned);
  }

  /** Show after a short delay (pointer resting on a passage), unless pinned open elsewhere. */
  hover(anchor: HTMLElement, entries: readonly CopyEntry[]): void {
    this.later(anchor, () => this.show(anchor, entries, false));
  }
}
