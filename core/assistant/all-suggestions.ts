/**
 * Every suggestion over a set of sources, as the server's list and the CLI's `reuse` give it:
 * differences between copies of reused passages (core/inconsistency), their summaries naming the
 * sources by title, then the assistant's claims, typos, name variants and context shifts.
 */
import { namedByTitle, suggestInconsistencies } from '../inconsistency';
import type { Suggestion } from '../inconsistency/types';
import { suggestAssistant, type AssistantOptions } from './assistant';
import type { AssistantInput } from './types';

export function allSuggestions(input: AssistantInput, options: AssistantOptions = {}): Suggestion[] {
  const titles = new Map(input.sources.map((s) => [s.id, s.title]));
  const titleOf = (id: string) => titles.get(id);
  const differences = input.passages
    ? suggestInconsistencies(input.sources, input.passages).map((s) => ({ ...s, summary: namedByTitle(s.summary, s.targets.map((t) => t.source), titleOf) }))
    : [];
  return [...differences, ...suggestAssistant(input, options)];
}
