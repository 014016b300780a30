/**
 * The sentence reporting a finished import. The server counts what it added (`imported`) and what
 * the file held that was already here with the same id and content (`skipped`); importing a file
 * twice must read as "nothing new", not as a second batch of annotations.
 */

/** The counts of a successful import that the summary needs. */
export interface ImportCounts {
  imported: number;
  /** Missing from servers that do not count duplicates: read as 0. */
  skipped?: number;
  setsCreated?: readonly string[];
}

function annotations(n: number): string {
  return `${n} annotation${n === 1 ? '' : 's'}`;
}

/**
 * "Imported 3 annotations.", "Imported 2 annotations; 1 was already here.", or when nothing was
 * added "Nothing new: all 4 annotations are already here." New sets are named after it.
 */
export function importSummary(result: ImportCounts): string {
  const skipped = result.skipped ?? 0;
  let sentence: string;
  if (result.imported === 0 && skipped > 0) {
    sentence = skipped === 1 ? 'Nothing new: the 1 annotation is already here.' : `Nothing new: all ${skipped} annotations are already here.`;
  } else if (skipped > 0) {
    sentence = `Imported ${annotations(result.imported)}; ${skipped} ${skipped === 1 ? 'was' : 'were'} already here.`;
  } else {
    sentence = `Imported ${annotations(result.imported)}.`;
  }
  const sets = result.setsCreated ?? [];
  if (sets.length > 0) sentence += ` New set${sets.length === 1 ? '' : 's'}: ${sets.join(', ')}.`;
  return sentence;
}
