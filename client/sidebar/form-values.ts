/**
 * The values of the annotation form and their conversion to and from API bodies. Pure code: the
 * parsing rules for tags (comma separated) and evidence (one link per line) are unit tested.
 */
import type { Annotation, CreateAnnotation, PatchAnnotation, TargetInput, Verdict } from '../../core/model';
import { parseTags } from '../shared/vocabulary-match';

/** The kinds the form edits in full; other kinds (made elsewhere) keep their targets and get tags/note. */
export type FormKind = Annotation['kind'];

/** What the user typed, as strings, exactly as the form holds them. */
export interface FormValues {
  set: string;
  tags: string;
  note: string;
  claimant: string;
  verdict: Verdict;
  evidence: string;
}

/** Evidence links from one-per-line input: trimmed, blank lines dropped. */
export function parseEvidence(input: string): string[] {
  return input
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The form values showing an existing annotation. */
export function valuesOf(a: Annotation): FormValues {
  return {
    set: a.set,
    tags: a.tags.join(', '),
    note: a.note,
    claimant: a.claim?.claimant ?? '',
    verdict: a.claim?.verdict ?? 'unverified',
    evidence: (a.claim?.evidence ?? []).join('\n'),
  };
}

/** Empty form values for a new annotation in `set`. */
export function emptyValues(set: string): FormValues {
  return { set, tags: '', note: '', claimant: '', verdict: 'unverified', evidence: '' };
}

function claimOf(v: FormValues) {
  return { claimant: v.claimant.trim(), verdict: v.verdict, evidence: parseEvidence(v.evidence) };
}

/** The POST body creating an annotation of `kind` on `target` from the form values. */
export function toCreateBody(kind: FormKind, target: TargetInput, v: FormValues): CreateAnnotation {
  const body: CreateAnnotation = { set: v.set, kind, targets: [target], tags: parseTags(v.tags), note: v.note };
  if (kind === 'claim') body.claim = claimOf(v);
  return body;
}

/** The PATCH body changing an annotation of `kind`, based on `revision`, to the form values. */
export function toPatchBody(kind: FormKind, revision: number, v: FormValues): PatchAnnotation {
  const body: PatchAnnotation = { revision, set: v.set, tags: parseTags(v.tags), note: v.note };
  if (kind === 'claim') body.claim = claimOf(v);
  return body;
}
