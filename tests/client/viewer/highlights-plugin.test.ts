/**
 * The highlights plugin's state, in Node (an EditorState needs no DOM): incremental changes give the
 * same highlights and depths as drawing everything afresh, so adding or removing one annotation
 * never leaves two overlapping highlights on one band; and only the highlights in the window of
 * lines are drawn, while every one stays in the state.
 */
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { AnnotationSpan } from '../../../client/shared/annotation-spans';
import { changeHighlights, highlightsKey, highlightsPlugin } from '../../../client/viewer/highlights-plugin';
import { TextDocument } from '../../../client/viewer/text-document';

const TEXT = Array.from({ length: 40 }, (_, i) => `Line ${i} says alpha beta gamma delta epsilon.`).join('\n');
const textDoc = new TextDocument(TEXT);

function span(id: string, line: number, from: number, to: number): AnnotationSpan {
  const start = TEXT.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
  return { id, kind: 'note', start: start + from, end: start + to };
}

function stateWith(window: { first: number; last: number } | null): EditorState {
  return EditorState.create({ doc: textDoc.doc, plugins: [highlightsPlugin(textDoc, window && textDoc.linesRange(window.first, window.last))] });
}

/** Each drawn highlight as "id@from-to#depth", sorted. */
function drawn(state: EditorState, which: 'decorations' | 'shown' = 'decorations'): string[] {
  const set = highlightsKey.getState(state)![which];
  return set
    .find()
    .map((d) => (d.spec as { drawn: { span: AnnotationSpan; depth: number } }).drawn)
    .map((x) => `${x.span.id}@${x.span.start}-${x.span.end}#${x.depth}`)
    .sort();
}

const apply = (state: EditorState, change: Parameters<typeof changeHighlights>[1]) => state.apply(changeHighlights(state.tr, change));

describe('highlights plugin', () => {
  const base = [span('a', 2, 0, 30), span('b', 2, 10, 20), span('c', 5, 0, 10), span('d', 2, 25, 40)];

  it('adds and removes incrementally with the depths a full redraw gives', () => {
    const full = (spans: AnnotationSpan[]) => drawn(apply(stateWith(null), { reset: spans }));
    let state = apply(stateWith(null), { reset: base });
    expect(drawn(state)).toEqual(full(base));
    // A new highlight inside two overlapping ones takes the band below both.
    const e = span('e', 2, 12, 14);
    state = apply(state, { add: [e] });
    expect(drawn(state)).toEqual(full([...base, e]));
    expect(drawn(state).find((x) => x.startsWith('e@'))).toMatch(/#2$/);
    // Removing the outer one lifts the others, as a redraw without it would.
    state = apply(state, { remove: ['a'] });
    expect(drawn(state)).toEqual(full([base[1], base[2], base[3], e]));
    // Replacing an annotation's spans moves it.
    const moved = span('c', 7, 3, 9);
    state = apply(state, { add: [moved] });
    expect(drawn(state)).toEqual(full([base[1], moved, base[3], e]));
    expect(highlightsKey.getState(state)!.byId.get('c')).toHaveLength(1);
  });

  it('draws only the window, keeps the rest in its state, and follows the window as it moves', () => {
    const far = span('far', 30, 0, 8);
    let state = apply(stateWith({ first: 0, last: 10 }), { reset: [...base, far] });
    expect(drawn(state, 'shown').map((x) => x.split('@')[0]).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(drawn(state).map((x) => x.split('@')[0]).sort()).toEqual(['a', 'b', 'c', 'd', 'far']);
    // A new highlight outside the window is kept but not drawn; one inside is drawn at once.
    state = apply(state, { add: [span('out', 35, 0, 5), span('in', 3, 0, 5)] });
    expect(drawn(state, 'shown').map((x) => x.split('@')[0])).toContain('in');
    expect(drawn(state, 'shown').map((x) => x.split('@')[0])).not.toContain('out');
    state = apply(state, { window: textDoc.linesRange(28, 39) });
    expect(drawn(state, 'shown').map((x) => x.split('@')[0]).sort()).toEqual(['far', 'out']);
    state = apply(state, { remove: ['far'] });
    expect(drawn(state, 'shown').map((x) => x.split('@')[0])).toEqual(['out']);
  });
});
