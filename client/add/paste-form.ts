/**
 * The paste part of "Add sources": an article's text (or a page's HTML source) in a text area, then
 * its title, outlet, author, date and web address, prefilled with what Collate finds in the text
 * (`POST /api/sources/preview`; asked for on pasting, or with "Fill in the details"). A prefilled
 * guess is marked "guessed" in its label, so screen readers say it too, until the user changes it.
 * Save adds the source; a refusal is said beside the form and nothing typed is lost.
 */
import { h } from '../ui/dom';
import { outcomeView } from './add-results';
import { looksLikeHtml, META_FIELDS, type AddAction, type MetaField, type PasteState } from './add-state';

/** The form element and a way to bring it in line with the state. */
export interface PasteForm {
  el: HTMLElement;
  render(prev: PasteState | null, next: PasteState): void;
}

const LABELS: Record<MetaField, string> = { title: 'Title', outlet: 'Outlet', author: 'Author', published: 'Date published', url: 'Web address of the original' };
const TYPES: Record<MetaField, string> = { title: 'text', outlet: 'text', author: 'text', published: 'date', url: 'url' };

/** Build the paste form; what the user does goes to `dispatch`. */
export function pasteForm(dispatch: (action: AddAction) => void): PasteForm {
  const content = h('textarea', { id: 'paste-content', name: 'content', rows: 10, spellcheck: 'false', 'aria-describedby': 'paste-content-hint' });
  const formats = (['text', 'html'] as const).map((format) =>
    h('input', { type: 'radio', name: 'paste-format', id: `paste-format-${format}`, value: format, checked: format === 'text' }),
  );
  const previewButton = h('button', { type: 'button', class: 'btn', 'data-action': 'preview' }, 'Fill in the details');
  const previewStatus = h('p', { class: 'paste-preview-status', role: 'status', 'aria-live': 'polite' });
  const inputs = {} as Record<MetaField, HTMLInputElement>;
  const marks = {} as Record<MetaField, HTMLElement>;
  const fields = META_FIELDS.map((f) => {
    inputs[f] = h('input', { type: TYPES[f], id: `paste-${f}`, name: f, autocomplete: 'off' });
    marks[f] = h('span', { class: 'guess-mark', hidden: true }, ' guessed');
    inputs[f].addEventListener('input', () => dispatch({ type: 'field', field: f, value: inputs[f].value }));
    return h('div', { class: 'field', 'data-field': f }, h('label', { for: inputs[f].id }, LABELS[f], marks[f]), inputs[f]);
  });
  const excerpt = h('div', { class: 'paste-excerpt', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-action': 'save-paste' }, 'Add source');
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const result = h('p', { class: 'paste-result', role: 'status', 'aria-live': 'polite' });

  content.addEventListener('input', (e) => {
    const pasted = (e as InputEvent).inputType === 'insertFromPaste';
    // A page's source pasted as text would be added as markup: switch to HTML when it starts like one.
    const format = pasted && looksLikeHtml(content.value) ? 'html' : undefined;
    dispatch({ type: 'paste-input', content: content.value, format });
    if (pasted) dispatch({ type: 'preview' });
  });
  for (const radio of formats) radio.addEventListener('change', () => radio.checked && dispatch({ type: 'paste-format', format: radio.value as 'text' | 'html' }));
  previewButton.addEventListener('click', () => dispatch({ type: 'preview' }));

  const el = h('form', { class: 'add-paste', novalidate: true, 'aria-labelledby': 'add-paste-title', onsubmit: (e: Event) => { e.preventDefault(); dispatch({ type: 'save' }); } },
    h('h2', { id: 'add-paste-title' }, 'Paste an article'),
    h('fieldset', { class: 'paste-format' },
      h('legend', {}, 'What you paste'),
      h('label', { for: formats[0].id }, formats[0], ' Text of the article'),
      h('label', { for: formats[1].id }, formats[1], ' HTML source of a web page (the article is taken out of it)'),
    ),
    h('div', { class: 'field' },
      h('label', { for: content.id }, 'Article'),
      content,
      h('span', { class: 'field-hint', id: 'paste-content-hint' }, 'Paste or type the article. Its details are filled in when you paste; you can change them before saving.'),
    ),
    h('div', { class: 'paste-preview-bar' }, previewButton, previewStatus),
    h('fieldset', { class: 'paste-details' },
      h('legend', {}, 'Details'),
      h('p', { class: 'field-hint' }, 'Fields marked “guessed” were found by Collate in the text: check them. An empty field is left for Collate to guess.'),
      h('div', { class: 'paste-fields' }, fields),
    ),
    excerpt,
    error,
    h('div', { class: 'form-actions' }, save),
    result,
  );

  return {
    el,
    render(prev, next) {
      if (content.value !== next.content) content.value = next.content;
      for (const radio of formats) radio.checked = radio.value === next.format;
      for (const f of META_FIELDS) {
        if (inputs[f].value !== next.fields[f]) inputs[f].value = next.fields[f];
        marks[f].hidden = !next.guessed.has(f);
        inputs[f].classList.toggle('is-guessed', next.guessed.has(f));
      }
      if (prev?.preview !== next.preview) {
        const p = next.preview;
        previewButton.disabled = p.phase === 'loading';
        previewStatus.textContent = p.phase === 'loading'
          ? 'Reading the text…'
          : p.phase === 'failed'
            ? `Could not read the details: ${p.message}`
            : p.phase === 'ready' ? (p.value.guessed.length ? `Details filled in; ${p.value.guessed.length} of them guessed: please check.` : 'Details filled in from the text.') : '';
        previewStatus.classList.toggle('is-error', p.phase === 'failed');
        excerpt.hidden = p.phase !== 'ready';
        if (p.phase === 'ready') {
          excerpt.replaceChildren(
            h('p', { class: 'field-hint' }, `It will be added as “${p.value.id}”, ${p.value.words.toLocaleString('en')} words. It starts:`),
            h('blockquote', { class: 'paste-excerpt-text' }, p.value.excerpt),
          );
        }
      }
      save.disabled = next.saving;
      save.textContent = next.saving ? 'Adding…' : 'Add source';
      error.hidden = next.error === null;
      error.textContent = next.error ?? '';
      if (prev?.saved !== next.saved) result.replaceChildren(next.saved ? outcomeView(next.saved) : '');
    },
  };
}
