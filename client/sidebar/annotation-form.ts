/**
 * The form creating or editing an annotation: claimant, verdict, evidence links (one per line) for
 * claims; tags (comma separated), note and set for every kind. It never closes itself on a failed
 * save: the page reports the error into it and the user's input stays. Escape cancels, Ctrl+Enter saves.
 */
import type { Kind, Verdict } from '../../core/model';
import { KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { h } from '../ui/dom';
import type { FormValues } from './form-values';

/** What the form shows and whom it tells. */
export interface AnnotationFormOptions {
  mode: 'create' | 'edit';
  kind: Kind;
  /** The passage (or an excerpt of it) the annotation is about, shown as text. */
  quote: string;
  values: FormValues;
  sets: readonly string[];
  /** Save; a rejection keeps the form open (the page calls showError or showConflict). */
  onSubmit(values: FormValues): Promise<void>;
  onCancel(): void;
}

/** A mounted form. */
export interface AnnotationForm {
  el: HTMLFormElement;
  values(): FormValues;
  setValues(values: FormValues): void;
  showError(message: string): void;
  /** Show the server's current version in the fields, keeping the user's edit one click away. */
  showConflict(message: string, current: FormValues): void;
  focusFirst(): void;
}

let formCounter = 0;

/** Build an annotation form. */
export function annotationForm(opts: AnnotationFormOptions): AnnotationForm {
  const uid = `af${++formCounter}`;
  const isClaim = opts.kind === 'claim';
  const field = (label: string, control: HTMLElement, hint?: string) => {
    control.id = `${uid}-${control.getAttribute('name')}`;
    const hintEl = hint ? h('span', { class: 'field-hint', id: `${control.id}-hint` }, hint) : null;
    if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
  };

  const claimant = h('input', { type: 'text', name: 'claimant', maxlength: 200, autocomplete: 'off' });
  const verdict = h('select', { name: 'verdict' }, VERDICTS.map((v) => h('option', { value: v }, VERDICT_LABELS[v])));
  const evidence = h('textarea', { name: 'evidence', rows: 2, placeholder: 'https://…' });
  const tags = h('input', { type: 'text', name: 'tags', autocomplete: 'off', placeholder: 'attribution, numbers' });
  const note = h('textarea', { name: 'note', rows: 3 });
  const set = h('select', { name: 'set' }, opts.sets.map((s) => h('option', { value: s }, s)));
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, opts.mode === 'create' ? `Save ${KIND_LABELS[opts.kind].toLowerCase()}` : 'Save changes');
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => opts.onCancel() }, 'Cancel');

  const title = opts.mode === 'create' ? `New ${KIND_LABELS[opts.kind].toLowerCase()}` : `Edit ${KIND_LABELS[opts.kind].toLowerCase()}`;
  const el = h('form', { class: `annotation-form kind-${opts.kind}`, 'aria-label': title, novalidate: true },
    h('h3', { class: 'form-title' }, title),
    h('blockquote', { class: 'form-quote' }, opts.quote),
    isClaim && field('Claimant', claimant, 'Who makes the claim'),
    isClaim && field('Verdict', verdict),
    isClaim && field('Evidence', evidence, 'One link per line'),
    field('Tags', tags, 'Comma separated'),
    field('Note', note),
    field('Set', set),
    error,
    h('div', { class: 'form-actions' }, save, cancel, h('span', { class: 'field-hint' }, 'Ctrl+Enter saves · Esc cancels')),
  );

  const api: AnnotationForm = {
    el,
    values: () => ({
      set: set.value,
      tags: tags.value,
      note: note.value,
      claimant: claimant.value,
      verdict: verdict.value as Verdict,
      evidence: evidence.value,
    }),
    setValues(v) {
      if (!opts.sets.includes(v.set)) set.append(h('option', { value: v.set }, v.set));
      set.value = v.set;
      tags.value = v.tags;
      note.value = v.note;
      claimant.value = v.claimant;
      verdict.value = v.verdict;
      evidence.value = v.evidence;
    },
    showError(message) {
      error.replaceChildren(message);
      error.dataset.kind = 'error';
      error.hidden = false;
    },
    showConflict(message, current) {
      const mine = api.values();
      api.setValues(current);
      const restore = h('button', { type: 'button', class: 'btn btn-small', onclick: () => {
        api.setValues(mine);
        error.hidden = true;
        (isClaim ? verdict : note).focus();
      } }, 'Re-apply my edit');
      error.replaceChildren(h('p', {}, message), restore);
      error.dataset.kind = 'conflict';
      error.hidden = false;
    },
    focusFirst() {
      (isClaim ? claimant : note).focus();
    },
  };
  api.setValues(opts.values);

  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      opts.onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      el.requestSubmit();
    }
  });
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    save.disabled = true;
    save.dataset.label = save.textContent ?? '';
    save.textContent = 'Saving…';
    el.setAttribute('aria-busy', 'true');
    try {
      await opts.onSubmit(api.values());
    } catch {
      // The page has reported the failure into the form; nothing typed is lost.
    } finally {
      save.disabled = false;
      save.textContent = save.dataset.label ?? 'Save';
      el.removeAttribute('aria-busy');
    }
  });
  return api;
}
