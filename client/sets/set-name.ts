/**
 * What makes a good annotation set name, checked in the browser before the name is sent, so the user
 * reads a plain sentence rather than the server's validation report. Whether a name is valid is
 * decided by the shared schema the server uses (core/model `SetName`: letters and digits of any
 * script, then also spaces, `_`, `.` and `-`, at most 64 characters); this module only explains.
 */
import { SetName } from '../../core/model';

/** The longest set name the server accepts (UTF-16 code units, as JavaScript counts). */
export const SET_NAME_MAX = 64;

/** The characters of `name` that no set name may hold, each once, in order of appearance. */
function badCharacters(name: string): string[] {
  const bad: string[] = [];
  for (const ch of name) if (!/[\p{L}\p{N}\p{M} _.-]/u.test(ch) && !bad.includes(ch)) bad.push(ch);
  return bad;
}

function quoted(ch: string): string {
  return /\s/u.test(ch) ? `a ${ch === '\t' ? 'tab' : 'line break or unusual space'}` : `“${ch}”`;
}

/**
 * Why `name` (already trimmed) cannot name a set, as a sentence for the form, or null when it can.
 */
export function setNameProblem(name: string): string | null {
  if (name === '') return 'Give the new set a name.';
  if (name.length > SET_NAME_MAX) return `A set name can be at most ${SET_NAME_MAX} characters long; this one has ${name.length}.`;
  if (SetName.safeParse(name).success) return null;
  const bad = badCharacters(name);
  if (bad.length > 0) {
    return `A set name can hold letters, digits, spaces and _ . - only, not ${bad.slice(0, 3).map(quoted).join(', ')}.`;
  }
  if (!/^[\p{L}\p{N}]/u.test(name)) return 'A set name must start with a letter or a digit.';
  return 'A set name cannot end with a space.';
}
