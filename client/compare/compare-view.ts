/**
 * The compare view (`#/compare/<a>/<b>`): two sources side by side, their aligned passages joined
 * and numbered, word differences marked inside each passage, boilerplate greyed, the columns
 * scrolled in step, a passage list to jump through (j/k or n/p), and two selections (one per
 * column) linked as an inconsistency. The user's annotations of both sources are highlighted as in
 * the viewer; clicking one whose annotation also has a passage in the other column scrolls that
 * column to it and flashes both. It owns the page's API calls and DOM listeners; the cleanup
 * function it returns removes them all.
 */
import './compare.css';
import type { Annotation, Source } from '../../core/model';
import { ApiError, errorMessage } from '../api/api-error';
import { getSource, listAnnotations, listReuse, listSets } from '../api/client';
import { loadActiveSet } from '../sets/active-set';
import { h, isTyping } from '../ui/dom';
import { helpButton, helpDialog, helpOnQuestionMark } from '../ui/help-dialog';
import { clearStatus, showStatus } from '../ui/status';
import { legend as annotationLegend } from '../ui/legend';
import { compareLayout, passageAt, type CompareLayout } from './alignment-layout';
import { columnLayers, counterpartIn, mergeAnnotations } from './annotation-layers';
import { fillColumnText, flashAnnotation, passageElement, renderColumnText, setActiveAnnotation, type ColumnContent } from './compare-column';
import { compareHref, type CompareFocus } from '../shared/routes';
import { openInconsistencyDialog } from '../annotations/inconsistency-dialog';
import { passageList } from './passage-list';
import { boxIn, ScrollSync, type PassageBoxes } from './scroll-sync';
import { SelectionPicks } from './selection-picks';
import { rangeOf } from './selection-offsets';
import { setHighlight } from './text-highlights';
import { wordDiff } from './word-diff';

/** Options of the compare view. */
export interface CompareViewOptions {
  /** A span to bring into view (and mark) once the texts show. */
  focus?: CompareFocus;
}

const FOCUS_HIGHLIGHT = 'collate-compare-focus';

