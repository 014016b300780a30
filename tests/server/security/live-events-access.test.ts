/**
 * An open live-updates stream outlives the request that checked its credential, so it must end when
 * the credential does: signing out ends the session's stream (and no other), a new token or a
 * removed user ends the streams opened with the old token; the page cannot reconnect without signing in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/model';
import { listen } from '../../helpers/event-stream';
import { SEEDS, targetOf } from '../../helpers/fixtures';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { addPeople, bearer, PEOPLE } from './accounts-fixture';
import { send } from './raw-http';

let srv: TestServer;
let tokens: Record<Role, string>;
beforeAll(async () => {
  srv = await startTestServer();
  // Opened in single-user mode, a stream ends once accounts exist: from then on every page signs in.
  const local = await listen(srv.url);
  try {
    tokens = await addPeople(srv.store);
    await local.ended();
  } finally {
    local.close();
  }
  expect((await fetch(`${srv.url}/api/sets`)).status).toBe(401);
});
afterAll(() => srv.close());

const json = { 'content-type': 'application/json' };

async function signIn(name: string, token: string): Promise<string> {
  const res = await send(srv.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name, token }), headers: json });
  expect(res.status).toBe(201);
  return String(res.headers['set-cookie']).split(';')[0];
}

const note = (headers: Record<string, string>) =>
  send(srv.url, { method: 'POST', path: '/api/annotations', body: JSON.stringify({ kind: 'note', note: 'live', targets: [targetOf(SEEDS.mdaa, 'Russian Position')] }), headers: { ...json, ...headers } });

describe('live updates and the credential they were opened with', () => {
  it("signing out ends that session's stream, not another person's", async () => {
    const ana = await signIn(PEOPLE.annotator, tokens.annotator);
    const eddie = await signIn(PEOPLE.editor, tokens.editor);
    const [anaPage, eddiePage] = [await listen(srv.url, { cookie: ana }), await listen(srv.url, { cookie: eddie })];
    try {
      expect((await send(srv.url, { method: 'DELETE', path: '/api/session', headers: { cookie: ana, origin: srv.url } })).status).toBe(204);
      await anaPage.ended();
      // Eddie's stream still hears changes.
      expect((await note(bearer(tokens.editor))).status).toBe(201);
      expect((await eddiePage.next('annotation')).annotation.creator).toBe('eddie');
      const again = await fetch(`${srv.url}/api/events`, { headers: { cookie: ana } });
      expect(again.status).toBe(401);
      await again.body?.cancel();
    } finally {
      anaPage.close();
      eddiePage.close();
    }
  });

  it('a new token and a removed user end the streams opened with the old credential', async () => {
    const admin = { ...bearer(tokens.admin), ...json };
    const made = await send(srv.url, { method: 'POST', path: '/api/users', body: JSON.stringify({ name: 'temp', role: 'viewer' }), headers: admin });
    expect(made.status).toBe(201);
    const first = made.json.token as string;
    const byToken = await listen(srv.url, bearer(first));
    const bySession = await listen(srv.url, { cookie: await signIn('temp', first) });
    try {
      expect((await send(srv.url, { method: 'POST', path: '/api/users/temp/token', headers: bearer(tokens.admin) })).status).toBe(200);
      await byToken.ended();
      await bySession.ended();
    } finally {
      byToken.close();
      bySession.close();
    }
    const next = (await send(srv.url, { method: 'POST', path: '/api/users/temp/token', headers: bearer(tokens.admin) })).json.token as string;
    const page = await listen(srv.url, bearer(next));
    try {
      expect((await send(srv.url, { method: 'DELETE', path: '/api/users/temp', headers: bearer(tokens.admin) })).status).toBe(204);
      await page.ended();
    } finally {
      page.close();
    }
  });
});
