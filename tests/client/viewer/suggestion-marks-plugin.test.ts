/**
 * The margin marks plugin's state, in Node (an EditorState needs no DOM, and widgets are built only
 * when drawn): one widget per mark at its passage's start, side by side on a shared line; only the
 * marks in the window of lines drawn, the active one wherever it is, with its passage tinted;
 * nothing when hidden; changes asked for in one transaction all taking effect.
 */
import { EditorState, type Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  placeMarks,
  setActiveSuggestionMark,
  setSuggestionMarks,
  setSuggestionMarksVisible,
  setSuggestionMarksWindow,
  suggestionMarksKey,
  suggestionMarksPlugin,
  type MarkDrawing,
} from '../../../client/viewer/suggestion-marks-plugin';
import { TextDocument } from '../../../client/viewer/text-document';

const TEXT = Array.from({ length: 30 }, (_, i) => `Line ${i} says alpha beta gamma delta.`).join('\n');
const textDoc = new TextDocument(TEXT);
const lineStart = (line: number) => TEXT.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);

function mark(key: string, line: number, from: number, to: number): MarkDrawing {
  return { key, id: key.split('#')[0], category: 'claim', start: lineStart(line) + from, end: lineStart(line) + to, label: `Suggestion ${key}` };
}

const MARKS = [mark('a#0', 1, 0, 4), mark('b#0', 1, 10, 15), mark('c#0', 1, 20, 25), mark('d#0', 12, 5, 9), mark('e#0', 25, 0, 4)];
const noEvents = { onEnter: () => {}, onLeave: () => {}, onActivate: () => {} };

function stateWith(window: { first: number; last: number } | null, visible = true): EditorState {
  return EditorState.create({ doc: textDoc.doc, plugins: [suggestionMarksPlugin(textDoc, noEvents, visible, window && textDoc.linesRange(window.first, window.last))] });
}

/** What is drawn: widgets as "key@offset/column", tinted passages as "tint@start-end". */
function drawn(state: EditorState): string[] {
  return suggestionMarksKey
    .getState(state)!
    .decorations.find()
    .map((d: Decoration) => {
      const key = (d.spec as { key?: string }).key;
      if (key) return `${key.split(':')[1]}@${textDoc.toOffset(d.from)}/${key.split(':')[2]}`;
      return `tint@${textDoc.toOffset(d.from)}-${textDoc.toOffset(d.to)}`;
    })
    .sort();
}

/** `state` after one transaction made of `steps`. */
const apply = (state: EditorState, ...steps: ((tr: Transaction) => Transaction)[]) => state.apply(steps.reduce((tr, step) => step(tr), state.tr));

describe('suggestion marks plugin', () => {
  it('places marks sharing a line side by side', () => {
    expect(placeMarks(textDoc, MARKS).map((p) => [p.mark.key, p.column])).toEqual([['a#0', 0], ['b#0', 1], ['c#0', 2], ['d#0', 0], ['e#0', 0]]);
  });

  it('draws the marks in the window only, and follows the window', () => {
    let s = apply(stateWith({ first: 0, last: 15 }), (tr) => setSuggestionMarks(tr, MARKS));
    expect(drawn(s)).toEqual([`a#0@${lineStart(1)}/0`, `b#0@${lineStart(1) + 10}/1`, `c#0@${lineStart(1) + 20}/2`, `d#0@${lineStart(12) + 5}/0`].sort());
    s = apply(s, (tr) => setSuggestionMarksWindow(tr, textDoc.linesRange(20, 29)));
    expect(drawn(s)).toEqual([`e#0@${lineStart(25)}/0`]);
    s = apply(s, (tr) => setSuggestionMarksWindow(tr, null));
    expect(drawn(s)).toHaveLength(5);
  });

  it('draws the active mark wherever it is, with its passage tinted', () => {
    const s = apply(stateWith({ first: 0, last: 5 }), (tr) => setSuggestionMarks(tr, MARKS), (tr) => setActiveSuggestionMark(tr, 'e#0'));
    expect(drawn(s)).toContain(`e#0@${lineStart(25)}/0`);
    expect(drawn(s)).toContain(`tint@${lineStart(25)}-${lineStart(25) + 4}`);
    expect(drawn(s)).not.toContain(`d#0@${lineStart(12) + 5}/0`);
    const cleared = apply(s, (tr) => setActiveSuggestionMark(tr, null));
    expect(drawn(cleared).filter((d) => d.startsWith('tint') || d.startsWith('e#0'))).toEqual([]);
  });

  it('draws nothing while hidden, and everything again when shown', () => {
    const hidden = apply(stateWith(null, false), (tr) => setSuggestionMarks(tr, MARKS));
    expect(drawn(hidden)).toEqual([]);
    expect(drawn(apply(hidden, (tr) => setSuggestionMarksVisible(tr, true)))).toHaveLength(5);
  });

  it('keeps its state when a transaction asks nothing of it, or nothing new', () => {
    const s = apply(stateWith(null), (tr) => setSuggestionMarks(tr, MARKS));
    expect(suggestionMarksKey.getState(s.apply(s.tr))).toBe(suggestionMarksKey.getState(s));
    expect(suggestionMarksKey.getState(apply(s, (tr) => setSuggestionMarksVisible(tr, true)))).toBe(suggestionMarksKey.getState(s));
  });
});
