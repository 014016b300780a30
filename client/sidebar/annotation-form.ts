/**
 * The form creating or editing an annotation: claimant, verdict, evidence links (one per line) for
 * claims; tags (comma separated), note and set for every kind. Claimant and tags complete from the
 * names already in use. It never closes itself: the page closes it once the server stored the
 * annotation, and reports a refusal into it: a problem with a field is said next to that field
 * (marked invalid), a conflict shows the current version with the user's edit one click away, and
 * nothing typed is lost. Escape cancels, Ctrl+Enter saves.
 */
import type { Kind, Verdict } from '../../core/model';
import { KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import type { Problem } from '../annotations/annotation-actions';
import type { FormField } from '../annotations/validation-messages';
import type { NameCount } from '../shared/vocabulary-match';
import { attachAutocomplete } from '../ui/autocomplete';
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
  /** The claimants and tags in use, for autocomplete. */
  vocabulary(): { claimants: readonly NameCount[]; tags: readonly NameCount[] } | null;
  onSubmit(values: FormValues): void;
  onCancel(): void;
}

/** A mounted form. */
export interface AnnotationForm {
  el: HTMLFormElement;
  values(): FormValues;
  setValues(values: FormValues): void;
  /** Show why the last save was refused (null clears); a conflict also shows `current` in the fields. */
  showProblem(problem: Problem | null, current?: FormValues): void;
  setSaving(saving: boolean): void;
  focusFirst(): void;
  /** Say above the fields that someone else changed the annotation meanwhile (null hides it). */
  showNotice(notice: { head: string; lines: readonly string[] } | null): void;
}

let formCounter = 0;

/** Build an annotation form. */
export function annotationForm(opts: AnnotationFormOptions): AnnotationForm {
  const uid = `af${++formCounter}`;
  const isClaim = opts.kind === 'claim';
  const errors = new Map<FormField, { control: HTMLElement; el: HTMLElement; hint: string | null }>();
  const field = (name: FormField, label: string, control: HTMLElement, hint?: string, extra?: HTMLElement): HTMLElement => {
    control.id = `${uid}-${control.getAttribute('name')}`;
    const hintEl = hint ? h('span', { class: 'field-hint', id: `${control.id}-hint` }, hint) : null;
    const errorEl = h('span', { class: 'field-error', id: `${control.id}-error`, hidden: true });
    if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
    errors.set(name, { control, el: errorEl, hint: hintEl?.id ?? null });
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, extra ?? null, errorEl, hintEl);
  };

  const claimant = h('input', { type: 'text', name: 'claimant', maxlength: 200, autocomplete: 'off' });
  const verdict = h('select', { name: 'verdict' }, VERDICTS.map((v) => h('option', { value: v }, VERDICT_LABELS[v])));
  const evidence = h('textarea', { name: 'evidence', rows: 2, placeholder: 'https://…' });
  const tags = h('input', { type: 'text', name: 'tags', autocomplete: 'off', placeholder: 'attribution, numbers' });
  const note = h('textarea', { name: 'note', rows: 3 });
  const set = h('select', { name: 'set' }, opts.sets.map((s) => h('option', { value: s }, s)));
  const general = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const notice = h('div', { class: 'form-notice', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, opts.mode === 'create' ? `Save ${KIND_LABELS[opts.kind].toLowerCase()}` : 'Save changes');
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => opts.onCancel() }, 'Cancel');
  const claimantList = attachAutocomplete(claimant, { entries: () => opts.vocabulary()?.claimants ?? [], list: false, label: 'Claimants in use' });
  const tagList = attachAutocomplete(tags, { entries: () => opts.vocabulary()?.tags ?? [], list: true, label: 'Tags in use' });

  const title = `${opts.mode === 'create' ? 'New' : 'Edit'} ${KIND_LABELS[opts.kind].toLowerCase()}`;
  const el = h('form', { class: `annotation-form kind-${opts.kind}`, 'aria-label': title, novalidate: true },
    h('h3', { class: 'form-title' }, title),
    h('blockquote', { class: 'form-quote' }, opts.quote),
    notice,
    isClaim && field('claimant', 'Claimant', claimant, 'Who makes the claim', claimantList),
    isClaim && field('verdict', 'Verdict', verdict),
    isClaim && field('evidence', 'Evidence', evidence, 'One link per line'),
    field('tags', 'Tags', tags, 'Comma separated', tagList),
    field('note', 'Note', note),
    field('set', 'Set', set),
    general,
    h('div', { class: 'form-actions' }, save, cancel, h('span', { class: 'field-hint' }, 'Ctrl+Enter saves · Esc cancels')),
  );
  const clearProblems = () => {
    general.hidden = true;
    general.replaceChildren();
    for (const { control, el: errorEl, hint } of errors.values()) {
      errorEl.hidden = true;
      errorEl.textContent = '';
      control.removeAttribute('aria-invalid');
      if (hint) control.setAttribute('aria-describedby', hint);
      else control.removeAttribute('aria-describedby');
    }
  };

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
      if (![...set.options].some((o) => o.value === v.set)) set.append(h('option', { value: v.set }, v.set));
      set.value = v.set;
      tags.value = v.tags;
      note.value = v.note;
      claimant.value = v.claimant;
      verdict.value = v.verdict;
      evidence.value = v.evidence;
    },
    showProblem(problem, current) {
      clearProblems();
      if (!problem) return;
      if (problem.kind === 'conflict' && current) {
        const mine = api.values();
        api.setValues(current);
        const restore = h('button', { type: 'button', class: 'btn btn-small', onclick: () => {
          api.setValues(mine);
          general.hidden = true;
          (isClaim ? verdict : note).focus();
        } }, 'Re-apply my edit');
        general.replaceChildren(h('p', {}, problem.message), restore);
        general.dataset.kind = 'conflict';
        general.hidden = false;
        return;
      }
      const unplaced: string[] = [];
      let first: HTMLElement | null = null;
      for (const f of problem.kind === 'invalid' ? problem.fields : []) {
        const slot = f.field ? errors.get(f.field) : undefined;
        // Problems with a field this form has not (the passage) are said above the buttons.
        if (!slot) {
          unplaced.push(f.message);
          continue;
        }
        slot.el.textContent = slot.el.textContent ? `${slot.el.textContent} ${f.message}` : f.message;
        slot.el.hidden = false;
        slot.control.setAttribute('aria-invalid', 'true');
        slot.control.setAttribute('aria-describedby', [slot.el.id, slot.hint].filter(Boolean).join(' '));
        first ??= slot.control;
      }
      const summary = problem.kind === 'invalid' ? (unplaced.length ? `Not saved: ${unplaced.join(' ')}` : 'Not saved: please correct the marked field.') : problem.message;
      general.replaceChildren(summary);
      general.dataset.kind = 'error';
      general.hidden = false;
      first?.focus();
    },
    setSaving(saving) {
      save.disabled = saving;
      save.textContent = saving ? 'Saving…' : opts.mode === 'create' ? `Save ${KIND_LABELS[opts.kind].toLowerCase()}` : 'Save changes';
      if (saving) el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
    },
    focusFirst() {
      (isClaim ? claimant : note).focus();
    },
    showNotice(n) {
      notice.hidden = n === null;
      notice.replaceChildren(...(n ? [h('p', {}, n.head), n.lines.length ? h('ul', {}, n.lines.map((l) => h('li', {}, l))) : ''] : []));
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
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    if (save.disabled) return;
    opts.onSubmit(api.values());
  });
  return api;
}
