/**
 * How alike the two sides of an aligned passage are, and how to show it. The value is the share of
 * words the sides have in common (the Dice coefficient over their word counts), kept to 3 decimals in
 * the API. Neither the stored value nor its display may round a near copy up to an identical one: a
 * reader takes "100%" as "word for word", and a fact-checker acts on that.
 */

/**
 * Similarity of an aligned passage: 2 × matched words / (words of side A + words of side B), to 3
 * decimals. 1 only when every word matched; a passage with a word changed, added or dropped stays at
 * 0.999 or below, however long it is.
 */
export function passageSimilarity(matched: number, lengthA: number, lengthB: number): number {
  const exact = (2 * matched) / (lengthA + lengthB);
  return exact < 1 ? Math.min(0.999, Math.round(exact * 1000) / 1000) : 1;
}

/**
 * A similarity (0..1) as a percentage with `decimals` decimals ("99.8%"). Below 1 it never shows 100:
 * it is capped one step below ("99.9%", or "99%" with no decimals).
 */
export function similarityPercent(similarity: number, decimals = 1): string {
  if (similarity >= 1) return '100%';
  const steps = 10 ** decimals;
  const rounded = Math.min(100 * steps - 1, Math.round(Math.max(0, similarity) * 100 * steps));
  return `${(rounded / steps).toFixed(decimals)}%`;
}
