/**
 * The sidebar's filter controls: a search box and kind, verdict and tag choices. Controlled by the
 * page: every change is reported as a whole AnnotationFilter, and `set` shows the filter the page
 * holds (after a reset made elsewhere, say). The tag choices follow the tags in use.
 */
import { KINDS, KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { h, replaceChildren } from '../ui/dom';
import { NO_FILTER, type AnnotationFilter } from './filter-annotations';

/** A mounted filter bar. */
export interface FilterBar {
  el: HTMLElement;
  /** Offer these tags (keeping the current choice offered even when no longer in use). */
  setOptions(tags: readonly string[]): void;
  /** Show `filter` in the controls, without reporting a change. */
  set(filter: AnnotationFilter): void;
  /** Clear every criterion (reported as a change). */
  reset(): void;
}

/** Build the filter bar; `onChange` gets the new filter on every change. */
export function filterBar(onChange: (f: AnnotationFilter) => void): FilterBar {
  const select = (name: string, label: string, any: string, options: [string, string][]) =>
    h('select', { name, id: `filter-${name}`, 'aria-label': label },
      h('option', { value: '' }, any),
      options.map(([v, l]) => h('option', { value: v }, l)));
  const kind = select('kind', 'Filter by kind', 'All kinds', KINDS.map((k) => [k, KIND_LABELS[k]]));
  const verdict = select('verdict', 'Filter by verdict', 'All verdicts', VERDICTS.map((v) => [v, VERDICT_LABELS[v]]));
  const tag = select('tag', 'Filter by tag', 'All tags', []);
  const q = h('input', { type: 'search', name: 'q', id: 'filter-q', placeholder: 'Search quotes and notes', 'aria-label': 'Search quotes and notes' });
  let tags: readonly string[] = [];

  const value = (): AnnotationFilter => ({
    kind: kind.value as AnnotationFilter['kind'],
    verdict: verdict.value as AnnotationFilter['verdict'],
    tag: tag.value,
    q: q.value,
  });
  const changed = () => onChange(value());
  for (const el of [kind, verdict, tag]) el.addEventListener('change', changed);
  q.addEventListener('input', changed);
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && q.value) {
      e.stopPropagation();
      q.value = '';
      changed();
    }
  });

  const fillTags = (keep: string) => {
    const offered = keep && !tags.includes(keep) ? [...tags, keep] : tags;
    replaceChildren(tag, h('option', { value: '' }, 'All tags'), offered.map((o) => h('option', { value: o }, o)));
    tag.value = keep;
  };

  const el = h('div', { class: 'filter-bar', role: 'search', 'aria-label': 'Filter annotations' }, q, h('div', { class: 'filter-selects' }, kind, verdict, tag));
  return {
    el,
    setOptions(next) {
      tags = next;
      fillTags(tag.value);
    },
    set(f) {
      kind.value = f.kind;
      verdict.value = f.verdict;
      if (tag.value !== f.tag) fillTags(f.tag);
      // Typing stays untouched: the page's filter is what was typed, except after a reset.
      if (q.value !== f.q) q.value = f.q;
    },
    reset() {
      onChange(NO_FILTER);
    },
  };
}
