/**
 * One suggestion drawn for the reader, the same in the inbox and in the viewer's margin popover:
 * its category (and a claim candidate's score), the one-line summary, the evidence as labelled
 * lines, what accepting it makes, and each passage quoted under the title of its source (a short
 * passage, such as a typo, with the words around it once its source's text is known). Each source
 * links to its page opened on this suggestion. Text only ever enters as text nodes.
 */
import type { Suggestion } from '../../core/inconsistency/types';
import { suggestionHref } from '../shared/routes';
import { excerpt } from '../shared/text-excerpt';
import { h, type Child } from '../ui/dom';
import { acceptOutcome, categoryLabel, evidenceItems, passageInContext, scoreText, SHORT_PASSAGE } from './suggestion-details';

/** What a suggestion's drawing needs from the page. */
export interface SuggestionViewOptions {
  /** Source titles by id (ids serve for the ones not known). */
  titles: ReadonlyMap<string, string>;
  /** Prefix of the element ids, unique on the page (the summary is `<idBase>-summary`). */
  idBase: string;
  /** The source open in the viewer: its passages say "This source" rather than link to it. */
  here?: string;
  /** Source texts loaded so far, for the words around short passages. */
  texts?: ReadonlyMap<string, string>;
  /** How long a quoted passage may be. */
  quoteLength?: number;
}

/** The category badge, with the score of a claim candidate. */
export function suggestionHead(s: Suggestion, idBase: string): HTMLElement {
  return h('div', { class: 'card-head sg-head' },
    h('span', { class: `badge sg-badge sg-${s.category}`, id: `${idBase}-category` }, categoryLabel(s.category)),
    s.score !== undefined ? h('span', { class: 'sg-score', title: 'How clearly the sentence states something checkable (0 to 1)' }, scoreText(s.score)) : null,
  );
}

function quote(s: Suggestion, t: Suggestion['targets'][number], opts: SuggestionViewOptions): HTMLElement {
  const ctx = passageInContext(opts.texts?.get(t.source), t);
  if (!ctx.before && !ctx.after) return h('q', { class: 'sg-excerpt' }, excerpt(t.exact, opts.quoteLength ?? 240));
  // The suggested words stand out from their context for the eye; the quote reads on for the ear.
  return h('q', { class: 'sg-excerpt sg-excerpt-context' }, ctx.before, h('mark', { class: 'sg-words' }, ctx.exact), ctx.after);
}

function passages(s: Suggestion, opts: SuggestionViewOptions): HTMLElement {
  return h('ul', { class: 'sg-passages', 'aria-label': 'Passages' },
    s.targets.map((t) =>
      h('li', { class: `sg-passage${t.source === opts.here ? ' is-here' : ''}`, 'data-source': t.source },
        t.source === opts.here
          ? h('span', { class: 'sg-source' }, 'This source')
          : h('a', { class: 'sg-source', href: suggestionHref(t.source, s.id), title: 'Open this passage in the viewer' }, opts.titles.get(t.source) ?? t.source),
        ' ',
        quote(s, t, opts),
      ),
    ),
  );
}

/** The summary, evidence, outcome and passages of `s` (without the head, which callers place). */
export function suggestionBody(s: Suggestion, opts: SuggestionViewOptions): Child[] {
  const titleOf = (id: string) => opts.titles.get(id) ?? id;
  const evidence = evidenceItems(s, titleOf);
  return [
    h('p', { class: 'sg-summary', id: `${opts.idBase}-summary` }, s.summary),
    evidence.length > 0 ? h('dl', { class: 'sg-evidence' }, evidence.map((e) => [h('dt', {}, e.label), h('dd', {}, e.value)])) : null,
    passages(s, opts),
    h('p', { class: 'sg-outcome' }, acceptOutcome(s)),
  ];
}

/** Whether a passage of `s` would show the words around it once its source's text is loaded. */
export function wantsContext(s: Suggestion): boolean {
  return s.targets.some((t) => t.exact.length < SHORT_PASSAGE);
}
