/**
 * The set picker in the viewer toolbar: choose the active set (new annotations go there) and create
 * a new set inline (POST /api/sets). Escape closes the new-set form.
 */
import { createSet, type SetSummary } from '../api/client';
import { ApiError, errorMessage } from '../api/api-error';
import { guard } from '../account/denied-control';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import { saveActiveSet } from './active-set';
import { SET_NAME_MAX, setNameProblem } from './set-name';

/** What the picker needs from the page. */
export interface SetPickerOptions {
  sets: readonly SetSummary[];
  active: string;
  /** Called after the active set changed (also after a new set was created and made active). */
  onChange(active: string, sets: readonly SetSummary[]): void;
}

/** Build the picker: a labelled select plus a "New set" button opening a small form. */
export function setPicker(opts: SetPickerOptions): HTMLElement {
  let sets = [...opts.sets];
  const select = h('select', { id: 'active-set', class: 'set-select', 'aria-describedby': 'active-set-hint' });
  const fill = (active: string) => {
    select.replaceChildren(...sets.map((s) => h('option', { value: s.name, selected: s.name === active }, s.name)));
    select.value = active;
  };
  fill(opts.active);
  select.addEventListener('change', () => {
    saveActiveSet(select.value);
    opts.onChange(select.value, sets);
  });

  const nameInput = h('input', { type: 'text', name: 'set-name', required: true, maxlength: SET_NAME_MAX, placeholder: 'e.g. fact-check-2024', 'aria-label': 'New set name' });
  const descInput = h('input', { type: 'text', name: 'set-description', maxlength: 2000, placeholder: 'Description (optional)', 'aria-label': 'New set description' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create set');
  const form = h('form', { class: 'new-set-form', hidden: true },
    nameInput, descInput, submit,
    h('button', { type: 'button', class: 'btn', onclick: () => close() }, 'Cancel'),
    error,
  );
  const toggle = guard(h('button', { type: 'button', class: 'btn btn-small', 'aria-expanded': 'false', onclick: () => open() }, 'New set'), 'set.manage');

  function open(): void {
    form.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    nameInput.focus();
  }
  function close(): void {
    form.hidden = true;
    error.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  }
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    const name = nameInput.value.trim();
    const problem = setNameProblem(name);
    if (problem) {
      // Said before sending: the server would refuse it with a validation report.
      error.textContent = problem;
      error.hidden = false;
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    submit.disabled = true;
    try {
      const created = await createSet({ name, description: descInput.value.trim() });
      sets = [...sets, { ...created, count: 0 }];
      fill(created.name);
      saveActiveSet(created.name);
      nameInput.value = '';
      descInput.value = '';
      close();
      showStatus(`Created set “${created.name}”; new annotations go there.`, 'success');
      opts.onChange(created.name, sets);
    } catch (err) {
      // The form stays open with what was typed, so the name can be corrected.
      error.textContent = err instanceof ApiError && err.status === 409
        ? `A set named “${name}” exists already: choose it in the list, or pick another name.`
        : `The set was not created: ${errorMessage(err)}`;
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });

  return h('div', { class: 'set-picker' },
    h('label', { for: 'active-set' }, 'Active set'),
    select,
    toggle,
    h('span', { id: 'active-set-hint', class: 'visually-hidden' }, 'New annotations are saved to the active set'),
    form,
  );
}
