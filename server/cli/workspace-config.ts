/**
 * The workspace a command works on: `--data` and `--sources` (paths relative to the command's folder)
 * and `--database`, falling back to DATA_DIR, SOURCES_DIR and DATABASE_URL from the command's
 * environment, then to the defaults of the server's configuration.
 */
import { readConfig, type ServerConfig } from '../config';
import { type ParsedArgs, stringOption } from './args';
import { type CliIo, pathFrom } from './cli-io';

/** `--data DIR --sources DIR --database URL` as given, with the paths resolved against the command's folder. */
export function workspaceFlags(args: ParsedArgs, io: CliIo): string[] {
  const flags: string[] = [];
  for (const name of ['data', 'sources']) {
    const value = stringOption(args, name);
    if (value !== undefined) flags.push(`--${name}`, pathFrom(io, value));
  }
  const database = stringOption(args, 'database');
  if (database !== undefined) flags.push('--database', database);
  return flags;
}

/** The configuration the command's flags and environment give. */
export function workspaceConfig(args: ParsedArgs, io: CliIo): ServerConfig {
  const env = { ...io.env };
  for (const key of ['DATA_DIR', 'SOURCES_DIR']) {
    const value = env[key];
    if (value) env[key] = pathFrom(io, value);
  }
  return readConfig(workspaceFlags(args, io), env);
}
