/**
 * The "Re-check the verdict" flag: shown on a claim one of whose passages was reworded or removed by
 * a later revision of its source (shared/target-changes.ts decides), on its card in the viewer, in
 * the "Changed passages" section and on the annotations page. The explanation shows on hover and is
 * read by screen readers with the flag.
 */
import { RECHECK_EXPLANATION } from '../shared/target-changes';
import { h } from './dom';

/** The flag element. */
export function recheckFlag(): HTMLElement {
  return h('span', { class: 'badge badge-recheck', title: RECHECK_EXPLANATION },
    'Re-check the verdict',
    h('span', { class: 'visually-hidden' }, `: ${RECHECK_EXPLANATION}`),
  );
}
