/**
 * `serve`: starts the app and API through `serve` in server/main.ts (what `npm start` runs). The options
 * are checked here like every other command's and handed on as `--flag value` pairs; the environment
 * (PORT, HOST, PUBLIC_URL, DATA_DIR, SOURCES_DIR) is read by the server's own configuration.
 */
import { serve } from '../main';
import { intOption, type ParsedArgs, stringOption, UsageError } from './args';
import type { CliIo } from './cli-io';
import { KEEP_RUNNING } from './commands';
import { workspaceFlags } from './workspace-config';

export async function serveCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const port = intOption(args, 'port', 0, 65_535);
  const host = stringOption(args, 'host');
  const publicUrl = stringOption(args, 'public-url');
  const flags = [
    ...(port === undefined ? [] : ['--port', String(port)]),
    ...(host === undefined ? [] : ['--host', host]),
    ...(publicUrl === undefined ? [] : ['--public-url', publicUrl]),
    ...workspaceFlags(args, io),
  ];
  try {
    await serve(flags);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`the port is in use already (${(e as Error).message}); pick another with --port or PORT`);
    }
    throw e;
  }
  return KEEP_RUNNING;
}
