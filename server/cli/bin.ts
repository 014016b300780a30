/**
 * The `collate` program: runs the command line with the process's streams and sets the exit code.
 * The build bundles this file into dist/collate.js (package.json `bin`, also run by `npm run cli`).
 */
import { KEEP_RUNNING } from './commands';
import { runCli } from './main';

// `collate reuse sources | head` closes the pipe early: the reader has what it wanted, so stop quietly
// instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    // serve keeps the process alive through its server; every other command ends here.
    if (code !== KEEP_RUNNING) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`collate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
