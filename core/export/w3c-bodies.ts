/**
 * Reading the bodies of an imported W3C annotation into Collate's note, tags and claim details.
 * Collate's own bodies are recognised by `collate:role`; other tools' bodies by purpose: `tagging` text
 * is a tag, `assessing` text naming a verdict is the verdict of a claim, other text joins the note, and
 * links (URIs, SpecificResources, External Web Resources) become a claim's evidence or note lines.
 */
import { type ClaimInfo, type Kind, VERDICT_LABELS, VERDICTS, type Verdict } from '../model';
import { isRecord, joinPath, listOf, type ImportError } from './json-path';
import { COLLATE_ROLE } from './w3c-types';

/** What the bodies of one annotation say. */
export interface BodyContent {
  note: string;
  tags: string[];
  claim?: ClaimInfo;
}

/** The content of `a.body` / `a.bodyValue`, recording errors at their paths. */
export function parseBodies(a: Record<string, unknown>, path: string, kind: Kind, errors: ImportError[]): BodyContent {
  const notes: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  const evidence: string[] = [];
  let verdict: Verdict | undefined;
  let claimant: string | undefined;

  if (a.body !== undefined && a.bodyValue !== undefined) {
    errors.push({ path, message: 'an annotation must not have both "body" and "bodyValue"' });
  }
  if (a.bodyValue !== undefined) {
    const values = listOf(a.bodyValue);
    if (values.length !== 1 || typeof values[0] !== 'string') {
      errors.push({ path: joinPath(path, 'bodyValue'), message: 'must be a single string' });
    } else notes.push(values[0]);
  }

  listOf(a.body).forEach((body, i) => {
    const bodyPath = Array.isArray(a.body) ? `${joinPath(path, 'body')}[${i}]` : joinPath(path, 'body');
    if (typeof body === 'string') {
      links.push(body);
      return;
    }
    if (!isRecord(body)) {
      errors.push({ path: bodyPath, message: 'a body must be an object or a URI' });
      return;
    }
    const role = body[COLLATE_ROLE];
    const purposes = listOf(body.purpose);
    const link = typeof body.source === 'string' ? body.source : typeof body.value !== 'string' && typeof body.id === 'string' ? body.id : undefined;
    if (typeof body.value !== 'string' && link === undefined) {
      errors.push({ path: bodyPath, message: 'unsupported body: expected a TextualBody ("value"), a URI or a SpecificResource ("source")' });
      return;
    }
    if (link !== undefined) {
      if (role === 'evidence') evidence.push(link);
      else links.push(link);
      return;
    }
    const text = body.value as string;
    if (role === 'verdict' || (role === undefined && purposes.includes('assessing') && kind === 'claim' && asVerdict(text))) {
      const parsed = asVerdict(text);
      if (!parsed) errors.push({ path: joinPath(bodyPath, 'value'), message: `not a verdict: must be one of ${VERDICTS.join(', ')}` });
      else verdict = parsed;
    } else if (role === 'claimant') claimant = text;
    else if (role === 'evidence') evidence.push(text);
    else if (role !== undefined) errors.push({ path: joinPath(bodyPath, COLLATE_ROLE), message: 'must be verdict, claimant or evidence' });
    else if (purposes.includes('tagging')) tags.push(text);
    else notes.push(text);
  });

  if (kind === 'claim') evidence.push(...links);
  else notes.push(...links);
  const hasClaimParts = verdict !== undefined || claimant !== undefined || evidence.length > 0;
  const content: BodyContent = { note: notes.join('\n\n'), tags };
  if (kind === 'claim' || hasClaimParts) {
    content.claim = { claimant: claimant ?? '', verdict: verdict ?? 'unverified', evidence };
  }
  return content;
}

/** A verdict id, or a verdict label in any case ("Mostly true"). */
function asVerdict(text: string): Verdict | undefined {
  const wanted = text.trim().toLowerCase();
  return VERDICTS.find((v) => v === wanted || VERDICT_LABELS[v].toLowerCase() === wanted);
}
