/**
 * The fixed vocabularies of the domain model (GUIDE section 1): annotation kinds and claim verdicts.
 * Kept apart from the schemas so UI code can list them without pulling in zod.
 */

export const KINDS = ['claim', 'inconsistency', 'note', 'reuse'] as const;
export type Kind = (typeof KINDS)[number];

export const VERDICTS = [
  'unverified',
  'true',
  'mostly-true',
  'mixed',
  'mostly-false',
  'false',
  'misleading',
  'unverifiable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Human labels, shared by the sidebar, the CSV/Markdown exports and ClaimReview's alternateName. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  unverified: 'Unverified',
  true: 'True',
  'mostly-true': 'Mostly true',
  mixed: 'Mixed',
  'mostly-false': 'Mostly false',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
};

export const KIND_LABELS: Record<Kind, string> = {
  claim: 'Claim',
  inconsistency: 'Inconsistency',
  note: 'Note',
  reuse: 'Reuse',
};

/** Kinds that link passages: they need at least two targets. */
export const LINKING_KINDS: readonly Kind[] = ['inconsistency', 'reuse'];

export const DEFAULT_SET = 'default';

/** Roles from least to most: each may do everything the ones before it may (see server/auth/permissions.ts). */
export const ROLES = ['viewer', 'annotator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` is `least` or above it. */
export function atLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}
