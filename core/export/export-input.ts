/**
 * What every export format is given: one annotation set, the annotations to write (already filtered by
 * the caller), the sources they point into (with text), the reuse passages among those sources, and
 * options. Also the resolved defaults and the URI scheme shared by W3C export and import.
 */
import type { Annotation, Decision, HistoryItem, ReusePassage, Source } from '../model';

/** An organisation (or person) named in ClaimReviews: the one publishing them. */
export interface ReviewAgent {
  name: string;
  url?: string;
  /** schema.org type; default `Organization`. */
  type?: 'Organization' | 'Person';
}

/** Options shared by the formats; each format reads the ones it needs. */
export interface ExportOptions {
  /**
   * Prefix of the URI that names a source in W3C targets; the source id is appended. Default
   * `urn:collate:source:`. Import recognises the same prefix.
   */
  sourceBaseUri?: string;
  /** W3C: use a source's `url` (when it has one) as its URI instead of `sourceBaseUri` + id. Default true. */
  preferSourceUrl?: boolean;
  /** W3C: prefix of annotation ids; the Collate id is appended. Default `urn:collate:annotation:`. */
  annotationBaseUri?: string;
  /** W3C: id of the AnnotationCollection. Default `urn:collate:set:` + the URI-encoded set name. */
  collectionId?: string;
  /** ClaimReview: who publishes the reviews (each review's `publisher`); its `author` is the annotation's creator. */
  reviewPublisher?: ReviewAgent;
  /**
   * ClaimReview: when set, each review gets `url` = this prefix + the annotation id; otherwise a
   * review whose passage is in a source with a `url` links to that passage there.
   */
  reviewUrlBase?: string;
  /** CSV: start with a UTF-8 byte order mark, which older Excel versions need to detect UTF-8. Default false. */
  csvBom?: boolean;
  /** Markdown: a timestamp to print under the title; omitted when absent so reports are reproducible. */
  generatedAt?: string;
  /**
   * Markdown: the sources that get a section (a report on one source). Default: every source with an
   * annotation or a reuse passage. `sources` may hold more, to name the other sides of reuse.
   */
  sections?: readonly string[];
}

/** An annotation set as far as exports care. */
export interface ExportSet {
  name: string;
  description?: string;
}

/** The input of every export function. */
export interface ExportInput {
  set: ExportSet;
  /** The annotations to export, in the order they should appear. */
  annotations: readonly Annotation[];
  /** Every source an annotation points into, by id; W3C export needs the text to count code points. */
  sources: ReadonlyMap<string, Source>;
  /** Aligned reuse among the sources (Markdown's duplicate-coverage summary). */
  reuse?: readonly ReusePassage[];
  /** W3C: decisions on suggestions, carried on the collection so an import keeps them. */
  decisions?: readonly Decision[];
  /** W3C: every change to each annotation, by annotation id, oldest first; exported as `collate:history`. */
  history?: ReadonlyMap<string, readonly HistoryItem[]>;
  options?: ExportOptions;
}

export const DEFAULT_SOURCE_BASE_URI = 'urn:collate:source:';
export const DEFAULT_ANNOTATION_BASE_URI = 'urn:collate:annotation:';
export const DEFAULT_SET_BASE_URI = 'urn:collate:set:';

/** Options with every default filled in. */
export interface ResolvedOptions {
  sourceBaseUri: string;
  preferSourceUrl: boolean;
  annotationBaseUri: string;
  collectionId: string;
  reviewPublisher?: ReviewAgent;
  reviewUrlBase?: string;
  csvBom: boolean;
  generatedAt?: string;
}

/** Fills in the defaults for a set. */
export function resolveOptions(set: ExportSet, options: ExportOptions = {}): ResolvedOptions {
  return {
    sourceBaseUri: options.sourceBaseUri ?? DEFAULT_SOURCE_BASE_URI,
    preferSourceUrl: options.preferSourceUrl ?? true,
    annotationBaseUri: options.annotationBaseUri ?? DEFAULT_ANNOTATION_BASE_URI,
    collectionId: options.collectionId ?? DEFAULT_SET_BASE_URI + encodeURIComponent(set.name),
    reviewPublisher: options.reviewPublisher,
    reviewUrlBase: options.reviewUrlBase,
    csvBom: options.csvBom ?? false,
    generatedAt: options.generatedAt,
  };
}

/** The URI naming a source in W3C targets: its `url` when known and preferred, else base + id. */
export function sourceUri(
  source: Pick<Source, 'id' | 'url'> | undefined,
  id: string,
  options: Pick<ResolvedOptions, 'sourceBaseUri' | 'preferSourceUrl'>,
): string {
  if (options.preferSourceUrl && source?.url) return source.url;
  return options.sourceBaseUri + id;
}

/** Title of a source for human-readable formats, falling back to its id. */
export function sourceTitle(sources: ReadonlyMap<string, Source>, id: string): string {
  return sources.get(id)?.title || id;
}
