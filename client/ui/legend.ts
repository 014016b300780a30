/**
 * The colour legend of the highlights: one swatch per claim verdict and per other kind, and samples
 * of the reuse marks, using the same classes as the decorations so the legend can never drift from
 * what is drawn. It also holds, hidden, the words each highlight is described by for screen readers
 * ("Claim, verdict False"): the highlights point to them with aria-describedby, so one page has one
 * legend.
 */
import { KINDS, KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { highlightClass, highlightDescriptionId, highlightLabel, type HighlightLook } from '../shared/highlight-look';
import { h } from './dom';

/**
 * A false claim overlapped by a true one and a note, drawn with the real classes and depths, so the
 * sample shows exactly what an overlap in the text looks like.
 */
function overlapSample(): HTMLElement {
  const layer = (kind: 'claim' | 'note', depth: number, verdict: 'false' | 'true' | undefined, ...children: (HTMLElement | string)[]) =>
    h('span', { class: highlightClass({ kind, verdict }), 'data-depth': depth }, ...children);
  return h('span', { class: 'legend-overlap', 'aria-hidden': 'true' },
    layer('claim', 0, 'false', 'ab', layer('claim', 1, 'true', 'cd', layer('note', 2, undefined, 'ef'), 'g'), 'h'),
  );
}

/**
 * Build the legend: a compact, always visible strip of swatches. `reuse: false` leaves out the
 * reuse marks, for pages that do not draw them (the compare view marks reuse its own way).
 */
export function legend(opts: { reuse?: boolean } = {}): HTMLElement {
  const swatch = (cls: string, label: string) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label);
  const looks: HighlightLook[] = [...VERDICTS.map((v) => ({ kind: 'claim' as const, verdict: v })), ...KINDS.filter((k) => k !== 'claim').map((k) => ({ kind: k }))];
  return h('div', { class: 'legend', role: 'group', 'aria-label': 'Colour legend' },
    h('div', { hidden: true }, looks.map((look) => h('span', { id: highlightDescriptionId(look) }, highlightLabel(look)))),
    h('span', { class: 'legend-title' }, 'Claims:'),
    h('ul', {}, VERDICTS.map((v) => swatch(highlightClass({ kind: 'claim', verdict: v }), VERDICT_LABELS[v]))),
    h('span', { class: 'legend-title' }, 'Other:'),
    h('ul', {}, KINDS.filter((k) => k !== 'claim').map((k) => swatch(highlightClass({ kind: k }), KIND_LABELS[k]))),
    h('span', { class: 'legend-note' }, overlapSample(), 'Overlaps: one underline per layer, lower for each.'),
    opts.reuse === false ? null : [
      h('span', { class: 'legend-title' }, 'Reuse:'),
      h('ul', {},
        h('li', {}, h('span', { class: 'legend-reuse reuse', 'aria-hidden': 'true' }, 'abc'), ' also in another source'),
        h('li', {}, h('span', { class: 'legend-reuse reuse reuse-boilerplate', 'aria-hidden': 'true' }, 'abc'), ' site boilerplate'),
      ),
    ],
  );
}
