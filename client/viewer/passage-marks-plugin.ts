/**
 * Marks on passages that are not annotations yet: the passage a form is open for (`hl-pending`) and
 * the passages of the open source in the inconsistency draft (`hl-draft`), so the user sees what
 * they are about to annotate or link. Few and short-lived, so they are rebuilt on each change, apart
 * from the highlights (which are many).
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { OffsetRange } from '../shared/trim-range';
import type { TextDocument } from './text-document';

/** Plugin state: the marked ranges and their decorations. */
export interface PassageMarksState {
  pending: OffsetRange | null;
  drafts: readonly OffsetRange[];
  decorations: DecorationSet;
}

interface PassageMarksMeta {
  /** undefined keeps the current pending passage; null clears it. */
  pending?: OffsetRange | null;
  drafts?: readonly OffsetRange[];
}

export const passageMarksKey = new PluginKey<PassageMarksState>('passage-marks');

/** Mark (or with null, unmark) the passage an open form is about. */
export function setPending(tr: Transaction, pending: OffsetRange | null): Transaction {
  const meta: PassageMarksMeta = { pending };
  return tr.setMeta(passageMarksKey, meta);
}

/** Mark these passages as being in the inconsistency draft (replacing the previous ones). */
export function setDraftRanges(tr: Transaction, drafts: readonly OffsetRange[]): Transaction {
  const meta: PassageMarksMeta = { drafts };
  return tr.setMeta(passageMarksKey, meta);
}

/** The passage marks plugin for a document built by `textDoc`. */
export function passageMarksPlugin(textDoc: TextDocument): Plugin<PassageMarksState> {
  return new Plugin<PassageMarksState>({
    key: passageMarksKey,
    state: {
      init: () => ({ pending: null, drafts: [], decorations: DecorationSet.empty }),
      apply(tr, prev, _old, newState) {
        const meta = tr.getMeta(passageMarksKey) as PassageMarksMeta | undefined;
        if (!meta) return prev;
        const pending = meta.pending === undefined ? prev.pending : meta.pending;
        const drafts = meta.drafts ?? prev.drafts;
        const decos: Decoration[] = [];
        const pendingRange = pending ? textDoc.rangeToPos(pending.start, pending.end) : null;
        if (pendingRange) decos.push(Decoration.inline(pendingRange.from, pendingRange.to, { nodeName: 'span', class: 'hl-pending' }));
        for (const d of drafts) {
          const range = textDoc.rangeToPos(d.start, d.end);
          if (range) decos.push(Decoration.inline(range.from, range.to, { nodeName: 'span', class: 'hl-draft', title: 'In the inconsistency draft' }));
        }
        return { pending, drafts, decorations: DecorationSet.create(newState.doc, decos) };
      },
    },
    props: {
      decorations: (state) => passageMarksKey.getState(state)?.decorations,
    },
  });
}
