/**
 * The page at `#/compare` (no sources chosen): the compare picker, and the export and import
 * buttons, so both tools are reachable from one place until the home page carries them itself.
 */
import { transferButtons } from '../transfer/transfer-buttons';
import { h } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { renderComparePicker } from './compare-picker';

/** Mount the page into `root`; returns the cleanup. */
export function renderCompareHome(root: HTMLElement): () => void {
  document.title = 'Compare · Collate';
  const { help, destroy: destroyHelp } = pageHelp('compare');
  const picker = h('div', { class: 'compare-home-picker' });
  root.replaceChildren(
    h('section', { class: 'home compare-home' },
      h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
      h('div', { class: 'home-head' }, h('h1', {}, 'Compare and transfer'), helpButton(help)),
      h('p', { class: 'lead' }, 'Read two sources side by side with their reused passages aligned, or move annotations in and out of Collate.'),
      picker,
      h('section', { class: 'compare-picker', 'aria-labelledby': 'transfer-title' },
        h('h2', { id: 'transfer-title', class: 'compare-picker-title' }, 'Annotations'),
        h('p', { class: 'field-hint' }, 'Export a set as W3C JSON-LD, CSV, ClaimReview or a Markdown report; import W3C Web Annotations.'),
        transferButtons(),
      ),
    ),
  );
  renderComparePicker(picker);
  return () => {
    destroyHelp();
  };
}
