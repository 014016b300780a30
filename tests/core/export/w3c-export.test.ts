/**
 * The W3C mapping itself: motivations, bodies, source URIs, code point positions and the extension
 * properties (schema validity is in w3c-schema.test.ts, losslessness in w3c-round-trip.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { exportW3c, type W3cAnnotation } from '../../../core/export';
import {
  ASTRAL_NOTE,
  ASTRAL_TEXT,
  CLAIM_MOSTLY_TRUE,
  EVIDENCE_URL,
  INCONSISTENCY,
  NOTE_WITH_TAGS,
  REUSE,
  SEEDS,
  populatedInput,
} from './fixtures';

function exported(annotation: { id: string }, options = {}): W3cAnnotation {
  const item = exportW3c(populatedInput({ options })).first.items.find((a) => a.id.endsWith(`:${annotation.id}`));
  if (!item) throw new Error(`not exported: ${annotation.id}`);
  return item;
}

describe('W3C export mapping', () => {
  it('describes the set as a collection with one embedded page', () => {
    const collection = exportW3c(populatedInput());
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:collate:set:fact%20check',
      type: 'AnnotationCollection',
      label: 'fact check',
      total: populatedInput().annotations.length,
      'collate:description': 'Checks on the Paris speech coverage.',
    });
    expect(collection.first.items).toHaveLength(collection.total);
    expect(exportW3c(populatedInput({ options: { collectionId: 'https://x.example/sets/1' } })).first.partOf.id).toBe(
      'https://x.example/sets/1',
    );
  });

  it('maps kinds to motivations', () => {
    expect(exported(CLAIM_MOSTLY_TRUE).motivation).toBe('assessing');
    expect(exported(NOTE_WITH_TAGS).motivation).toBe('commenting');
    expect(exported(INCONSISTENCY).motivation).toBe('linking');
    expect(exported(REUSE).motivation).toBe('linking');
    expect(exported(REUSE).target).toHaveLength(3);
  });

  it('writes a claim\'s note, tags, verdict, claimant and evidence as marked bodies', () => {
    const a = exported(CLAIM_MOSTLY_TRUE);
    expect(a.body).toEqual([
      { type: 'TextualBody', value: CLAIM_MOSTLY_TRUE.note, format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'attribution', format: 'text/plain', purpose: 'tagging' },
      { type: 'TextualBody', value: 'speech', format: 'text/plain', purpose: 'tagging' },
      { type: 'TextualBody', value: 'mostly-true', format: 'text/plain', purpose: 'assessing', 'collate:role': 'verdict' },
      { type: 'TextualBody', value: 'Frank Rose', format: 'text/plain', purpose: 'describing', 'collate:role': 'claimant' },
      { type: 'SpecificResource', source: EVIDENCE_URL, purpose: 'linking', 'collate:role': 'evidence' },
      { type: 'SpecificResource', source: CLAIM_MOSTLY_TRUE.claim!.evidence[1], purpose: 'linking', 'collate:role': 'evidence' },
    ]);
    expect(a).toMatchObject({ 'collate:kind': 'claim', 'collate:set': 'fact check', 'collate:revision': CLAIM_MOSTLY_TRUE.revision });
    expect(a.creator).toEqual({ type: 'Person', name: 'Fixture Checker' });
  });

  it('writes evidence kept as text by older versions as a describing body', () => {
    const legacy = { ...CLAIM_MOSTLY_TRUE, claim: { ...CLAIM_MOSTLY_TRUE.claim!, evidence: ['See the transcript, page 4.'] } };
    const item = exportW3c(populatedInput({ annotations: [legacy] })).first.items[0];
    expect(item.body).toContainEqual({ type: 'TextualBody', value: 'See the transcript, page 4.', format: 'text/plain', purpose: 'describing', 'collate:role': 'evidence' });
  });

  it('counts TextPositionSelector offsets in code points', () => {
    const t = ASTRAL_NOTE.targets[0];
    const start = Array.from(ASTRAL_TEXT.slice(0, t.start)).length;
    const end = Array.from(ASTRAL_TEXT.slice(0, t.end)).length;
    expect(start).toBeLessThan(t.start); // the fixture really has pairs before the passage
    expect(exported(ASTRAL_NOTE).target[0].selector).toEqual([
      { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
      { type: 'TextPositionSelector', start, end },
    ]);
  });

  it('names sources by their url when known, else under the base URI', () => {
    expect(exported(ASTRAL_NOTE).target[0].source).toBe('https://example.org/astral-sample');
    expect(exported(CLAIM_MOSTLY_TRUE).target[0].source).toBe(`urn:collate:source:${SEEDS.gsnRenews}`);
    expect(exported(ASTRAL_NOTE, { preferSourceUrl: false }).target[0].source).toBe('urn:collate:source:astral-sample');
  });

  it('keeps only the quote of an orphaned target, flagged', () => {
    const orphan = { ...NOTE_WITH_TAGS, targets: [{ ...NOTE_WITH_TAGS.targets[0], start: 3, end: 9, orphaned: true }] };
    const [item] = exportW3c(populatedInput({ annotations: [orphan] })).first.items;
    expect(item.target[0]).toEqual({
      type: 'SpecificResource',
      source: `urn:collate:source:${SEEDS.nbPursues}`,
      selector: [{ type: 'TextQuoteSelector', exact: 'tody underlined', prefix: orphan.targets[0].prefix, suffix: orphan.targets[0].suffix }],
      'collate:orphaned': true,
    });
  });

  it('says which revision of the source a target quotes, and its words before they changed', () => {
    const moved = { ...NOTE_WITH_TAGS, targets: [{ ...NOTE_WITH_TAGS.targets[0], revision: 3, changedFrom: { exact: 'the words as annotated', revision: 2 } }] };
    const [item] = exportW3c(populatedInput({ annotations: [moved] })).first.items;
    expect(item.target[0]).toMatchObject({ 'collate:sourceRevision': 3, 'collate:changedFrom': 'the words as annotated' });
    const [plain] = exportW3c(populatedInput({ annotations: [NOTE_WITH_TAGS] })).first.items;
    expect(plain.target[0]).not.toHaveProperty('collate:sourceRevision');
  });

  it('writes timestamps without a time zone as UTC', () => {
    const [item] = exportW3c(populatedInput({ annotations: [{ ...NOTE_WITH_TAGS, created: '2026-03-01 10:00:00Z' }] })).first.items;
    expect(item.created).toBe('2026-03-01T10:00:00.000Z');
    expect(() => exportW3c(populatedInput({ annotations: [{ ...NOTE_WITH_TAGS, created: 'yesterday' }] }))).toThrow(RangeError);
  });
});
