/**
 * `npm run cli -- <command>`: serve, reuse, export, import. Usage errors and failures print a
 * message to stderr and exit non-zero; `--json` output goes to stdout alone.
 */
import { UsageError } from './args';
import { COMMANDS } from './commands';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}\n           ${c.usage}`)
  .join('\n')}
`;

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`collate: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`collate ${name}: ${e.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`collate ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    // serve keeps the process alive on its own; the others end here.
    if (code !== -1) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`collate: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
