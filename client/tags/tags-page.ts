/**
 * The tags page (`#/tags`): every tag in use with how many annotations carry it (each a link to
 * those annotations), and a rename on each: renaming to a tag that exists merges the two on every
 * annotation (`POST /api/tags/rename`). The claimants in use are listed too, so spellings that
 * drifted apart show side by side. One state (tags-state.ts), changed through dispatch.
 */
import { errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { createPageStore, type Page } from '../shared/page-store';
import { annotationsHref } from '../shared/routes';
import { guard } from '../account/denied-control';
import { attachAutocomplete } from '../ui/autocomplete';
import { h } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { showStatus } from '../ui/status';
import { applyTags, INITIAL_TAGS_STATE, mergeTarget, renameProblem, type TagsAction, type TagsState } from './tags-state';

/** Mount the tags page into `root`. */
export function tagsPage(root: HTMLElement): Page {
  const { help, destroy: destroyHelp } = pageHelp('tags');
  document.title = 'Tags · Collate';
  const tagList = h('div', { class: 'tag-table-wrap' }, h('p', { class: 'loading' }, 'Loading the tags…'));
  const claimantList = h('div', { class: 'claimant-list-wrap' });

  /** The inline form renaming tag `from`. */
  const renameForm = (s: TagsState, from: string): HTMLElement => {
    const tags = s.vocabulary.phase === 'ready' ? s.vocabulary.value.tags : [];
    const input = h('input', { type: 'text', name: 'to', value: from, 'aria-label': `New name for “${from}”`, autocomplete: 'off', maxlength: 64 });
    const hint = h('span', { class: 'field-hint', id: 'rename-hint' }, 'Naming it like another tag merges the two.');
    const error = h('span', { class: 'field-error', id: 'rename-error', hidden: !s.rename?.problem }, s.rename?.problem ?? '');
    input.setAttribute('aria-describedby', s.rename?.problem ? 'rename-error rename-hint' : 'rename-hint');
    if (s.rename?.problem) input.setAttribute('aria-invalid', 'true');
    const list = attachAutocomplete(input, { entries: () => tags.filter((t) => t.name !== from), list: false, label: 'Tags in use' });
    const save = h('button', { type: 'submit', class: 'btn btn-small btn-primary', disabled: s.rename?.saving ?? false }, s.rename?.saving ? 'Renaming…' : 'Rename');
    const cancel = h('button', { type: 'button', class: 'btn btn-small', onclick: () => store.dispatch({ type: 'cancel-rename' }) }, 'Cancel');
    const form = h('form', { class: 'rename-form', 'aria-label': `Rename tag “${from}”` }, h('div', { class: 'field' }, input, list, error, hint), save, cancel);
    input.addEventListener('input', () => {
      const into = mergeTarget(tags, from, input.value);
      hint.textContent = into ? `Merges into “${into}”.` : 'Naming it like another tag merges the two.';
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) store.dispatch({ type: 'cancel-rename' });
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const problem = renameProblem(from, input.value);
      if (problem) store.dispatch({ type: 'rename-failed', message: problem });
      else store.dispatch({ type: 'rename', from, to: input.value.trim() });
    });
    queueMicrotask(() => {
      if (!s.rename?.saving) {
        input.focus();
        input.select();
      }
    });
    return form;
  };

  const render = (prev: TagsState, next: TagsState) => {
    const v = next.vocabulary;
    if (v.phase === 'loading') return;
    if (v.phase === 'failed') {
      tagList.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Could not load the tags: ${v.message}`));
      return;
    }
    if (prev.vocabulary === v && prev.rename === next.rename) return;
    const { tags, claimants } = v.value;
    tagList.replaceChildren(
      tags.length === 0
        ? h('p', { class: 'empty' }, 'No tags yet: add some to annotations in the viewer.')
        : h('table', { class: 'tag-table' },
            h('caption', { class: 'visually-hidden' }, 'Tags in use'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tag'), h('th', { scope: 'col' }, 'Annotations'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            h('tbody', {},
              tags.map((t) =>
                h('tr', { 'data-tag': t.name },
                  h('th', { scope: 'row' }, next.rename?.from === t.name ? renameForm(next, t.name) : h('span', { class: 'tag' }, t.name)),
                  h('td', {}, h('a', { href: annotationsHref({ tag: t.name }) }, `${t.count.toLocaleString('en')} annotation${t.count === 1 ? '' : 's'}`)),
                  h('td', {}, next.rename?.from === t.name ? null : guard(h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'rename', 'aria-label': `Rename “${t.name}”`, onclick: () => store.dispatch({ type: 'start-rename', from: t.name }) }, 'Rename…'), 'tag.rename')),
                ),
              ),
            ),
          ),
    );
    if (prev.vocabulary !== v) {
      claimantList.replaceChildren(
        claimants.length === 0
          ? h('p', { class: 'empty' }, 'No claimants named yet.')
          : h('ul', { class: 'claimant-list' }, claimants.map((c) => h('li', {}, h('a', { href: annotationsHref({ q: c.name }) }, c.name), h('span', { class: 'autocomplete-count' }, ` ${c.count}`)))),
      );
    }
  };

  const effect = (action: TagsAction) => {
    if (action.type === 'renamed') void load();
    if (action.type !== 'rename') return;
    void api.renameTag(action.from, action.to).then(
      ({ changed }) => {
        store.dispatch({ type: 'renamed', from: action.from, to: action.to, changed });
        showStatus(`Renamed “${action.from}” to “${action.to}” on ${changed} annotation${changed === 1 ? '' : 's'}.`, 'success');
      },
      (err: unknown) => store.dispatch({ type: 'rename-failed', message: `Not renamed: ${errorMessage(err)}` }),
    );
  };

  const store = createPageStore(INITIAL_TAGS_STATE, applyTags, { render, effect });
  const load = () =>
    api.getVocabulary().then(
      (vocabulary) => store.dispatch({ type: 'loaded', vocabulary }),
      (err: unknown) => store.dispatch({ type: 'load-failed', message: errorMessage(err) }),
    );

  root.replaceChildren(
    h('section', { class: 'home tags-page', 'aria-labelledby': 'tags-title' },
      h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources'), ' · ', h('a', { href: '#/annotations' }, 'All annotations')),
      h('div', { class: 'home-head' }, h('h1', { id: 'tags-title' }, 'Tags'), helpButton(help)),
      h('p', { class: 'lead' }, 'Tags in use, most used first. Rename one on every annotation; rename it like another tag to merge the two.'),
      tagList,
      h('h2', { class: 'section-heading' }, 'Claimants'),
      h('p', { class: 'field-hint' }, 'Names given as claimants, most used first: spellings of one person that drifted apart show up here.'),
      claimantList,
    ),
  );
  void load();

  return {
    destroy() {
      store.close();
      destroyHelp();
    },
  };
}
