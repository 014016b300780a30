/**
 * Set names checked before they are sent: letters and digits of any script are accepted (the
 * shared rule the server applies), and each kind of refusal is explained in a plain sentence.
 */
import { describe, expect, it } from 'vitest';
import { SET_NAME_MAX, setNameProblem } from '../../../client/sets/set-name';

describe('setNameProblem', () => {
  it('accepts names in any script with spaces, _ . and -', () => {
    for (const name of ['Check 2024 ü', 'fact-check_2024.v2', 'Проверка', '検証 3', 'Cafe\u0301 notes', 'x'.repeat(SET_NAME_MAX)]) {
      expect(setNameProblem(name), name).toBeNull();
    }
  });

  it('asks for a name when it is empty', () => {
    expect(setNameProblem('')).toBe('Give the new set a name.');
  });

  it('names the characters that are not allowed', () => {
    expect(setNameProblem('claims/2024')).toBe('A set name can hold letters, digits, spaces and _ . - only, not “/”.');
    expect(setNameProblem('a#b#c!d')).toBe('A set name can hold letters, digits, spaces and _ . - only, not “#”, “!”.');
  });

  it('explains a bad first character, a trailing space and a name too long', () => {
    expect(setNameProblem('-drafts')).toBe('A set name must start with a letter or a digit.');
    expect(setNameProblem('drafts ')).toBe('A set name cannot end with a space.');
    expect(setNameProblem('x'.repeat(SET_NAME_MAX + 1))).toBe(`A set name can be at most ${SET_NAME_MAX} characters long; this one has ${SET_NAME_MAX + 1}.`);
  });
});
