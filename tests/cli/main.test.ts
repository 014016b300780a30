/**
 * runCli as a whole, in process: help texts, unknown commands, usage errors and their exit codes. The
 * commands' own behaviour is in reuse-command and transfer-commands; bin.test.ts runs the built program.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_WORDS } from '../../core/reuse';
import { COMMANDS } from '../../server/cli/commands';
import { runCli } from '../helpers/run-cli';

describe('collate help', () => {
  it('lists every command on stdout for --help, -h and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const res = await runCli(argv);
      expect(res.code).toBe(0);
      expect(res.stderr).toBe('');
      for (const name of COMMANDS.keys()) expect(res.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it('prints usage on stderr with exit 2 when no command is given', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: collate <command>');
  });

  it('prints each command its own options, for "<command> --help" and "help <command>"', async () => {
    for (const [name, command] of COMMANDS) {
      const viaFlag = await runCli([name, '--help']);
      const viaHelp = await runCli(['help', name]);
      expect(viaFlag.code).toBe(0);
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
      expect(viaFlag.stdout).toContain(`Usage: collate ${name} `);
      for (const option of Object.keys(command.options)) expect(viaFlag.stdout).toContain(`--${option}`);
    }
  });

  it("states reuse's real default for --min-words", async () => {
    const help = await runCli(['reuse', '-h']);
    expect(help.stdout).toMatch(new RegExp(`--min-words N .*\\(default: ${DEFAULT_MIN_WORDS}\\)`));
  });
});

describe('collate usage errors', () => {
  it('exits 2 for an unknown command, including names on Object.prototype', async () => {
    for (const name of ['frobnicate', 'constructor', '__proto__']) {
      const res = await runCli([name]);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain(`unknown command "${name}"`);
    }
    expect((await runCli(['help', 'frobnicate'])).code).toBe(2);
  });

  it('exits 2 naming the bad option, with the command usage, and nothing on stdout', async () => {
    const cases: [string[], string][] = [
      [['reuse', 'sources', '--colour', 'red'], 'unknown option --colour'],
      [['reuse', 'sources', '--min-words'], '--min-words needs a value'],
      [['reuse', 'sources', '--json=yes'], '--json takes no value'],
      [['export', '--format'], '--format needs a value'],
      [['import', 'a.json', 'b.json'], 'give exactly one file to import'],
      [['serve', '--port', '70000'], '--port takes a whole number from 0 to 65535, not "70000"'],
      [['serve', 'now'], 'unexpected argument "now"'],
    ];
    for (const [argv, message] of cases) {
      const res = await runCli(argv);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toContain(`collate ${argv[0]}: ${message}`);
      expect(res.stderr).toContain(`usage: collate ${argv[0]} ${COMMANDS.get(argv[0])!.synopsis}`);
    }
  });
});
