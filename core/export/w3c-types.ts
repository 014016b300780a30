/**
 * The W3C Web Annotation JSON-LD shapes that Collate writes (https://www.w3.org/TR/annotation-model/),
 * and the names of the Collate extension properties that make export and import a lossless round trip.
 *
 * Extension properties use a `collate:` prefix. The W3C context does not define it, so JSON-LD
 * processors read such a key as an absolute IRI in the `collate:` scheme, and the W3C validators ignore
 * unknown keys (the schema tests check this).
 */
import type { Decision, HistoryItem, Kind } from '../model';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Extension keys. */
export const COLLATE_KIND = 'collate:kind';
export const COLLATE_SET = 'collate:set';
export const COLLATE_REVISION = 'collate:revision';
export const COLLATE_ROLE = 'collate:role';
export const COLLATE_ORPHANED = 'collate:orphaned';
/** On a target: the revision of the source its offsets refer to (the one it was made on or re-anchored to). */
export const COLLATE_SOURCE_REVISION = 'collate:sourceRevision';
/** On a target whose words changed in a later revision: the quote as it was annotated. */
export const COLLATE_CHANGED_FROM = 'collate:changedFrom';
export const COLLATE_DESCRIPTION = 'collate:description';
/** On a collection: what people decided about suggestions (accepted or dismissed), so a move keeps them. */
export const COLLATE_DECISIONS = 'collate:decisions';
/** Who made the latest revision. */
export const COLLATE_MODIFIED_BY = 'collate:modifiedBy';
/** Every change to the annotation, oldest first: `{ revision, action, at, by, changes }` (HistoryItem). */
export const COLLATE_HISTORY = 'collate:history';

/** What a body stands for in a claim, beyond its W3C purpose. */
export type BodyRole = 'verdict' | 'claimant' | 'evidence';

export type W3cMotivation = 'assessing' | 'commenting' | 'linking' | 'tagging' | 'describing';

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets in Unicode code points, as the W3C model counts them. */
export interface W3cTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type W3cSelector = W3cTextQuoteSelector | W3cTextPositionSelector;

export interface W3cTarget {
  type: 'SpecificResource';
  source: string;
  selector: W3cSelector[];
  [COLLATE_ORPHANED]?: true;
  [COLLATE_SOURCE_REVISION]?: number;
  [COLLATE_CHANGED_FROM]?: string;
}

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: W3cMotivation;
  [COLLATE_ROLE]?: BodyRole;
}

/** A link (evidence URL) as a body: a SpecificResource may carry a purpose, an External Web Resource may not. */
export interface W3cLinkBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'linking';
  [COLLATE_ROLE]?: BodyRole;
}

export type W3cBody = W3cTextualBody | W3cLinkBody;

export interface W3cAgent {
  type: 'Person';
  name: string;
}

export interface W3cAnnotation {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  creator?: W3cAgent;
  motivation: W3cMotivation;
  body?: W3cBody[];
  target: W3cTarget[];
  [COLLATE_KIND]: Kind;
  [COLLATE_SET]: string;
  [COLLATE_REVISION]: number;
  [COLLATE_MODIFIED_BY]?: string;
  [COLLATE_HISTORY]?: HistoryItem[];
}

/** The collection as embedded in its page's `partOf` (an object, so the page MUST tests apply cleanly). */
export interface W3cCollectionRef {
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
}

export interface W3cPage {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  partOf: W3cCollectionRef;
  startIndex: 0;
  items: W3cAnnotation[];
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  [COLLATE_DESCRIPTION]?: string;
  [COLLATE_DECISIONS]?: Decision[];
  first: W3cPage;
}
