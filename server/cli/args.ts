/**
 * Command-line options through `node:util`'s parseArgs. Each command declares its options once (with
 * the help line `--help` prints); an unknown option, a missing value or a value given to a switch is a
 * UsageError whose message names the option, and the CLI exits 2 with it.
 */
import { parseArgs } from 'node:util';

/** A mistake in how a command was called: the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

/** One option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder for the value in help texts ("N", "DIR"); string options only. */
  value?: string;
  short?: string;
  help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What a command was given: option values by long name, and the other words in order. */
export interface ParsedArgs {
  values: Readonly<Record<string, string | boolean | undefined>>;
  positionals: readonly string[];
}

/** Every command takes `-h` / `--help`. */
export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', help: 'show this help' } };

/**
 * Parses `argv` against `specs` (plus `--help`).
 *
 * @throws UsageError naming the first option that is unknown, lacks its value or takes none.
 */
export function parseCommandArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const all: OptionSpecs = { ...specs, ...HELP_OPTION };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, s]) => [name, s.short ? { type: s.type, short: s.short } : { type: s.type }]),
  );
  const args = [...argv];
  // A lenient pass first: its tokens say which option is wrong, where the strict pass says it in prose.
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(all, token.name) ? all[token.name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${token.rawName} (${describeOptions(specs)})`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
    if (spec.type === 'string') {
      if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
      if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
        throw new UsageError(`${token.rawName} needs a value, not "${token.value}" (write ${token.rawName}=${token.value} if that is the value)`);
      }
    }
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    // The checks above should leave nothing for the strict pass to reject; if it does, it is still the caller's mistake.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function describeOptions(specs: OptionSpecs): string {
  const names = Object.keys(specs).map((n) => `--${n}`);
  return names.length ? `this command takes ${names.join(', ')}` : 'this command takes no options';
}

/** The value of a string option, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a boolean option was given. */
export function flagOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/**
 * The value of a whole-number option, if given.
 *
 * @throws UsageError when it is not a whole number from `min` to `max`.
 */
export function intOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}

/** The options as help lines: `  --min-words N   shortest passage…`, `-h, --help` last. */
export function optionHelp(specs: OptionSpecs): string {
  const rows = Object.entries({ ...specs, ...HELP_OPTION }).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : ''}--${name}${s.value ? ` ${s.value}` : ''}`;
    return [flag, s.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`).join('\n');
}
