// @ts-check
/**
 * Type-checks core/ as code that runs anywhere: with tsconfig.core.json (ECMAScript library only, no
 * Node or DOM types), and then makes sure no dependency brought those types back. A package whose
 * typings say `/// <reference types="node" />` loads all of Node's globals into the check, and `Buffer`
 * or `process` in core/ would then compile again; so the files tsc read are listed and any from
 * @types/node or the DOM library fail the check, naming the import that pulled them in.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const FORBIDDEN = [/[\\/]@types[\\/]node[\\/]/, /[\\/]lib\.dom[.\w]*\.d\.ts$/, /[\\/]lib\.webworker[.\w]*\.d\.ts$/];

const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.core.json', '--explainFiles'], { cwd: ROOT, encoding: 'utf8' });
if (run.status !== 0) {
  // Type errors: show tsc's own messages, without the file explanations.
  process.stderr.write(run.stdout.split('\n').filter((line) => /error TS\d+/.test(line)).join('\n') + '\n');
  process.stderr.write('core/ does not compile without Node and DOM types (tsconfig.core.json)\n');
  process.exit(1);
}
// --explainFiles prints each file read, then indented lines saying why it was read. A forbidden file
// read because of another forbidden file is not news; the ones read because of anything else are the
// way in, and their reasons name the import to blame.
const lines = run.stdout.split('\n');
const isForbidden = (/** @type {string} */ text) => FORBIDDEN.some((re) => re.test(text));
const entries = [];
for (let i = 0; i < lines.length; i++) {
  if (/^\s/.test(lines[i]) || !isForbidden(lines[i])) continue;
  const reasons = [];
  for (let k = i + 1; k < lines.length && /^\s/.test(lines[k]); k++) reasons.push(lines[k].trim());
  const outside = reasons.filter((r) => !isForbidden(r.replace(/^.* from file /, '')));
  if (outside.length) entries.push(`${lines[i]}\n    ${outside.join('\n    ')}`);
}
if (entries.length) {
  process.stderr.write(`core/ must compile without Node or DOM types (tsconfig.core.json), but these were read:\n${entries.join('\n')}\n`);
  process.exit(1);
}
