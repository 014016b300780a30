/**
 * The "Link as inconsistency" form of the compare view: shows the two selected passages, asks for a
 * note, tags (common ones as checkboxes, others typed) and the set, and posts an inconsistency
 * annotation targeting both (through the shared use cases). The viewer's draft tray opens it with
 * any number of passages. A refused save keeps the dialog open with the reason in the user's terms.
 */
import type { Annotation, CreateAnnotation } from '../../core/model';
import { createAnnotation } from './annotation-actions';
import { parseTags } from '../shared/vocabulary-match';
import { openModal, type Modal } from '../ui/modal-dialog';
import { h } from '../ui/dom';
import type { TextSpan } from '../shared/trim-range';

/** Tags offered as checkboxes: what inconsistencies between reports are usually about. */
export const INCONSISTENCY_TAGS = ['attribution', 'quote', 'number', 'date', 'venue'] as const;

/** One side of the link: the source and the selected span in it. */
export interface LinkSide {
  source: string;
  title: string;
  span: TextSpan;
}

/** The POST body linking `left` and `right` as an inconsistency. */
export function inconsistencyBody(left: LinkSide, right: LinkSide, values: { set: string; note: string; tags: string[] }): CreateAnnotation {
  return linkBody([left, right], values);
}

let counter = 0;

/** A passage shown in the dialog, with the label above its quote ("Left", "Passage 2"). */
export interface LabelledSide extends LinkSide {
  label: string;
}

/** The POST body linking every passage of `sides` (two or more) as one inconsistency. */
export function linkBody(sides: readonly LinkSide[], values: { set: string; note: string; tags: string[] }): CreateAnnotation {
  if (sides.length < 2) throw new RangeError('An inconsistency links at least two passages');
  const targets = sides.map((s) => ({ source: s.source, start: s.span.start, end: s.span.end, exact: s.span.exact }));
  return { kind: 'inconsistency', set: values.set, targets, tags: values.tags, note: values.note };
}

/**
 * Open the dialog; `onSaved` receives the created annotation. The passages are `left` and `right`
 * (the compare view) or, from the viewer's draft tray, `passages` (two or more, in any sources).
 */
export function openInconsistencyDialog(opts: {
  left?: LinkSide;
  right?: LinkSide;
  passages?: readonly LabelledSide[];
  sets: readonly string[];
  set: string;
  onSaved(annotation: Annotation): void;
}): Modal {
  const sides: LabelledSide[] = opts.passages
    ? [...opts.passages]
    : [opts.left && { ...opts.left, label: 'Left' }, opts.right && { ...opts.right, label: 'Right' }].filter((x): x is LabelledSide => Boolean(x));
  const uid = `inc${++counter}`;
  const note = h('textarea', { id: `${uid}-note`, name: 'note', rows: 3, placeholder: 'What differs, and which version is right?' });
  const boxes = INCONSISTENCY_TAGS.map((tag) => h('input', { type: 'checkbox', name: 'tag', value: tag, id: `${uid}-tag-${tag}` }));
  const otherTags = h('input', { type: 'text', id: `${uid}-tags`, name: 'tags', autocomplete: 'off', placeholder: 'comma separated' });
  const set = h('select', { id: `${uid}-set`, name: 'set' }, opts.sets.map((s) => h('option', { value: s, selected: s === opts.set }, s)));
  const quote = (side: LabelledSide) =>
    h('figure', { class: 'link-quote' },
      h('figcaption', {}, `${side.label}: ${side.title}`, h('span', { class: 'link-offsets' }, ` (${side.span.start}–${side.span.end})`)),
      h('blockquote', {}, side.span.exact),
    );

  const modal = openModal({
    title: 'Link as inconsistency',
    className: 'link-dialog',
    submitLabel: 'Save inconsistency',
    body: [
      h('div', { class: `link-quotes${sides.length > 2 ? ' link-quotes-many' : ''}` }, sides.map(quote)),
      h('div', { class: 'field' }, h('label', { for: note.id }, 'Note'), note, h('span', { class: 'field-hint' }, 'Ctrl+Enter saves.')),
      h('fieldset', { class: 'link-tags' },
        h('legend', {}, 'Tags'),
        boxes.map((b) => h('label', { class: 'tag-check', for: b.id }, b, ` ${b.value}`)),
      ),
      h('div', { class: 'modal-grid link-grid' },
        h('div', { class: 'field' }, h('label', { for: otherTags.id }, 'Other tags'), otherTags),
        h('div', { class: 'field' }, h('label', { for: set.id }, 'Set'), set),
      ),
    ],
    onSubmit: async () => {
      modal.showError(null);
      for (const el of [note, otherTags]) el.removeAttribute('aria-invalid');
      const tags = parseTags([...boxes.filter((b) => b.checked).map((b) => b.value), otherTags.value].join(','));
      const outcome = await createAnnotation(linkBody(sides, { set: set.value, note: note.value, tags }));
      if (outcome.ok) {
        opts.onSaved(outcome.value);
        return true;
      }
      const { problem } = outcome;
      // A refused tag or note is marked where the user typed it.
      if (problem.kind === 'invalid') {
        if (problem.fields.some((f) => f.field === 'tags')) otherTags.setAttribute('aria-invalid', 'true');
        if (problem.fields.some((f) => f.field === 'note')) note.setAttribute('aria-invalid', 'true');
      }
      modal.showError(problem.message);
      return false;
    },
  });
  return modal;
}
