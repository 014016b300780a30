/**
 * The legend of the marks the compare columns draw (aligned passages, boilerplate, the three kinds of
 * word difference), each a sample of the mark beside its meaning. The compare view and the "What
 * changed" view name the same marks in their own words.
 */
import { h } from '../ui/dom';

/** A sample's classes (as the columns draw the mark) and what the mark means. */
export type LegendEntry = readonly [classes: string, meaning: string];

/** The legend element, a labelled group of samples. */
export function marksLegend(label: string, entries: readonly LegendEntry[]): HTMLElement {
  return h('div', { class: 'compare-legend', role: 'group', 'aria-label': label },
    entries.map(([cls, meaning]) => h('span', { class: 'legend-chip' }, h('span', { class: `chip-sample ${cls}` }, 'abc'), meaning)));
}
