/**
 * Export to W3C Web Annotation JSON-LD: an AnnotationCollection for the set, with one embedded
 * AnnotationPage holding every annotation.
 *
 * Mapping (import in w3c-import.ts reads the same):
 * - motivation: claim `assessing`, note `commenting`, inconsistency and reuse `linking`.
 * - bodies: the note is a `commenting` TextualBody; each tag a `tagging` TextualBody; a claim adds its
 *   verdict (`assessing`, value = verdict id), claimant (`describing`) and evidence (a `linking`
 *   SpecificResource for a URL, a `describing` TextualBody otherwise), each marked with `collate:role`.
 * - targets: SpecificResources on the source URI with a TextQuoteSelector and a TextPositionSelector
 *   (offsets converted to code points). An orphaned target keeps only its quote and `collate:orphaned`.
 * - `collate:kind`, `collate:set` and `collate:revision` keep what the W3C model has no place for;
 *   `collate:modifiedBy` who made the latest revision, and `collate:history` (when the input has it)
 *   every change: who, when, which fields, before and after.
 */
import { quoteContext } from '../anchoring/quote-context';
import type { Annotation, HistoryItem, Source, Target } from '../model';
import { CodePointIndex } from './code-points';
import { type ExportInput, type ResolvedOptions, resolveOptions, sourceUri } from './export-input';
import {
  COLLATE_DECISIONS,
  COLLATE_DESCRIPTION,
  COLLATE_HISTORY,
  COLLATE_KIND,
  COLLATE_MODIFIED_BY,
  COLLATE_CHANGED_FROM,
  COLLATE_ORPHANED,
  COLLATE_SOURCE_REVISION,
  COLLATE_REVISION,
  COLLATE_ROLE,
  COLLATE_SET,
  W3C_CONTEXT,
  type W3cAnnotation,
  type W3cBody,
  type W3cCollection,
  type W3cMotivation,
  type W3cTarget,
  type W3cTextualBody,
} from './w3c-types';

/** Motivation of each kind. */
export const KIND_MOTIVATIONS = {
  claim: 'assessing',
  note: 'commenting',
  inconsistency: 'linking',
  reuse: 'linking',
} as const satisfies Record<Annotation['kind'], W3cMotivation>;

