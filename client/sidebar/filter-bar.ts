/**
 * The sidebar's filter controls: kind, verdict, tag, set and a search box. Reports every change as a
 * whole AnnotationFilter; the tag and set options follow the annotations and sets present.
 */
import { KINDS, KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { h, replaceChildren } from '../ui/dom';
import { NO_FILTER, type AnnotationFilter } from './filter-annotations';

/** A mounted filter bar. */
export interface FilterBar {
  el: HTMLElement;
  /** Refresh the tag and set options, keeping current choices when still offered. */
  setOptions(tags: readonly string[], sets: readonly string[]): void;
  value(): AnnotationFilter;
  reset(): void;
}

/** Build the filter bar; `onChange` gets the new filter on every change. */
export function filterBar(onChange: (f: AnnotationFilter) => void): FilterBar {
  const select = (name: string, label: string, any: string, options: [string, string][]) => {
    const el = h('select', { name, id: `filter-${name}`, 'aria-label': label },
      h('option', { value: '' }, any),
      options.map(([v, l]) => h('option', { value: v }, l)));
    return el;
  };
  const kind = select('kind', 'Filter by kind', 'All kinds', KINDS.map((k) => [k, KIND_LABELS[k]]));
  const verdict = select('verdict', 'Filter by verdict', 'All verdicts', VERDICTS.map((v) => [v, VERDICT_LABELS[v]]));
  const tag = select('tag', 'Filter by tag', 'All tags', []);
  const set = select('set', 'Filter by set', 'All sets', []);
  const q = h('input', { type: 'search', name: 'q', id: 'filter-q', placeholder: 'Search quotes and notes', 'aria-label': 'Search quotes and notes' });

  const value = (): AnnotationFilter => ({
    kind: kind.value as AnnotationFilter['kind'],
    verdict: verdict.value as AnnotationFilter['verdict'],
    tag: tag.value,
    set: set.value,
    q: q.value,
  });
  const changed = () => onChange(value());
  for (const el of [kind, verdict, tag, set]) el.addEventListener('change', changed);
  q.addEventListener('input', changed);
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && q.value) {
      e.stopPropagation();
      q.value = '';
      changed();
    }
  });

  const refill = (el: HTMLSelectElement, any: string, options: readonly string[]) => {
    const keep = el.value;
    replaceChildren(el, h('option', { value: '' }, any), options.map((o) => h('option', { value: o }, o)));
    el.value = options.includes(keep) ? keep : '';
  };

  const el = h('div', { class: 'filter-bar', role: 'search', 'aria-label': 'Filter annotations' }, q, h('div', { class: 'filter-selects' }, kind, verdict, tag, set));
  return {
    el,
    setOptions(tags, sets) {
      refill(tag, 'All tags', tags);
      refill(set, 'All sets', sets);
    },
    value,
    reset() {
      kind.value = NO_FILTER.kind;
      verdict.value = NO_FILTER.verdict;
      tag.value = NO_FILTER.tag;
      set.value = NO_FILTER.set;
      q.value = NO_FILTER.q;
      changed();
    },
  };
}
