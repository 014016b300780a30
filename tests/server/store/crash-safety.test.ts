/**
 * Kill -9 a real server while it takes every kind of write (moves between sources, deletes,
 * imports, carries, confirmations, source revisions), start it again on the same folder, and check
 * the record: every acknowledged change is there, no acknowledged delete came back, every import
 * is whole or absent. Each round kills at a different moment; `CRASH_ROUNDS` sets how many (the
 * stress script runs many).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLedger, newLedger, runWorkload } from '../../helpers/crash-workload';
import { killHard, startServerProcess, stopGently } from '../../helpers/server-process';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 2);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('crash safety', () => {
  it(`keeps the acknowledged record across ${ROUNDS} kill -9 rounds`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'collate-crash-'));
    dirs.push(dataDir);
    const ledger = newLedger();
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServerProcess(dataDir);
      // Kill after a varying number of acknowledged writes, a varying moment later.
      const killAfter = ledger.acks + 15 + Math.floor(Math.random() * 120);
      let stopped = false;
      const work = runWorkload(server.url, ledger, round, () => stopped);
      const watch = (async () => {
        while (ledger.acks < killAfter && server.child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
        await new Promise((r) => setTimeout(r, Math.random() * 15));
        stopped = true;
        await killHard(server.child);
      })();
      await Promise.all([work, watch]);

      const again = await startServerProcess(dataDir);
      try {
        const problems = await checkLedger(again.url, ledger);
        expect(problems, `round ${round} (killed after ${killAfter} acknowledgements)`).toEqual([]);
      } finally {
        await stopGently(again.child);
      }
    }
    if (process.env.CRASH_ROUNDS) console.log(`crash rounds: ${ROUNDS}, acknowledged ${ledger.acks}, imports ${ledger.imports.length}, carried ${ledger.carried.length}, confirmed ${ledger.confirmed.length}, source revisions ${ledger.revision.acked}`);
    expect(ledger.acks).toBeGreaterThan(ROUNDS * 15);
  }, 30_000 + ROUNDS * 20_000);
});
