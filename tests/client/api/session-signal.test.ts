/** The 401 signal: reported for every API path but the session's own, and Retry-After read both ways. */
import { afterEach, describe, expect, it } from 'vitest';
import { onUnauthenticated, reportUnauthenticated, retryAfterSeconds } from '../../../client/api/session-signal';

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('session signal', () => {
  it('reports 401s of API calls, not of signing in or asking who is signed in', () => {
    const heard: number[] = [];
    stop = onUnauthenticated(() => heard.push(1));
    reportUnauthenticated('/session');
    reportUnauthenticated('/session?x=1');
    expect(heard).toHaveLength(0);
    reportUnauthenticated('/annotations/a_1');
    reportUnauthenticated('/events');
    reportUnauthenticated('/sessions-of-nothing');
    expect(heard).toHaveLength(3);
    stop();
    reportUnauthenticated('/annotations');
    expect(heard).toHaveLength(3);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('840')).toBe(840);
    expect(retryAfterSeconds(' 5 ')).toBe(5);
    expect(retryAfterSeconds('Mon, 04 May 2026 09:02:00 GMT', Date.parse('2026-05-04T09:00:00Z'))).toBe(120);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
