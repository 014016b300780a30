/**
 * Reuse: passages of the open source that other sources repeat (duplicate coverage), drawn apart
 * from annotation highlights: a dotted underline on the words (`reuse`, muted text for site
 * boilerplate: `reuse-boilerplate`) and a bar in the left margin of every line they touch
 * (`reuse-line`). The mark the user stepped to with the keyboard is outlined (`reuse-active`).
 * Hovering or clicking a mark reports the marks under the pointer, so the page can list their copies.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { ReuseMark } from '../reuse/reuse-marks';
import type { TextDocument } from './text-document';

/** Plugin state: the marks, whether they are shown, the keyboard-selected one, and the decorations. */
export interface ReuseState {
  marks: readonly ReuseMark[];
  visible: boolean;
  active: number | null;
  decorations: DecorationSet;
}

interface ReuseMeta {
  marks?: readonly ReuseMark[];
  visible?: boolean;
  /** undefined keeps the active mark; null clears it. */
  active?: number | null;
}

export const reuseKey = new PluginKey<ReuseState>('reuse');

/** What the plugin tells the page: the marks (indices) under the pointer and the element hit. */
export interface ReuseEvents {
  onHover(indices: number[], target: HTMLElement): void;
  onLeave(): void;
  onClick(indices: number[], target: HTMLElement): void;
}

/** CSS classes of a mark's inline decoration. */
export function reuseClass(mark: Pick<ReuseMark, 'boilerplate'>, active = false): string {
  return ['reuse', mark.boilerplate ? 'reuse-boilerplate' : '', active ? 'reuse-active' : ''].filter(Boolean).join(' ');
}

/**
 * The decorations of `marks` on `doc` (built by `textDoc`): one inline span per mark carrying
 * `data-reuse` (its index), and one node decoration per line touched, boilerplate-only lines muted.
 */
export function reuseDecorations(doc: PMNode, textDoc: TextDocument, marks: readonly ReuseMark[], active: number | null): Decoration[] {
  const decos: Decoration[] = [];
  const linePos: number[] = [];
  doc.forEach((_node, offset) => linePos.push(offset));
  /** Per line: true when only boilerplate touches it, false when real reuse does. */
  const lines = new Map<number, boolean>();
  marks.forEach((mark, i) => {
    const range = textDoc.rangeToPos(mark.start, mark.end);
    if (!range || range.to <= range.from) return;
    decos.push(Decoration.inline(range.from, range.to, { nodeName: 'span', class: reuseClass(mark, i === active), 'data-reuse': String(i) }, { reuseIndex: i }));
    const last = textDoc.lineOf(Math.max(mark.start, mark.end - 1));
    for (let line = textDoc.lineOf(mark.start); line <= last; line++) {
      if (textDoc.text.charAt(mark.start) === '\n' && line === textDoc.lineOf(mark.start)) continue;
      lines.set(line, (lines.get(line) ?? true) && mark.boilerplate);
    }
  });
  for (const [line, boilerplate] of lines) {
    const pos = linePos[line];
    const node = doc.maybeChild(line);
    if (pos === undefined || !node || node.content.size === 0) continue;
    decos.push(Decoration.node(pos, pos + node.nodeSize, { class: boilerplate ? 'reuse-line reuse-line-boilerplate' : 'reuse-line' }));
  }
  return decos;
}

function build(state: EditorState, textDoc: TextDocument, s: Omit<ReuseState, 'decorations'>): DecorationSet {
  return s.visible ? DecorationSet.create(state.doc, reuseDecorations(state.doc, textDoc, s.marks, s.active)) : DecorationSet.empty;
}

/** Replace the marks drawn (clears the active one). */
export function setReuseMarks(tr: Transaction, marks: readonly ReuseMark[]): Transaction {
  const meta: ReuseMeta = { marks, active: null };
  return tr.setMeta(reuseKey, meta);
}

/** Show or hide the marks. */
export function setReuseVisible(tr: Transaction, visible: boolean): Transaction {
  const meta: ReuseMeta = { visible };
  return tr.setMeta(reuseKey, meta);
}

/** Outline mark `index` (null: none). */
export function setActiveReuse(tr: Transaction, index: number | null): Transaction {
  const meta: ReuseMeta = { active: index };
  return tr.setMeta(reuseKey, meta);
}

/** The plugin's state in `state`. */
export function reuseState(state: EditorState): ReuseState | undefined {
  return reuseKey.getState(state);
}

/** Indices of the marks whose elements enclose `el` (innermost first). */
function indicesAt(view: EditorView, el: Element | null): { indices: number[]; target: HTMLElement } | null {
  const indices: number[] = [];
  let target: HTMLElement | null = null;
  for (let node = el?.closest('[data-reuse]') ?? null; node && view.dom.contains(node); node = node.parentElement?.closest('[data-reuse]') ?? null) {
    if (!(node instanceof HTMLElement)) break;
    target ??= node;
    indices.push(Number(node.dataset.reuse));
  }
  return target ? { indices, target } : null;
}

/** The reuse plugin for a document built by `textDoc`; hidden until `visible` says otherwise. */
export function reusePlugin(textDoc: TextDocument, events: ReuseEvents, visible = true): Plugin<ReuseState> {
  return new Plugin<ReuseState>({
    key: reuseKey,
    state: {
      init: () => ({ marks: [], visible, active: null, decorations: DecorationSet.empty }),
      apply(tr, prev, _old, newState) {
        const meta = tr.getMeta(reuseKey) as ReuseMeta | undefined;
        if (!meta) return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
        const next = {
          marks: meta.marks ?? prev.marks,
          visible: meta.visible ?? prev.visible,
          active: meta.active === undefined ? prev.active : meta.active,
        };
        return { ...next, decorations: build(newState, textDoc, next) };
      },
    },
    props: {
      decorations: (state) => reuseKey.getState(state)?.decorations,
      handleDOMEvents: {
        mouseover(view: EditorView, event: MouseEvent) {
          const hit = indicesAt(view, event.target instanceof Element ? event.target : null);
          if (hit) events.onHover(hit.indices, hit.target);
          else events.onLeave();
          return false;
        },
        mouseleave() {
          events.onLeave();
          return false;
        },
        click(view: EditorView, event: MouseEvent) {
          // A click that ends a drag-selection is about the selection, not the reuse mark.
          const domSelection = view.dom.ownerDocument.getSelection();
          if ((domSelection && !domSelection.isCollapsed) || !view.state.selection.empty) return false;
          const hit = indicesAt(view, event.target instanceof Element ? event.target : null);
          if (hit) events.onClick(hit.indices, hit.target);
          return false;
        },
      },
    },
  });
}
