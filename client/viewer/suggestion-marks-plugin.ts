/**
 * Margin marks: where the assistant and the copy comparison suggest something (a claim to check, a
 * typo, a name spelled two ways, a context shift, a difference between copies), a faint button in
 * the right margin at the height of the passage's first line (`sg-mark`, coloured by category).
 * Marks that start on one line of the text sit side by side (`--sg-col`). The mark the user is on
 * (hovered, focused, stepped to) also tints its passage (`sg-span-active`).
 *
 * Like the highlights, only the marks of the lines near the visible part are drawn (the view moves
 * the window as the page scrolls); the active mark is drawn wherever it is, so stepping to a far one
 * can focus it at once. The marks are widgets keyed by suggestion and column, so redrawing after a
 * hover keeps each button (and keyboard focus on it). The buttons report pointer, focus and clicks
 * to the page, which shows the suggestion; nothing else here touches the DOM.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { partitionPoint } from '../../core/text/binary-search';
import type { SuggestionMark } from '../suggestions/suggestion-marks';
import type { DocRange } from './highlights-plugin';
import type { TextDocument } from './text-document';

/** A mark to draw, with the words a screen reader says for its button. */
export type MarkDrawing = SuggestionMark & { label: string };

/** What the buttons report to the page. */
export interface MarkEvents {
  /** The pointer rests on a mark, or keyboard focus came to it. */
  onEnter(key: string, el: HTMLElement): void;
  /** The pointer or focus left it. */
  onLeave(key: string): void;
  /** Clicked, or Enter / Space on it (`byKeyboard`). */
  onActivate(key: string, el: HTMLElement, byKeyboard: boolean): void;
}

/** A mark placed in the document: its range in positions and its column among the marks of its line. */
interface Placed {
  mark: MarkDrawing;
  from: number;
  to: number;
  column: number;
}

/** Plugin state: the marks, whether they show, the active one, the window drawn, and the decorations. */
export interface SuggestionMarksState {
  placed: readonly Placed[];
  visible: boolean;
  active: string | null;
  window: DocRange | null;
  decorations: DecorationSet;
}

interface MarksMeta {
  marks?: readonly MarkDrawing[];
  visible?: boolean;
  /** undefined keeps the active mark; null clears it. */
  active?: string | null;
  window?: DocRange | null;
}

export const suggestionMarksKey = new PluginKey<SuggestionMarksState>('suggestion-marks');

/** More marks on one line than this share the last column. */
const MAX_COLUMN = 4;

/** Place `marks` (sorted by start) in the document built by `textDoc`. */
export function placeMarks(textDoc: TextDocument, marks: readonly MarkDrawing[]): Placed[] {
  const placed: Placed[] = [];
  let line = -1;
  let column = 0;
  for (const mark of marks) {
    const range = textDoc.rangeToPos(mark.start, mark.end);
    if (!range) continue;
    const at = textDoc.lineOf(mark.start);
    column = at === line ? column + 1 : 0;
    line = at;
    placed.push({ mark, from: range.from, to: range.to, column: Math.min(column, MAX_COLUMN) });
  }
  return placed;
}

/** The first placed mark starting at or after position `pos`. */
function firstFrom(placed: readonly Placed[], pos: number): number {
  return partitionPoint(placed.length, (i) => placed[i].from < pos);
}

function markButton(p: Placed, events: MarkEvents): HTMLElement {
  const { key, category, label } = p.mark;
  const el = document.createElement('button');
  el.type = 'button';
  el.className = `sg-mark sg-${category}`;
  el.dataset.mark = key;
  el.setAttribute('aria-label', label);
  el.style.setProperty('--sg-col', String(p.column));
  el.addEventListener('mouseenter', () => events.onEnter(key, el));
  el.addEventListener('focus', () => events.onEnter(key, el));
  el.addEventListener('mouseleave', () => events.onLeave(key));
  el.addEventListener('blur', () => events.onLeave(key));
  // A click from the keyboard (Enter, Space) has no pointer position and detail 0.
  el.addEventListener('click', (e) => events.onActivate(key, el, e.detail === 0));
  return el;
}

/** The decorations of the marks in `window` (all when null), the active mark's wherever it is. */
export function markDecorations(placed: readonly Placed[], window: DocRange | null, active: string | null, events: MarkEvents): Decoration[] {
  const shown = window ? placed.slice(firstFrom(placed, window.from), firstFrom(placed, window.to + 1)) : placed;
  const current = active === null ? undefined : placed.find((p) => p.mark.key === active);
  const decos: Decoration[] = [];
  const widget = (p: Placed) =>
    Decoration.widget(p.from, () => markButton(p, events), { side: -1, key: `sg:${p.mark.key}:${p.column}`, ignoreSelection: true, stopEvent: () => true });
  for (const p of shown) decos.push(widget(p));
  if (current) {
    if (!shown.includes(current)) decos.push(widget(current));
    decos.push(Decoration.inline(current.from, current.to, { nodeName: 'span', class: 'sg-span-active' }));
  }
  return decos;
}

function build(state: EditorState, s: Omit<SuggestionMarksState, 'decorations'>, events: MarkEvents): DecorationSet {
  return s.visible ? DecorationSet.create(state.doc, markDecorations(s.placed, s.window, s.active, events)) : DecorationSet.empty;
}

/** Add `patch` to what `tr` already asks of the plugin: one batch may set marks, window and active mark together. */
function withMeta(tr: Transaction, patch: MarksMeta): Transaction {
  const prev = tr.getMeta(suggestionMarksKey) as MarksMeta | undefined;
  const meta: MarksMeta = { ...prev, ...patch };
  return tr.setMeta(suggestionMarksKey, meta);
}

/** Draw these marks (sorted by start), replacing the ones before. */
export function setSuggestionMarks(tr: Transaction, marks: readonly MarkDrawing[]): Transaction {
  return withMeta(tr, { marks });
}

/** Show or hide the marks. */
export function setSuggestionMarksVisible(tr: Transaction, visible: boolean): Transaction {
  return withMeta(tr, { visible });
}

/** Make mark `key` the active one (null: none). */
export function setActiveSuggestionMark(tr: Transaction, key: string | null): Transaction {
  return withMeta(tr, { active: key });
}

/** Draw only the marks starting in `window` (null: all). */
export function setSuggestionMarksWindow(tr: Transaction, window: DocRange | null): Transaction {
  return withMeta(tr, { window });
}

/** The margin marks plugin for a document built by `textDoc`, drawing `window` at first. */
export function suggestionMarksPlugin(textDoc: TextDocument, events: MarkEvents, visible: boolean, window: DocRange | null = null): Plugin<SuggestionMarksState> {
  return new Plugin<SuggestionMarksState>({
    key: suggestionMarksKey,
    state: {
      init: () => ({ placed: [], visible, active: null, window, decorations: DecorationSet.empty }),
      apply(tr, prev, _old, newState) {
        const meta = tr.getMeta(suggestionMarksKey) as MarksMeta | undefined;
        if (!meta) return prev;
        const next = {
          placed: meta.marks ? placeMarks(textDoc, meta.marks) : prev.placed,
          visible: meta.visible ?? prev.visible,
          active: meta.active === undefined ? prev.active : meta.active,
          window: meta.window === undefined ? prev.window : meta.window,
        };
        const same = next.placed === prev.placed && next.visible === prev.visible && next.active === prev.active && next.window === prev.window;
        return same ? prev : { ...next, decorations: build(newState, next, events) };
      },
    },
    props: {
      decorations: (state) => suggestionMarksKey.getState(state)?.decorations,
    },
  });
}
