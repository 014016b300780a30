/**
 * The "compare two sources" form for the home page: two selects of the sources and a Compare button
 * that navigates to `#/compare/<a>/<b>`. Picking the same source twice is refused in place.
 */
import './compare.css';
import { errorMessage } from '../api/api-error';
import { listSources, type SourceSummary } from '../api/client';
import { h } from '../ui/dom';
import { compareHref } from '../shared/routes';

let counter = 0;

function options(sources: readonly SourceSummary[], selected: string | undefined): HTMLOptionElement[] {
  return sources.map((s) => h('option', { value: s.id, selected: s.id === selected }, `${s.outlet}: ${s.title}`));
}

/**
 * Mount the picker into `root` (replacing its content). `sources` may be given when the page has
 * them already; otherwise they are loaded. Returns the form.
 */
export function renderComparePicker(root: HTMLElement, sources?: readonly SourceSummary[]): HTMLFormElement {
  const uid = `cmp${++counter}`;
  const left = h('select', { id: `${uid}-a`, name: 'a', required: true });
  const right = h('select', { id: `${uid}-b`, name: 'b', required: true });
  const error = h('p', { class: 'compare-picker-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Compare');
  const form = h('form', { class: 'compare-picker', 'aria-label': 'Compare two sources' },
    h('h2', { class: 'compare-picker-title' }, 'Compare two sources'),
    h('div', { class: 'compare-picker-row' },
      h('label', { for: left.id, class: 'visually-hidden' }, 'Left source'), left,
      h('span', { class: 'compare-picker-with', 'aria-hidden': 'true' }, 'with'),
      h('label', { for: right.id, class: 'visually-hidden' }, 'Right source'), right,
      submit,
    ),
    error,
  );
  const fill = (list: readonly SourceSummary[]) => {
    const sorted = [...list].sort((x, y) => x.outlet.localeCompare(y.outlet) || x.title.localeCompare(y.title));
    left.replaceChildren(...options(sorted, sorted[0]?.id));
    right.replaceChildren(...options(sorted, sorted[1]?.id ?? sorted[0]?.id));
    submit.disabled = sorted.length < 2;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (left.value === right.value) {
      error.hidden = false;
      error.textContent = 'Pick two different sources.';
      return;
    }
    error.hidden = true;
    location.hash = compareHref(left.value, right.value);
  });
  root.replaceChildren(form);
  if (sources) fill(sources);
  else {
    submit.disabled = true;
    listSources().then(fill, (err: unknown) => {
      error.hidden = false;
      error.textContent = `Could not load the sources: ${errorMessage(err)}`;
    });
  }
  return form;
}
