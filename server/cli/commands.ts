/**
 * The CLI's commands, by name: what each is for, its options, and a loader for its code. `--help` and
 * usage errors need only this table; a command's module, and the libraries behind it (express, zod,
 * the store), is imported when the command runs, so `collate --help` starts in a fraction of the time.
 */
import { EXPORT_FORMAT_IDS } from '../../core/export/format-info';
import { KINDS, ROLES } from '../../core/model/vocabulary';
import type { OptionSpecs, ParsedArgs } from './args';
import type { CliIo } from './cli-io';

/** Runs a command with its parsed arguments; resolves to the exit code. */
export type CommandRun = (args: ParsedArgs, io: CliIo) => Promise<number>;

/** The exit code `serve` resolves to: the server is listening and the process must stay up. */
export const KEEP_RUNNING = -1;

export interface Command {
  summary: string;
  /** The arguments after the command name, as usage lines show them. */
  synopsis: string;
  /** More about the command, for `collate <command> --help`. */
  details: string;
  options: OptionSpecs;
  load(): Promise<CommandRun>;
}

/** "a, b or c" */
const oneOf = (words: readonly string[]): string => `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

const WORKSPACE_OPTIONS: OptionSpecs = {
  data: { type: 'string', value: 'DIR', help: 'the annotation store (default: annotations/, or DATA_DIR)' },
  sources: { type: 'string', value: 'DIR', help: 'the folder of article texts (default: sources/, or SOURCES_DIR)' },
  database: { type: 'string', value: 'URL', help: 'a postgres:// URL: keep annotations in PostgreSQL (default: DATABASE_URL; none: the data folder)' },
};

export const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  [
    'serve',
    {
      summary: 'start the app and API (as npm start)',
      synopsis: '[--port N] [--host H] [--public-url URL] [--data DIR] [--sources DIR] [--database URL]',
      details:
        'Serves the app and the HTTP API until stopped (Ctrl+C). Flags win over PORT, HOST, PUBLIC_URL, DATA_DIR,\n' +
        'SOURCES_DIR and DATABASE_URL. With no users it listens on loopback only; once a user exists (collate user\n' +
        'add) everyone signs in. With a database, pending schema migrations are applied at start-up.',
      options: {
        port: { type: 'string', value: 'N', help: 'port to listen on (default: 3000, or PORT; 0 picks a free one)' },
        host: { type: 'string', value: 'H', help: 'address to bind (default: 127.0.0.1, or HOST; others need users)' },
        'public-url': { type: 'string', value: 'URL', help: 'the address a reverse proxy serves Collate under, e.g. https://collate.example.org (or PUBLIC_URL)' },
        ...WORKSPACE_OPTIONS,
      },
      load: async () => (await import('./serve-command')).serveCommand,
    },
  ],
  [
    'reuse',
    {
      summary: 'find passages shared by text files (duplicate coverage)',
      synopsis: '<dir-or-files…> [--json] [--min-words N]',
      details:
        'Reads .txt files (a folder means every .txt in it); ids are made from the file names as the server\n' +
        'makes them, and a sidecar <name>.meta.json may give the title and outlet (without one, outlets are\n' +
        'inferred from shared site chrome). Prints a table of passages and suggestions, or with --json one\n' +
        'object {"passages": [...], "suggestions": [...]} on stdout and nothing else. Progress goes to stderr.',
      options: {
        json: { type: 'boolean', help: 'print passages and suggestions as one JSON object on stdout' },
        'min-words': { type: 'string', value: 'N', help: 'report passages of at least N shared words (default: 8)' },
      },
      load: async () => (await import('./reuse-command')).reuseCommand,
    },
  ],
  [
    'add',
    {
      summary: 'add articles from files (.txt, .md, .html), folders or web pages',
      synopsis: '<files|folders|urls…> [--title T] [--outlet O] [--data DIR] [--sources DIR]',
      details:
        'Runs each input through the same pipeline as the app: the article text (HTML pages are extracted),\n' +
        'metadata from the page or guessed, an id from the file name or title. A web page is fetched (10 s,\n' +
        '5 MB, public addresses only unless COLLATE_ALLOW_PRIVATE_FETCH=1). An id that exists gets a new\n' +
        'revision. Prints one line per source: id, title, outlet, words. Refuses to run beside a server.',
      options: {
        title: { type: 'string', value: 'T', help: 'the title (for a single input)' },
        outlet: { type: 'string', value: 'O', help: 'the outlet, for every input' },
        ...WORKSPACE_OPTIONS,
      },
      load: async () => (await import('./add-command')).addCommand,
    },
  ],
  [
    'export',
    {
      summary: `write annotations as ${oneOf(EXPORT_FORMAT_IDS)}`,
      synopsis: `--format ${EXPORT_FORMAT_IDS.join('|')} [--set S] [--source ID] [--kind K] [--tag T] [--bom] [--out FILE]`,
      details: 'Reads the data folder directly, without writing to it, so it can run beside a live server.',
      options: {
        format: { type: 'string', value: 'F', help: `${oneOf(EXPORT_FORMAT_IDS)} (required)` },
        set: { type: 'string', value: 'S', help: 'only this annotation set' },
        source: { type: 'string', value: 'ID', help: 'only annotations on this source' },
        kind: { type: 'string', value: 'K', help: `only this kind: ${oneOf(KINDS)}` },
        tag: { type: 'string', value: 'T', help: 'only annotations with this tag' },
        bom: { type: 'boolean', help: 'csv: start with a byte order mark, for older Excel' },
        out: { type: 'string', value: 'FILE', help: 'write to FILE instead of stdout' },
        ...WORKSPACE_OPTIONS,
      },
      load: async () => (await import('./transfer-commands')).exportCommand,
    },
  ],
  [
    'import',
    {
      summary: 'import W3C Web Annotation JSON-LD (all or nothing)',
      synopsis: 'FILE [--set S]',
      details: 'Adds every annotation in FILE to the data folder, or none when any is wrong (each problem is listed).\nRefuses to run while a Collate server uses the same data folder: import through it instead.',
      options: {
        set: { type: 'string', value: 'S', help: 'put every imported annotation into set S, whatever set the file names' },
        ...WORKSPACE_OPTIONS,
      },
      load: async () => (await import('./transfer-commands')).importCommand,
    },
  ],
  [
    'user',
    {
      summary: 'add, list or remove users, or give one a new token',
      synopsis: `add <name> --role ${ROLES.join('|')} | list [--json] | remove <name> | token <name>`,
      details:
        'Users sign in with their name and token; once one exists, every request needs one. "add" and "token"\n' +
        'print the new token alone on stdout, shown this once. "token" replaces a token and ends its sessions.\n' +
        'Roles: viewer reads and exports; annotator also creates and changes their own annotations; editor\n' +
        "changes anyone's, manages sets, decides suggestions and imports; admin also manages users.\n" +
        'Changes refuse to run while a server uses the data folder: an admin manages users through /api/users then.',
      options: {
        role: { type: 'string', value: 'R', help: `add: the role, one of ${oneOf(ROLES)}` },
        json: { type: 'boolean', help: 'list: print the users as JSON' },
        data: WORKSPACE_OPTIONS.data,
        database: WORKSPACE_OPTIONS.database,
      },
      load: async () => (await import('./user-commands')).userCommand,
    },
  ],
  [
    'migrate',
    {
      summary: 'create or upgrade the PostgreSQL schema',
      synopsis: '[--database URL] [--status]',
      details:
        'Applies the schema migrations the database at DATABASE_URL (or --database) has not had yet, in order, in\n' +
        'one transaction. Safe to run again, and from several processes at once. --status only reports.',
      options: {
        database: { type: 'string', value: 'URL', help: 'the database (default: DATABASE_URL)' },
        status: { type: 'boolean', help: 'print the schema version and what is pending; change nothing' },
      },
      load: async () => (await import('./migrate-command')).migrateCommand,
    },
  ],
]);
