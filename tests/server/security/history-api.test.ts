/**
 * Accountability: a verdict changed from "false" to "true" stays traceable to a person and a time,
 * in the store and across a W3C export and import into another server, where the import itself is
 * recorded too (who brought it in, and when).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/model';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { ROSE_QUOTE, SEEDS, targetOf } from '../../helpers/fixtures';
import { addPeople, bearer, manualClock } from './accounts-fixture';
import { send } from './raw-http';

const HOUR = 3600_000;
const clock = manualClock('2026-06-01T08:00:00.000Z');
let origin: TestServer;
let tokens: Record<Role, string>;
beforeAll(async () => {
  origin = await startTestServer({ app: { now: clock.now } });
  tokens = await addPeople(origin.store, clock.now);
});
afterAll(() => origin.close());

const as = (srv: TestServer, token: string, method: string, path: string, body?: unknown) =>
  send(srv.url, { method, path, headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });

interface Entry {
  action: string;
  by: string;
  at: string;
  changes: { field: string; before?: { verdict: string }; after?: { verdict: string } }[];
}

function verdictFlip(history: Entry[]): Entry | undefined {
  return history.find((h) => h.changes.some((c) => c.field === 'claim' && c.before?.verdict === 'false' && c.after?.verdict === 'true'));
}

describe('history', () => {
  it('traces a verdict flip to a person and a time, through export and import', async () => {
    const made = await as(origin, tokens.annotator, 'POST', '/api/annotations', { kind: 'claim', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)], claim: { claimant: 'Frank Rose', verdict: 'false' } });
    const id = made.json.annotation.id;
    clock.advance(2 * HOUR);
    const flipped = await as(origin, tokens.editor, 'PATCH', `/api/annotations/${id}`, { revision: 1, claim: { claimant: 'Frank Rose', verdict: 'true' } });
    expect(flipped.json.annotation).toMatchObject({ creator: 'ana', modifiedBy: 'eddie', modified: '2026-06-01T10:00:00.000Z' });
    const here = (await as(origin, tokens.viewer, 'GET', `/api/annotations/${id}/history`)).json.history as Entry[];
    expect(verdictFlip(here)).toMatchObject({ by: 'eddie', at: '2026-06-01T10:00:00.000Z' });

    const exported = await as(origin, tokens.viewer, 'GET', `/api/export?format=w3c&source=${SEEDS.gsnRenews}`);
    const item = exported.json.first.items.find((x: { id: string }) => x.id.endsWith(id));
    expect(item).toMatchObject({ creator: { name: 'ana' }, modified: '2026-06-01T10:00:00.000Z', 'collate:modifiedBy': 'eddie' });

    const elsewhereClock = manualClock('2026-07-01T12:00:00.000Z');
    const elsewhere = await startTestServer({ app: { now: elsewhereClock.now } });
    try {
      const people = await addPeople(elsewhere.store, elsewhereClock.now);
      const imported = await as(elsewhere, people.editor, 'POST', '/api/import', exported.json);
      expect(imported.status).toBe(201);
      const copy = imported.json.annotations.find((a: { id: string }) => a.id === id);
      expect(copy).toMatchObject({ creator: 'ana', modifiedBy: 'eddie', claim: { verdict: 'true' } });
      const there = (await as(elsewhere, people.viewer, 'GET', `/api/annotations/${id}/history`)).json.history as Entry[];
      expect(there.map((h) => `${h.action} ${h.by} ${h.at}`)).toEqual([
        'created ana 2026-06-01T08:00:00.000Z',
        'updated eddie 2026-06-01T10:00:00.000Z',
        'imported eddie 2026-07-01T12:00:00.000Z',
      ]);
      const { id: _a, ...flipThere } = verdictFlip(there) as Entry & { id: string };
      const { id: _b, ...flipHere } = verdictFlip(here) as Entry & { id: string };
      expect(flipThere).toEqual(flipHere);
      // And out again: the history now ends with the import.
      const again = await as(elsewhere, people.viewer, 'GET', `/api/export?format=w3c&source=${SEEDS.gsnRenews}`);
      expect(again.json.first.items[0]['collate:history'].at(-1)).toMatchObject({ action: 'imported', by: 'eddie' });
    } finally {
      await elsewhere.close();
    }
  });
});