/** RFC 3339 date-time with a time zone, as the W3C tests require. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Evidence written as a link body rather than text: a single absolute http(s) URL. */
export const EVIDENCE_URL = /^https?:\/\/[^\s<>"{}|\\^`]+$/;

/**
 * The set as an AnnotationCollection with its single embedded first page.
 *
 * @throws RangeError when an annotation points into a source missing from `input.sources`, or carries
 * a timestamp that is not a date.
 */
export function exportW3c(input: ExportInput): W3cCollection {
  const options = resolveOptions(input.set, input.options);
  const indexes = new Map<string, CodePointIndex>();
  const items = input.annotations.map((a) => toW3cAnnotation(a, input.sources, options, indexes, input.history?.get(a.id)));
  const partOf = {
    id: options.collectionId,
    type: 'AnnotationCollection' as const,
    label: input.set.name,
    total: items.length,
  };
  const collection: W3cCollection = {
    '@context': W3C_CONTEXT,
    ...partOf,
    ...(input.set.description ? { [COLLATE_DESCRIPTION]: input.set.description } : {}),
    ...(input.decisions?.length ? { [COLLATE_DECISIONS]: [...input.decisions] } : {}),
    first: {
      '@context': W3C_CONTEXT,
      id: `${options.collectionId}#page-1`,
      type: 'AnnotationPage',
      partOf,
      startIndex: 0,
      items,
    },
  };
  return collection;
}

/**
 * One annotation in W3C form. `indexes` caches code point indexes per source id across calls.
 *
 * @throws RangeError as `exportW3c`.
 */
export function toW3cAnnotation(
  annotation: Annotation,
  sources: ReadonlyMap<string, Source>,
  options: ResolvedOptions,
  indexes: Map<string, CodePointIndex> = new Map(),
  history?: readonly HistoryItem[],
): W3cAnnotation {
  const body = bodiesOf(annotation);
  // Built in reading order: W3C core properties first, then the Collate extension properties.
  return {
    '@context': W3C_CONTEXT,
    id: options.annotationBaseUri + annotation.id,
    type: 'Annotation',
    created: rfc3339(annotation.created, annotation.id),
    modified: rfc3339(annotation.modified, annotation.id),
    ...(annotation.creator ? { creator: { type: 'Person', name: annotation.creator } as const } : {}),
    motivation: KIND_MOTIVATIONS[annotation.kind],
    ...(body.length > 0 ? { body } : {}),
    target: annotation.targets.map((t) => toW3cTarget(t, sources, options, indexes)),
    [COLLATE_KIND]: annotation.kind,
    [COLLATE_SET]: annotation.set,
    [COLLATE_REVISION]: annotation.revision,
    ...(annotation.modifiedBy !== undefined ? { [COLLATE_MODIFIED_BY]: annotation.modifiedBy } : {}),
    ...(history?.length ? { [COLLATE_HISTORY]: history.map(({ revision, action, at, by, changes }) => ({ revision, action, at, by, changes })) } : {}),
  };
}

function toW3cTarget(
  target: Target,
  sources: ReadonlyMap<string, Source>,
  options: ResolvedOptions,
  indexes: Map<string, CodePointIndex>,
): W3cTarget {
  const source = sources.get(target.source);
  if (!source) throw new RangeError(`Source "${target.source}" is not in the export input`);
  const uri = sourceUri(source, target.source, options);
  const anchored =
    !target.orphaned && target.end <= source.text.length && source.text.slice(target.start, target.end) === target.exact;
  // Which text the passage quotes, and what it said when annotated if its words changed since.
  const provenance = {
    ...(target.revision ? { [COLLATE_SOURCE_REVISION]: target.revision } : {}),
    ...(target.changedFrom ? { [COLLATE_CHANGED_FROM]: target.changedFrom.exact } : {}),
  };
  if (!anchored) {
    // Offsets that do not fit the text would mislead other tools; the quote can still be searched for.
    return {
      type: 'SpecificResource',
      source: uri,
      selector: [{ type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix }],
      [COLLATE_ORPHANED]: true,
      ...provenance,
    };
  }
  let index = indexes.get(source.id);
  if (!index) {
    index = new CodePointIndex(source.text);
    indexes.set(source.id, index);
  }
  const { prefix, suffix } = quoteContext(source.text, target.start, target.end);
  return {
    type: 'SpecificResource',
    source: uri,
    selector: [
      { type: 'TextQuoteSelector', exact: target.exact, prefix, suffix },
      { type: 'TextPositionSelector', start: index.toCodePoint(target.start), end: index.toCodePoint(target.end) },
    ],
    ...provenance,
  };
}

function bodiesOf(a: Annotation): W3cBody[] {
  const bodies: W3cBody[] = [];
  if (a.note) bodies.push(textBody(a.note, 'commenting'));
  for (const tag of a.tags) bodies.push(textBody(tag, 'tagging'));
  if (a.kind === 'claim' && a.claim) {
    bodies.push(textBody(a.claim.verdict, 'assessing', 'verdict'));
    if (a.claim.claimant) bodies.push(textBody(a.claim.claimant, 'describing', 'claimant'));
    for (const evidence of a.claim.evidence) {
      bodies.push(
        EVIDENCE_URL.test(evidence)
          ? { type: 'SpecificResource', source: evidence, purpose: 'linking', [COLLATE_ROLE]: 'evidence' }
          : textBody(evidence, 'describing', 'evidence'),
      );
    }
  }
  return bodies;
}

function textBody(value: string, purpose: W3cMotivation, role?: W3cTextualBody[typeof COLLATE_ROLE]): W3cTextualBody {
  const body: W3cTextualBody = { type: 'TextualBody', value, format: 'text/plain', purpose };
  if (role) body[COLLATE_ROLE] = role;
  return body;
}

function rfc3339(timestamp: string, id: string): string {
  if (RFC3339.test(timestamp)) return timestamp;
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Annotation "${id}" has a timestamp that is not a date: ${timestamp}`);
  return new Date(ms).toISOString();
}
