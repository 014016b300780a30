/**
 * The frame of the export, import and link dialogs: a native <dialog> opened with showModal (so
 * focus is trapped and Escape closes it), holding one form. The first field gets focus, Enter in a
 * one-line field or Ctrl+Enter anywhere submits, and the dialog removes itself once closed.
 */
import { h, type Child } from '../ui/dom';

/** How a dialog is built and what its submit button does. */
export interface ModalOptions {
  title: string;
  /** Extra class on the <dialog>, for styles and tests. */
  className: string;
  submitLabel: string;
  /** The fields and text of the form. */
  body: Child[];
  /** Runs on submit while the dialog shows as busy; resolve true to close the dialog. */
  onSubmit(): Promise<boolean>;
  onClose?(): void;
}

/** An open dialog. */
export interface Modal {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  submit: HTMLButtonElement;
  /** Show an error (and optionally a list of details) above the buttons; null hides it. */
  showError(message: string | null, details?: string[]): void;
  /** Show a neutral or success message above the buttons. */
  showNote(message: string | null): void;
  /** The work is done and its result shows: only a "Close" button stays, with focus. */
  finish(): void;
  close(): void;
}

let dialogCounter = 0;

/** Build, append and open a modal dialog. */
export function openModal(opts: ModalOptions): Modal {
  const uid = `modal${++dialogCounter}`;
  const error = h('div', { class: 'form-error modal-error', role: 'alert', hidden: true });
  const note = h('div', { class: 'modal-note', role: 'status', 'aria-live': 'polite', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, opts.submitLabel);
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => close() }, 'Cancel');
  const form = h('form', { class: 'modal-form', novalidate: true },
    h('h2', { id: `${uid}-title`, class: 'modal-title' }, opts.title),
    h('div', { class: 'modal-body' }, opts.body),
    error,
    note,
    h('div', { class: 'modal-actions' }, cancel, submit),
  );
  const dialog = h('dialog', { class: `modal ${opts.className}`, 'aria-labelledby': `${uid}-title` }, form);

  let busy = false;
  const close = () => {
    if (dialog.open) dialog.close();
  };
  // Where focus goes back to once the dialog closes (the button that opened it, usually).
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  dialog.addEventListener('close', () => {
    dialog.remove();
    opts.onClose?.();
    if (opener?.isConnected && !document.querySelector('dialog[open]')) opener.focus({ preventScroll: true });
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy || submit.hidden) return;
    busy = true;
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    void opts
      .onSubmit()
      .then((done) => {
        if (done) close();
      })
      .catch((err: unknown) => showError(err instanceof Error ? err.message : String(err)))
      .finally(() => {
        busy = false;
        submit.disabled = false;
        form.removeAttribute('aria-busy');
      });
  });
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    const t = e.target as HTMLElement;
    const oneLine = t instanceof HTMLInputElement && t.type !== 'file' && t.type !== 'button' && t.type !== 'submit';
    // Enter submits from one-line fields and selects (and checkboxes, which the browser ignores);
    // in a textarea Enter is a newline, so Ctrl/Cmd+Enter submits there.
    if (oneLine || t instanceof HTMLSelectElement || e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.requestSubmit(submit);
    }
  });

  const showError = (message: string | null, details: string[] = []) => {
    error.hidden = message === null;
    error.replaceChildren(
      ...(message === null ? [] : [h('p', {}, message)]),
      ...(details.length > 0 ? [h('ul', { class: 'modal-error-list' }, details.map((d) => h('li', {}, d)))] : []),
    );
  };
  const showNote = (message: string | null) => {
    note.hidden = message === null;
    note.textContent = message ?? '';
  };

  const finish = () => {
    submit.hidden = true;
    cancel.textContent = 'Close';
    cancel.focus();
  };

  document.body.appendChild(dialog);
  dialog.showModal();
  const first = form.querySelector<HTMLElement>('.modal-body input:not([type=hidden]), .modal-body select, .modal-body textarea');
  first?.focus();
  return { dialog, form, submit, showError, showNote, finish, close };
}
