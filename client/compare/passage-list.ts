/**
 * The list of aligned passages beside the compare columns: number, words, similarity, a snippet of
 * the left text and a boilerplate flag. Clicking an entry (or Enter on it) jumps to the passage;
 * the view marks the current one with aria-current. The "What changed" view lists the changes of a
 * revision with it, in its own words (`PassageListText`).
 */
import { similarityPercent } from '../reuse/reuse-marks';
import { excerpt } from '../shared/text-excerpt';
import { h } from '../ui/dom';
import type { OrientedPassage } from './alignment-layout';

/** The list element and a way to mark the current entry. */
export interface PassageList {
  el: HTMLElement;
  setCurrent(index: number | null): void;
}

/** What a list entry says of passage i, where the default (words, similarity, left text) does not fit. */
export interface PassageListText {
  title: string;
  describe(p: OrientedPassage, index: number): { stats: string; snippet: string };
}

/** Build the passage list; `onJump(i)` is called when entry i is chosen. */
export function passageList(passages: readonly OrientedPassage[], textA: string, onJump: (index: number) => void, text?: PassageListText): PassageList {
  const items = passages.map((p, i) => {
    const own = text?.describe(p, i);
    return h('li', {},
      h('button', {
        type: 'button',
        class: `passage-entry${p.boilerplate ? ' is-boilerplate' : ''}`,
        'data-passage': i,
        onclick: () => onJump(i),
      },
        h('span', { class: 'passage-entry-head' },
          h('span', { class: 'passage-number' }, String(i + 1)),
          h('span', { class: 'passage-stats' }, own?.stats ?? `${p.words} words · ${similarityPercent(p.similarity)}`),
          p.boilerplate ? h('span', { class: 'passage-flag' }, 'boilerplate') : null,
        ),
        h('span', { class: 'passage-snippet' }, own?.snippet ?? excerpt(textA.slice(p.a.start, p.a.end), 70)),
      ),
    );
  });
  const title = text?.title ?? 'Aligned passages';
  const el = h('nav', { class: 'passage-list', 'aria-label': title },
    h('h2', { class: 'passage-list-title' }, title),
    h('p', { class: 'passage-list-keys' }, h('kbd', {}, 'j'), ' / ', h('kbd', {}, 'k'), ' next / previous'),
    passages.length > 0 ? h('ol', {}, items) : h('p', { class: 'empty' }, text ? 'Nothing to list.' : 'No aligned passages between these two sources.'),
  );
  let current: number | null = null;
  return {
    el,
    setCurrent(index) {
      if (index === current) return;
      const buttons = el.querySelectorAll<HTMLButtonElement>('.passage-entry');
      if (current !== null) buttons[current]?.removeAttribute('aria-current');
      current = index;
      if (index === null) return;
      const b = buttons[index];
      if (!b) return;
      b.setAttribute('aria-current', 'true');
      // Keep the current entry visible in the list without moving the page.
      const top = b.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
      if (top < el.scrollTop || top + b.offsetHeight > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - 40);
    },
  };
}
