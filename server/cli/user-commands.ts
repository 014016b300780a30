/**
 * `collate user add|list|remove|token`: user accounts in the data folder. A new token is printed
 * alone on stdout (so `TOKEN=$(collate user add …)` takes it), its explanation on stderr; it is
 * shown this once, and the store keeps only its hash.
 *
 * Writes refuse to run while a server uses the folder (the server holds the store in memory and
 * would never see them): a running server's users are managed by an admin through /api/users.
 * `list` only reads, so it runs beside a server. With a database (--database, DATABASE_URL) the
 * users are there, and every command runs beside servers.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { ROLES } from '../../core/model';
import { UserService } from '../auth/users';
import { holdDataDir, serverHolding } from '../store/data-dir-lock';
import { JsonStore } from '../store/json/json-store';
import type { Store } from '../store/store';
import { openStore } from '../workspace';
import { flagOption, type ParsedArgs, stringOption, UsageError } from './args';
import type { CliIo } from './cli-io';
import { workspaceConfig } from './workspace-config';

const ACTIONS = ['add', 'list', 'remove', 'token'] as const;
type Action = (typeof ACTIONS)[number];

function parse(args: ParsedArgs): { action: Action; name?: string; role?: string; json: boolean } {
  const [action, name, ...extra] = args.positionals;
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(action === undefined ? 'say what to do: add, list, remove or token' : `unknown action "${action}" (add, list, remove or token)`);
  }
  const a = action as Action;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (a === 'list' && name !== undefined) throw new UsageError(`unexpected argument "${name}"`);
  if (a !== 'list' && name === undefined) throw new UsageError(`user ${a} needs a user name`);
  const role = stringOption(args, 'role');
  if (a === 'add' && role === undefined) throw new UsageError(`user add needs --role ${ROLES.join('|')}`);
  if (a !== 'add' && role !== undefined) throw new UsageError('--role is only for user add (to change a role, remove the user and add them again)');
  if (a === 'add' && !(ROLES as readonly string[]).includes(role!)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${role}"`);
  const json = flagOption(args, 'json');
  if (json && a !== 'list') throw new UsageError('--json is only for user list');
  return { action: a, name, role, json };
}

async function list(dataDir: string, databaseUrl: string | undefined, json: boolean, io: CliIo): Promise<number> {
  let store: Store | undefined;
  if (databaseUrl) store = await openStore({ dataDir, databaseUrl, readOnly: true });
  else if (existsSync(dataDir)) store = await JsonStore.open(dataDir, { readOnly: true });
  const users = store ? await new UserService(store).list() : [];
  await store?.close();
  if (json) {
    io.stdout.write(JSON.stringify(users, null, 2) + '\n');
    return 0;
  }
  if (!users.length) {
    io.stderr.write('no users: Collate runs as a single-person tool, on loopback only\n');
    return 0;
  }
  const width = Math.max(4, ...users.map((u) => u.name.length)) + 2;
  io.stdout.write(`${'name'.padEnd(width)}${'role'.padEnd(11)}${'created'.padEnd(26)}token issued\n`);
  for (const u of users) io.stdout.write(`${u.name.padEnd(width)}${u.role.padEnd(11)}${u.created.padEnd(26)}${u.tokenIssued}\n`);
  return 0;
}

export async function userCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const { action, name, role, json } = parse(args);
  const { dataDir, databaseUrl } = workspaceConfig(args, io);
  if (action === 'list') return list(dataDir, databaseUrl, json, io);
  let release = () => {};
  if (!databaseUrl) {
    const owner = serverHolding(dataDir);
    if (owner) {
      throw new Error(
        `a Collate server (pid ${owner}) is running on ${dataDir}: manage users through it as an admin ` +
          '(POST /api/users, DELETE /api/users/<name>, POST /api/users/<name>/token), or stop it first',
      );
    }
    await mkdir(dataDir, { recursive: true });
    release = holdDataDir(dataDir);
  }
  const store = await openStore({ dataDir, databaseUrl });
  try {
    const users = new UserService(store);
    if (action === 'remove') {
      const removed = await users.remove(name!, { keepAdmin: false });
      const left = (await users.list()).length;
      io.stderr.write(`removed ${removed.name} (${removed.role}); their sessions ended${left ? '' : '; no users are left, so Collate is a single-person tool again (loopback only)'}\n`);
      return 0;
    }
    const issued = action === 'add' ? await users.add(name!, role!) : await users.rotate(name!);
    const what = action === 'add' ? `added ${issued.user.name} (${issued.user.role})` : `new token for ${issued.user.name}; the old one and their sessions no longer work`;
    io.stderr.write(`${what}. Their token, shown this once (they sign in with their name and this token):\n`);
    io.stdout.write(`${issued.token}\n`);
    return 0;
  } finally {
    await store.close();
    release();
  }
}
