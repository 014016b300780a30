/**
 * Named fixtures for the assistant tests: the shipped sources with their titles, the real spelling
 * checker (loaded once per test file), and helpers that find suggestions by the text they target.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AssistantSource } from '../../../core/assistant';
import type { Suggestion } from '../../../core/inconsistency/types';

export { MDAA, PLEDGE, PURSUES, RENEWS, UNDERCUT } from '../inconsistency/fixtures';

/** A shipped source with the title of its sidecar. */
export function shipped(id: string): AssistantSource {
  const base = new URL(`../../../sources/${id}`, import.meta.url);
  const text = readFileSync(fileURLToPath(`${base.href}.txt`), 'utf8');
  const meta = JSON.parse(readFileSync(fileURLToPath(`${base.href}.meta.json`), 'utf8')) as { title: string };
  return { id, text, title: meta.title };
}

/** The suggestion whose first target contains `quote`; throws when there is none, naming what there is. */
export function targeting(suggestions: readonly Suggestion[], quote: string): Suggestion {
  const found = suggestions.find((s) => s.targets.some((t) => t.exact.includes(quote)));
  if (!found) throw new Error(`no suggestion targets “${quote}”; targets: ${suggestions.map((s) => s.targets[0].exact.slice(0, 40)).join(' | ')}`);
  return found;
}

/** Whether any suggestion targets text containing `quote`. */
export function targets(suggestions: readonly Suggestion[], quote: string): boolean {
  return suggestions.some((s) => s.targets.some((t) => t.exact.includes(quote)));
}

/** Every target quotes its source exactly. */
export function exactEverywhere(suggestions: readonly Suggestion[], sources: readonly AssistantSource[]): boolean {
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  return suggestions.every((s) => s.targets.every((t) => texts.get(t.source)?.slice(t.start, t.end) === t.exact));
}
