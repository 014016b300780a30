/**
 * Checks on what the user gives the import dialog before it is sent, and the reading of the server's
 * answer when the import is refused. Pure code, unit tested.
 */

/** One problem the server found in an import (`details.errors` of a 422 import_failed). */
export interface ImportProblem {
  path: string;
  message: string;
}

/** The outcome of checking the text to import: JSON or not, with the parser's message. */
export type PayloadCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether `text` can be sent as an import: it must parse as JSON and be an object or an array (a
 * W3C annotation, an AnnotationCollection or a list of annotations). The server checks the rest.
 */
export function checkImportText(text: string): PayloadCheck {
  if (text.trim() === '') return { ok: false, message: 'Choose a file or paste W3C Web Annotation JSON-LD first.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `This is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof value !== 'object' || value === null) {
    return { ok: false, message: 'Expected a JSON object (an annotation or a collection) or a list of annotations.' };
  }
  return { ok: true };
}

/**
 * The problems listed in an import_failed error's details, tolerating shapes the contract does not
 * promise (a path given as a list of keys, a missing message), so the dialog always has a list.
 */
export function importProblems(details: unknown): ImportProblem[] {
  const errors = typeof details === 'object' && details !== null ? (details as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: unknown) => {
    const rec = typeof e === 'object' && e !== null ? (e as { path?: unknown; message?: unknown }) : {};
    const path = Array.isArray(rec.path) ? rec.path.join('.') : typeof rec.path === 'string' ? rec.path : '';
    return { path, message: typeof rec.message === 'string' ? rec.message : String(rec.message ?? 'invalid') };
  });
}
