/**
 * Which mode a server starts in: single-user on loopback with no users, refused on another address
 * with no users (the real program, which must exit with a message saying how to add one), signing
 * in once users exist, with a warning about TLS off loopback. And the --public-url setting.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servingMode, ServingModeError } from '../../../server/auth/serving-mode';
import { ConfigError, readConfig } from '../../../server/config';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('servingMode', () => {
  it('allows the single-user mode only on loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) expect(servingMode(host, 0), host).toEqual({ localMode: true, warnings: [] });
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'collate.lan']) {
      expect(() => servingMode(host, 0), host).toThrow(ServingModeError);
      expect(() => servingMode(host, 0)).toThrow(/user add <name> --role admin/);
    }
  });

  it('serves users anywhere, warning that TLS must come from a reverse proxy off loopback', () => {
    expect(servingMode('127.0.0.1', 2)).toEqual({ localMode: true, warnings: [] });
    const open = servingMode('0.0.0.0', 2);
    expect(open.localMode).toBe(false);
    expect(open.warnings.join('\n')).toMatch(/plain HTTP on 0\.0\.0\.0.*\n.*reverse proxy with TLS/);
  });
});

describe('--public-url', () => {
  it('takes an origin from the flag or PUBLIC_URL, and refuses anything else', () => {
    expect(readConfig(['--public-url', 'https://collate.example.org']).publicUrl?.origin).toBe('https://collate.example.org');
    expect(readConfig([], { PUBLIC_URL: 'http://collate.lan:8080/' }).publicUrl?.origin).toBe('http://collate.lan:8080');
    expect(readConfig([], {}).publicUrl).toBeUndefined();
    for (const bad of ['collate.example.org', 'ftp://collate.example.org', 'https://collate.example.org/app', 'https://u:p@collate.example.org', 'https://collate.example.org/?x=1']) {
      expect(() => readConfig(['--public-url', bad]), bad).toThrow(ConfigError);
    }
  });
});

describe('the server program', () => {
  it('refuses to start on 0.0.0.0 with no users, saying how to add one, and never listens', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'collate-mode-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--host', '0.0.0.0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect(code).toBe(1);
      expect(out).toContain('refusing to listen on 0.0.0.0 with no users');
      expect(out).toContain('npm run cli -- user add <name> --role admin');
      expect(out).not.toContain('running at');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
