/**
 * The colour legend of the highlights: one swatch per claim verdict and per other kind, and samples
 * of the reuse marks, using the same classes as the decorations so the legend can never drift from
 * what is drawn.
 */
import { KINDS, KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { h } from '../ui/dom';
import { highlightClass } from './highlights-plugin';

/** Build the legend: a compact, always visible strip of swatches. */
export function legend(): HTMLElement {
  const swatch = (cls: string, label: string) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label);
  return h('div', { class: 'legend', role: 'group', 'aria-label': 'Colour legend' },
    h('span', { class: 'legend-title' }, 'Claims:'),
    h('ul', {}, VERDICTS.map((v) => swatch(highlightClass({ kind: 'claim', verdict: v }), VERDICT_LABELS[v]))),
    h('span', { class: 'legend-title' }, 'Other:'),
    h('ul', {}, KINDS.filter((k) => k !== 'claim').map((k) => swatch(highlightClass({ kind: k }), KIND_LABELS[k]))),
    h('span', { class: 'legend-note' }, 'Overlaps stack darker.'),
    h('span', { class: 'legend-title' }, 'Reuse:'),
    h('ul', {},
      h('li', {}, h('span', { class: 'legend-reuse reuse', 'aria-hidden': 'true' }, 'abc'), ' also in another source'),
      h('li', {}, h('span', { class: 'legend-reuse reuse reuse-boilerplate', 'aria-hidden': 'true' }, 'abc'), ' site boilerplate'),
    ),
  );
}
