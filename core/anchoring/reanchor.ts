/**
 * Re-anchoring when only the current text is known (a text changed on disk while the server was
 * down): find each target again by its exact quote, context and old position. A target that is found
 * moves (with fresh context); one that is not is marked orphaned, never dropped, so the user sees
 * what was lost. When the previous revision is at hand, reanchor-targets.ts does better (edited
 * passages follow their new wording). Pure: the caller supplies the texts.
 */
import type { Annotation, Target } from '../model';
import { matchQuote } from './match-quote';
import { quoteContext } from './quote-context';

/** One target against the current text of its source (undefined: the source is gone). */
export function reanchorTarget(target: Target, text: string | undefined): Target {
  if (text === undefined) return target.orphaned ? target : { ...target, orphaned: true };
  if (!target.orphaned && text.slice(target.start, target.end) === target.exact) {
    // Still in place; refresh the context if the text around it changed, so later matching uses it.
    const context = quoteContext(text, target.start, target.end);
    return context.prefix === target.prefix && context.suffix === target.suffix ? target : { ...target, ...context };
  }
  const range = matchQuote(text, { exact: target.exact, prefix: target.prefix, suffix: target.suffix, start: target.start });
  if (!range) return target.orphaned ? target : { ...target, orphaned: true };
  const { orphaned: _gone, ...rest } = target;
  return { ...rest, start: range.start, end: range.end, ...quoteContext(text, range.start, range.end) };
}

/**
 * The annotation with every target re-anchored, or undefined when nothing changed (so callers write
 * only what moved).
 */
export function reanchorAnnotation(a: Annotation, textOf: (sourceId: string) => string | undefined): Annotation | undefined {
  let changed = false;
  const targets = a.targets.map((t) => {
    const next = reanchorTarget(t, textOf(t.source));
    if (next !== t) changed = true;
    return next;
  });
  return changed ? { ...a, targets } : undefined;
}
