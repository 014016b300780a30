/**
 * `collate <command>` (or `npm run cli -- <command>`): serve, reuse, export, import, migrate. `runCli` runs one
 * command line in process and resolves to its exit code: 0 done, 1 failed, 2 usage error. Importing
 * this module runs nothing; `bin.ts` is the program.
 */
import { optionHelp, parseCommandArgs, UsageError } from './args';
import { type CliIo, withProcessDefaults } from './cli-io';
import { type Command, COMMANDS } from './commands';

function usage(): string {
  const lines = [...COMMANDS].map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}\n           ${name} ${c.synopsis}`);
  return `Usage: collate <command> [options]

Commands:
${lines.join('\n')}

Run "collate <command> --help" for a command's options.
`;
}

function commandHelp(name: string, command: Command): string {
  return `Usage: collate ${name} ${command.synopsis}

${command.summary[0].toUpperCase()}${command.summary.slice(1)}.
${command.details}

Options:
${optionHelp(command.options)}
`;
}

/**
 * Runs one command line (`argv` without the program name) and resolves to its exit code: 0, 1 when
 * the command failed, 2 for a usage error, or `KEEP_RUNNING` once `serve` listens. Output goes to
 * `io.stdout` and `io.stderr`; missing parts of `io` are the process's own.
 */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli = withProcessDefaults(io);
  const [name, ...rest] = argv;
  if (name === undefined) {
    cli.stderr.write(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS.get(topic);
    if (topic !== undefined && !command) {
      cli.stderr.write(`collate: unknown command "${topic}"\n\n${usage()}`);
      return 2;
    }
    cli.stdout.write(command && topic ? commandHelp(topic, command) : usage());
    return 0;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    cli.stderr.write(`collate: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const args = parseCommandArgs(rest, command.options);
    if (args.values.help === true) {
      cli.stdout.write(commandHelp(name, command));
      return 0;
    }
    const run = await command.load();
    return await run(args, cli);
  } catch (e) {
    if (e instanceof UsageError) {
      cli.stderr.write(`collate ${name}: ${e.message}\nusage: collate ${name} ${command.synopsis}\n`);
      return 2;
    }
    cli.stderr.write(`collate ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
