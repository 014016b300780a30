/**
 * The CLI's commands, by name. Each returns its exit code; serve returns -1 (it keeps running).
 */
import { serve } from '../main';
import { reuseCommand } from './reuse-command';
import { exportCommand, importCommand } from './transfer-commands';

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'start the app and API (as npm start)',
    usage: 'serve [--port N] [--host H] [--data DIR] [--sources DIR]',
    async run(argv) {
      await serve(argv);
      return -1;
    },
  },
  reuse: {
    summary: 'find passages shared by text files (duplicate coverage)',
    usage: 'reuse <dir-or-files…> [--json] [--min-words N]',
    run: reuseCommand,
  },
  export: {
    summary: 'write an annotation set as w3c, csv, claimreview or markdown',
    usage: 'export --format w3c|csv|claimreview|markdown [--set S] [--source ID] [--kind K] [--tag T] [--bom] [--out FILE] [--data DIR] [--sources DIR]',
    run: exportCommand,
  },
  import: {
    summary: 'import W3C Web Annotation JSON-LD (all or nothing)',
    usage: 'import FILE [--set S] [--data DIR] [--sources DIR]',
    run: importCommand,
  },
};
