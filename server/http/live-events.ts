/**
 * Live updates: what a page needs to hear of each committed change, as Server-Sent Events. A new or
 * changed annotation travels whole (a page can apply it without asking), a deletion by id; sets,
 * decisions and sources are announced so pages reload what they show of them. Accounts and sessions
 * are never sent.
 */
import type { Response } from 'express';
import type { Annotation } from '../../core/model';
import type { Op, Store } from '../store/store';

export type LiveEvent =
  | { type: 'annotation'; annotation: Annotation }
  | { type: 'annotation-deleted'; id: string }
  | { type: 'sets' }
  | { type: 'suggestions' }
  | { type: 'source'; id: string; revision: number };

/** The events one transaction's changes make, each at most once. */
export function eventsOf(ops: readonly Op[]): LiveEvent[] {
  const out: LiveEvent[] = [];
  const once = new Set<string>();
  const add = (key: string, e: LiveEvent) => {
    if (once.has(key)) return;
    once.add(key);
    out.push(e);
  };
  for (const op of ops) {
    if (op.table === 'annotations') add(`a:${op.key}`, op.value ? { type: 'annotation', annotation: op.value } : { type: 'annotation-deleted', id: op.key });
    else if (op.table === 'sets') add('sets', { type: 'sets' });
    else if (op.table === 'decisions') add('suggestions', { type: 'suggestions' });
    else if (op.table === 'sources' && op.value) add(`s:${op.key}`, { type: 'source', id: op.value.id, revision: op.value.revision });
  }
  return out;
}

const KEEP_ALIVE_MS = 25_000;

/**
 * One commit's events as stream text, made once however many pages listen: every listener is
 * handed the same `ops` array, and an import's commit may hold tens of thousands of changes.
 */
const streamTexts = new WeakMap<readonly Op[], string>();

function streamTextOf(ops: readonly Op[]): string {
  let text = streamTexts.get(ops);
  if (text === undefined) {
    text = eventsOf(ops)
      .map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`)
      .join('');
    streamTexts.set(ops, text);
  }
  return text;
}

/**
 * Whom a stream was opened for. A stream outlives the request that checked its credential, so it
 * ends when that credential does: the session signed out or replaced, the user removed, given
 * another role or token; the page reconnects and is asked to sign in again if it must.
 */
export interface StreamHolder {
  /** The user's key (userKey of their name); none in the single-user mode, which has no account. */
  user?: string;
  /** The session id, when the stream came with a session cookie. */
  session?: string;
  /** Whether the session is still live now (idle and absolute limits), checked at each keep-alive. */
  live?: () => boolean;
  /** Opened without an account (single-user mode): ends when accounts change, e.g. the first is added. */
  local?: boolean;
}

/** Whether `ops` end the credential of `holder`. */
function endsHolder(ops: readonly Op[], holder: StreamHolder): boolean {
  return ops.some(
    (op) => (op.table === 'sessions' && op.key === holder.session && op.value === null) || (op.table === 'users' && (holder.local || op.key === holder.user)),
  );
}

/** Streams every commit's events to one page until it goes away or its credential ends. */
export function streamEvents(store: Store, res: Response, onClose: (stop: () => void) => void, holder: StreamHolder = {}): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // A reverse proxy must pass events on at once, not buffer them.
    'X-Accel-Buffering': 'no',
  });
  // Sent now, not with the first event: a HEAD request (which gets no body) has its answer at once.
  res.flushHeaders();
  res.write('retry: 3000\n\n');
  const stop = () => {
    stopListening();
    clearInterval(beat);
  };
  const end = () => {
    stop();
    res.end();
  };
  const stopListening = store.onCommit((ops) => {
    if (endsHolder(ops, holder)) return end();
    const text = streamTextOf(ops);
    if (text) res.write(text);
  });
  const beat = setInterval(() => (holder.live && !holder.live() ? end() : res.write(': still here\n\n')), KEEP_ALIVE_MS);
  onClose(stop);
}
