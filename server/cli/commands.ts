/**
 * The CLI's commands, by name. Each returns its exit code; serve returns -1 (it keeps running).
 */
import { serve } from '../main';

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
};