async function loadSource(id: string): Promise<Source> {
  try {
    return await getSource(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new ApiError(404, 'not_found', `There is no source with id “${id}”.`);
    throw err;
  }
}

function errorPage(title: string, message: string): HTMLElement {
  return h('div', { class: 'page-error compare-error', role: 'alert' },
    h('h1', {}, title),
    h('p', {}, message),
    h('p', {}, h('a', { href: '#/' }, '← All sources')),
  );
}

function paneHead(s: Source, side: 'a' | 'b'): HTMLElement {
  return h('header', { class: 'pane-head' },
    h('span', { class: 'pane-side' }, side === 'a' ? 'Left' : 'Right'),
    h('a', { class: 'pane-title', href: `#/source/${encodeURIComponent(s.id)}`, title: `${s.title} (open in the viewer)` }, s.title),
    h('span', { class: 'pane-meta' }, [s.outlet, s.published].filter(Boolean).join(' · ')),
  );
}

function legend(): HTMLElement {
  const chip = (cls: string, label: string) => h('span', { class: 'legend-chip' }, h('span', { class: `chip-sample ${cls}` }, 'abc'), label);
  return h('div', { class: 'compare-legend', 'aria-label': 'Legend' },
    chip('sample-passage', 'aligned'),
    chip('sample-boilerplate', 'boilerplate'),
    chip('diff diff-removed', 'only left'),
    chip('diff diff-inserted', 'only right'),
    chip('diff diff-changed', 'reworded'),
  );
}

/**
 * Mount the comparison of sources `a` (left) and `b` (right) into `root`; returns the cleanup.
 */
export function renderCompareView(root: HTMLElement, a: string, b: string, opts: CompareViewOptions = {}): () => void {
  let destroyed = false;
  const cleanups: (() => void)[] = [];
  const help = helpDialog('compare');
  cleanups.push(helpOnQuestionMark(help), () => help.destroy());
  document.title = 'Compare · Collate';
  root.replaceChildren(h('p', { class: 'loading page-loading' }, 'Loading the comparison…'));

  if (a === b) {
    root.replaceChildren(errorPage('Nothing to compare', 'Pick two different sources to compare.'));
    return () => {
      for (const fn of cleanups.splice(0)) fn();
    };
  }

  void (async () => {
    let sourceA: Source;
    let sourceB: Source;
    let layout: CompareLayout;
    let sets: string[];
    let annotations: Annotation[] | null;
    try {
      // The comparison still shows when the annotations cannot be loaded; it says so.
      const annotationsOf = (id: string) => listAnnotations({ source: id }).catch(() => null);
      const [sa, sb, passages, setList, listA, listB] = await Promise.all([
        loadSource(a), loadSource(b), listReuse(a), listSets().catch(() => []), annotationsOf(a), annotationsOf(b),
      ]);
      [sourceA, sourceB] = [sa, sb];
      layout = compareLayout(passages, a, b, sa.text, sb.text);
      sets = setList.map((s) => s.name);
      annotations = listA && listB ? mergeAnnotations(listA, listB) : null;
    } catch (err) {
      if (destroyed) return;
      const notFound = err instanceof ApiError && err.status === 404;
      root.replaceChildren(errorPage(notFound ? 'Source not found' : 'Could not load the comparison', errorMessage(err)));
      return;
    }
    if (destroyed) return;
    mount(sourceA, sourceB, layout, sets.length ? sets : ['default'], annotations ?? []);
    if (!annotations) showStatus('Could not load the annotations of these sources: the comparison shows without them.', 'error');
  })();

  function mount(sa: Source, sb: Source, layout: CompareLayout, sets: string[], annotations: Annotation[]): void {
    document.title = `Compare: ${sa.title} / ${sb.title} · Collate`;
    const { passages } = layout;
    const diffs = passages.map((p) => wordDiff(sa.text.slice(p.a.start, p.a.end), sb.text.slice(p.b.start, p.b.end), p.a.start, p.b.start));
    const contentOf = (side: 'a' | 'b'): ColumnContent => {
      const s = side === 'a' ? sa : sb;
      return {
        text: s.text,
        segments: layout[side],
        passages,
        diffs: diffs.map((d) => d[side]),
        layers: columnLayers(annotations, s.id, s.text.length),
      };
    };
    const textA = renderColumnText('a', contentOf('a'));
    const textB = renderColumnText('b', contentOf('b'));
    const scrollA = h('div', { class: 'pane-scroll', tabindex: 0, 'aria-label': `Text of ${sa.title}` }, textA);
    const scrollB = h('div', { class: 'pane-scroll', tabindex: 0, 'aria-label': `Text of ${sb.title}` }, textB);

    let current: number | null = null;
    let boxes: PassageBoxes = [];
    const measure = (): PassageBoxes => {
      boxes = passages.map((_, i) => {
        const ea = passageElement(textA, i);
        const eb = passageElement(textB, i);
        return ea && eb ? { a: boxIn(scrollA, ea), b: boxIn(scrollB, eb) } : null;
      });
      return boxes;
    };
    const setCurrent = (i: number | null) => {
      if (i === current) return;
      for (const el of root.querySelectorAll('.passage.is-current')) el.classList.remove('is-current');
      current = i;
      if (i !== null) for (const col of [textA, textB]) passageElement(col, i)?.classList.add('is-current');
      list.setCurrent(i);
    };
    const jump = (i: number) => {
      const box = boxes[i];
      if (!box) return;
      sync.scrollBothTo(box.a.top, box.b.top);
      setCurrent(i);
    };
    const list = passageList(passages, sa.text, jump);
    const onScrolled = (side: 'a' | 'b', line: number) => {
      // The current passage is the last one starting above the reading line on the scrolled side.
      let found: number | null = null;
      let foundTop = -Infinity;
      for (let i = 0; i < boxes.length; i++) {
        const top = boxes[i]?.[side].top;
        if (top !== undefined && top <= line + 4 && top >= foundTop) [found, foundTop] = [i, top];
      }
      setCurrent(found);
    };

    const linkButton = h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'link-inconsistency', disabled: true }, 'Link as inconsistency');
    const picks = new SelectionPicks({ a: { el: textA, text: sa.text }, b: { el: textB, text: sb.text } }, linkButton);
    cleanups.push(() => picks.destroy());
    linkButton.addEventListener('click', () => {
      const [left, right] = [picks.picks.a, picks.picks.b];
      if (!left || !right) return;
      openInconsistencyDialog({
        left: { source: sa.id, title: sa.title, span: left },
        right: { source: sb.id, title: sb.title, span: right },
        sets,
        set: loadActiveSet(sets),
        onSaved: (created) => {
          picks.clear();
          document.getSelection()?.removeAllRanges();
          annotations.push(created);
          redraw();
          showStatus(`Inconsistency saved to set “${created.set}”: highlighted in both columns.`, 'success');
        },
      });
    });

    const words = passages.reduce((n, p) => n + (p.boilerplate ? 0 : p.words), 0);
    const boilerplate = passages.filter((p) => p.boilerplate).length;
    const summary = passages.length === 0
      ? 'No aligned passages: these two texts share no reused wording.'
      : `${passages.length} aligned passage${passages.length === 1 ? '' : 's'} · ${words.toLocaleString('en')} words in common${boilerplate ? ` · ${boilerplate} boilerplate` : ''}`;
    const body = h('div', { class: 'compare-body' },
      list.el,
      h('section', { class: 'compare-pane', 'data-side': 'a', 'aria-label': `Left: ${sa.title}` }, paneHead(sa, 'a'), scrollA),
      h('section', { class: 'compare-pane', 'data-side': 'b', 'aria-label': `Right: ${sb.title}` }, paneHead(sb, 'b'), scrollB),
    );
    root.replaceChildren(
      h('section', { class: 'compare', 'aria-labelledby': 'compare-title' },
        h('div', { class: 'compare-top' },
          h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources'), ' · ', h('a', { href: compareHref(b, a) }, 'Swap sides')),
          h('h1', { id: 'compare-title', class: 'compare-title' }, 'Compare sources'),
          h('p', { class: 'compare-summary' }, summary),
          h('div', { class: 'compare-toolbar' }, legend(), picks.bar, helpButton(help)),
          annotationLegend({ reuse: false }),
        ),
        body,
      ),
    );

    const fit = () => {
      const top = body.getBoundingClientRect().top + window.scrollY;
      body.style.height = `${Math.max(360, window.innerHeight - top - 12)}px`;
    };
    fit();
    const sync = new ScrollSync(scrollA, scrollB, measure, onScrolled);
    cleanups.push(() => sync.destroy());
    const resize = new ResizeObserver(() => sync.refresh());
    resize.observe(textA);
    resize.observe(textB);
    window.addEventListener('resize', fit);
    cleanups.push(() => {
      resize.disconnect();
      window.removeEventListener('resize', fit);
    });

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e) || document.querySelector('dialog[open]')) return;
      const step = e.key === 'j' || e.key === 'n' ? 1 : e.key === 'k' || e.key === 'p' ? -1 : 0;
      if (step === 0 || passages.length === 0) return;
      e.preventDefault();
      const next = current === null ? (step > 0 ? 0 : passages.length - 1) : Math.min(passages.length - 1, Math.max(0, current + step));
      jump(next);
      list.el.querySelectorAll<HTMLElement>('.passage-entry')[next]?.focus({ preventScroll: true });
    };
    document.addEventListener('keydown', onKey);
    cleanups.push(() => document.removeEventListener('keydown', onKey));

    // Clicking a highlight shows its counterpart: the other column scrolls so that the annotation's
    // passage there lines up with the clicked one, and both flash.
    let activeId: string | null = null;
    const onHighlightClick = (side: 'a' | 'b') => (e: MouseEvent) => {
      // A click that ends a drag-selection is a pick, not a request to follow a highlight.
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed) return;
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-annotation-id]') : null;
      const annotation = el ? annotations.find((x) => x.id === el.dataset.annotationId) : undefined;
      if (!el || !annotation) return;
      const other = side === 'a' ? 'b' : 'a';
      const otherSource = other === 'a' ? sa : sb;
      const otherColumn = other === 'a' ? textA : textB;
      activeId = annotation.id;
      setActiveAnnotation([textA, textB], activeId);
      const target = counterpartIn(annotation, otherSource.id, otherSource.text.length);
      const range = target && rangeOf(otherColumn, target.start, target.end);
      if (range) {
        const pane = other === 'a' ? scrollA : scrollB;
        sync.scrollPane(other, pane.scrollTop + range.getBoundingClientRect().top - el.getBoundingClientRect().top);
        flashAnnotation(otherColumn, annotation.id);
      }
      flashAnnotation(side === 'a' ? textA : textB, annotation.id);
    };
    const clickA = onHighlightClick('a');
    const clickB = onHighlightClick('b');
    textA.addEventListener('click', clickA);
    textB.addEventListener('click', clickB);
    cleanups.push(() => {
      textA.removeEventListener('click', clickA);
      textB.removeEventListener('click', clickB);
    });

    let focusRange: { column: HTMLElement; start: number; end: number } | null = null;
    const drawFocus = () => {
      const range = focusRange && rangeOf(focusRange.column, focusRange.start, focusRange.end);
      setHighlight(FOCUS_HIGHLIGHT, range ? [range] : []);
    };

    /** Redraw both columns after the annotations changed: same text, same offsets, new highlights. */
    function redraw(): void {
      fillColumnText(textA, 'a', contentOf('a'));
      fillColumnText(textB, 'b', contentOf('b'));
      if (current !== null) for (const col of [textA, textB]) passageElement(col, current)?.classList.add('is-current');
      if (activeId !== null) setActiveAnnotation([textA, textB], activeId);
      // The focus highlight's range held the old text nodes.
      drawFocus();
      sync.refresh();
    }

    if (opts.focus) showFocus(opts.focus);

    function showFocus(focus: CompareFocus): void {
      const side = focus.source === sa.id ? 'a' : focus.source === sb.id ? 'b' : null;
      if (!side) return;
      const column = side === 'a' ? textA : textB;
      focusRange = { column, start: focus.start, end: Math.max(focus.start + 1, focus.end) };
      drawFocus();
      const range = rangeOf(column, focusRange.start, focusRange.end);
      cleanups.push(() => setHighlight(FOCUS_HIGHLIGHT, []));
      const i = passageAt(passages, side, focus.start, focus.end);
      const span = i === null ? null : passages[i][side];
      if (i !== null && span && span.start < Math.max(focus.end, focus.start + 1) && focus.start < span.end) {
        jump(i);
      } else if (range) {
        // Not in a passage: bring the span itself to the reading line; the other column follows.
        const pane = side === 'a' ? scrollA : scrollB;
        const y = range.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
        pane.scrollTop = Math.max(0, y - sync.lineOffset(side));
      }
    }
  }

  return () => {
    destroyed = true;
    for (const fn of cleanups.splice(0)) fn();
    clearStatus();
  };
}
