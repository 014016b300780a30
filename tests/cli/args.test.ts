import { describe, expect, it } from 'vitest';
import { intOption, optionHelp, parseCommandArgs, UsageError, type OptionSpecs } from '../../server/cli/args';

const SPECS: OptionSpecs = {
  json: { type: 'boolean', help: 'as JSON' },
  format: { type: 'string', value: 'F', help: 'the format' },
  'min-words': { type: 'string', value: 'N', help: 'shortest passage' },
};

function usageError(argv: string[]): string {
  try {
    parseCommandArgs(argv, SPECS);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCommandArgs', () => {
  it('reads switches, values in both spellings and positionals in order, and -h as --help', () => {
    const args = parseCommandArgs(['a', '--json', '--format', 'csv', 'b', '--min-words=12', '-h'], SPECS);
    expect(args.positionals).toEqual(['a', 'b']);
    expect(args.values).toMatchObject({ json: true, format: 'csv', 'min-words': '12', help: true });
  });

  it('takes words after -- as positionals, and a lone "-" as a value', () => {
    const args = parseCommandArgs(['--format', '-', '--', '--json'], SPECS);
    expect(args.values.format).toBe('-');
    expect(args.values.json).toBeUndefined();
    expect(args.positionals).toEqual(['--json']);
  });

  it('names the option in every usage error', () => {
    expect(usageError(['--colour', 'red'])).toBe('unknown option --colour (this command takes --json, --format, --min-words)');
    expect(usageError(['-x'])).toContain('unknown option -x');
    expect(usageError(['--format'])).toBe('--format needs a value');
    expect(usageError(['--json=yes'])).toBe('--json takes no value');
    // A value that looks like an option is more likely a forgotten value than a value.
    expect(usageError(['--format', '--json'])).toContain('--format needs a value, not "--json"');
    expect(usageError(['--min-words', '-5'])).toContain('write --min-words=-5 if that is the value');
  });

  it('does not take names of Object.prototype for options', () => {
    expect(usageError(['--constructor'])).toContain('unknown option --constructor');
    expect(usageError(['--toString=1'])).toContain('unknown option --toString');
  });
});

describe('intOption', () => {
  it('accepts whole numbers in range and rejects the rest with the option named', () => {
    const of = (v: string) => parseCommandArgs(['--min-words', v], SPECS);
    expect(intOption(of('12'), 'min-words', 2, 100)).toBe(12);
    expect(intOption(parseCommandArgs([], SPECS), 'min-words', 2, 100)).toBeUndefined();
    for (const bad of ['1', '101', '3.5', 'lots', '']) {
      expect(() => intOption(of(bad), 'min-words', 2, 100)).toThrow(`--min-words takes a whole number from 2 to 100, not "${bad}"`);
    }
  });
});

describe('optionHelp', () => {
  it('lists every option with its value placeholder, help last, in one aligned column', () => {
    const lines = optionHelp(SPECS).split('\n');
    expect(lines.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['--json', '--format F', '--min-words N', '-h, --help']);
    const helps = [...Object.values(SPECS).map((s) => s.help), 'show this help'];
    const column = new Set(lines.map((l, i) => l.indexOf(`  ${helps[i]}`)));
    expect(column.size).toBe(1);
    expect([...column][0]).toBeGreaterThan(0);
  });
});
