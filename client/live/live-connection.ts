/**
 * The tab's one connection to the live updates (`EventSource` on /api/events, authenticated by the
 * session cookie like every other request), shared by whatever page is shown: pages subscribe while
 * mounted. The browser reconnects on its own after a drop; meanwhile the status is `offline`, and
 * once back, subscribers hear `reconnected` (events may have been missed). A refused connection
 * (the session ended) is not retried by the browser: then the session is checked, and a 401 sends
 * the user to sign in like any other API call; otherwise a new connection is tried a little later.
 */
import { getSession } from '../api/account-api';
import { reportUnauthenticated } from '../api/session-signal';
import { LIVE_EVENT_NAMES, parseLiveEvent, type LiveEvent } from './live-events';

/** `off`: not started (signed out); `connecting`: the first connection; `open`; `offline`: dropped, retrying. */
export type LiveStatus = 'off' | 'connecting' | 'open' | 'offline';

const RETRY_MS = 5_000;

let source: EventSource | null = null;
let status: LiveStatus = 'off';
let retry: ReturnType<typeof setTimeout> | undefined;
const subscribers = new Set<(e: LiveEvent) => void>();
const statusListeners = new Set<(s: LiveStatus) => void>();

function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const fn of statusListeners) fn(next);
}

function deliver(e: LiveEvent): void {
  // A failing subscriber must not keep the others (or later events) from being delivered.
  for (const fn of [...subscribers]) {
    try {
      fn(e);
    } catch (err) {
      console.error('live update not applied', err);
    }
  }
}

function connect(): void {
  const es = new EventSource('/api/events');
  source = es;
  for (const name of LIVE_EVENT_NAMES) {
    es.addEventListener(name, (m) => {
      const e = parseLiveEvent(name, (m as MessageEvent<string>).data);
      if (e) deliver(e);
    });
  }
  es.addEventListener('open', () => {
    const dropped = status === 'offline';
    setStatus('open');
    if (dropped) deliver({ type: 'reconnected' });
  });
  es.addEventListener('error', () => {
    if (source !== es || status === 'off') return;
    setStatus('offline');
    if (es.readyState !== EventSource.CLOSED) return;
    // Refused outright: the browser gives up. Find out why before trying again.
    source = null;
    void getSession().then(
      (session) => {
        if (session === null) reportUnauthenticated('/events');
        else scheduleRetry();
      },
      () => scheduleRetry(),
    );
  });
}

function scheduleRetry(): void {
  clearTimeout(retry);
  retry = setTimeout(() => {
    if (status !== 'off' && !source) connect();
  }, RETRY_MS);
}

/** Start listening (once signed in); a second call while running does nothing. */
export function startLive(): void {
  if (source || status !== 'off') return;
  setStatus('connecting');
  connect();
}

/** Stop listening (signed out). */
export function stopLive(): void {
  clearTimeout(retry);
  source?.close();
  source = null;
  setStatus('off');
}

/** Hear every live update while subscribed; returns the removal. */
export function subscribeLive(fn: (e: LiveEvent) => void): () => void {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

/** Follow the connection's status; returns the removal. */
export function onLiveStatus(fn: (s: LiveStatus) => void): () => void {
  statusListeners.add(fn);
  return () => statusListeners.delete(fn);
}
