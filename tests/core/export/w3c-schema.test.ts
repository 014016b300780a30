/**
 * The W3C export against every MUST assertion of the W3C Web Annotation test suite (the schemas in
 * shared/w3c-annotation-schemas beside the repository, loaded the way the W3C harness did: draft-04, definitions added
 * first, each manifest's assertion files compiled and run with allErrors).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportAs } from '../../../core/export';
import { HISTORY, populatedInput } from './fixtures';

/**
 * The W3C's schemas are not copied into the repository: they sit in shared/ next to the checkout
 * (CI clones beside it; a clone elsewhere on this machine finds /work/shared). COLLATE_W3C_SCHEMAS
 * names another place.
 */
const SCHEMA_CANDIDATES = [
  process.env.COLLATE_W3C_SCHEMAS,
  resolve(import.meta.dirname, '../../../../shared/w3c-annotation-schemas'),
  '/work/shared/w3c-annotation-schemas',
].filter((p): p is string => !!p);
const SCHEMAS = SCHEMA_CANDIDATES.find((p) => existsSync(join(p, 'definitions'))) ?? SCHEMA_CANDIDATES[0];
if (!existsSync(join(SCHEMAS, 'definitions'))) {
  throw new Error(`W3C annotation schemas not found; looked in ${SCHEMA_CANDIDATES.join(', ')} (set COLLATE_W3C_SCHEMAS)`);
}

interface Assertion {
  file: string;
  validate: ValidateFunction;
}

/** The extra keywords of the W3C assertion files, which carry test metadata rather than constraints. */
const METADATA_KEYWORDS = ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage'];

/** The seven page assertions that constrain an embedded `partOf` object (see the schema README). */
const PART_OF_OBJECT_ASSERTIONS = [
  '5.2-pageTotalValidated',
  '5.2-pageLabelValidated',
  '5.2-pageFirstValidated',
  '5.2-pageLastValidated',
  '3.3.1-pageCreatedValidated',
  '3.3.1-pageModifiedValidated',
  '3.3.6-pageRightsValidated',
];

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS, path), 'utf8')) as Record<string, unknown>;
}

function createAjv(): Ajv {
  // The W3C harness ran a pre-strict Ajv; the files leave `type` implicit next to `items`/`required`.
  const ajv = new Ajv({ allErrors: true, validateSchema: false, strictTypes: false });
  addFormats(ajv);
  ajv.addVocabulary(METADATA_KEYWORDS);
  for (const file of readdirSync(join(SCHEMAS, 'definitions')).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(readJson(join('definitions', file)));
  }
  return ajv;
}

function loadManifest(ajv: Ajv, manifest: string): Assertion[] {
  const files = readJson(manifest).assertions as string[];
  return files.map((file) => ({ file, validate: ajv.compile(readJson(file)) }));
}

/** The assertion files (by name) that `value` fails, with Ajv's messages. */
function failures(assertions: Assertion[], value: unknown): string[] {
  const failed: string[] = [];
  for (const { file, validate } of assertions) {
    if (!validate(value)) {
      failed.push(`${file}: ${(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
    }
  }
  return failed;
}

function failedFiles(assertions: Assertion[], value: unknown): string[] {
  return failures(assertions, value).map((f) => f.slice(0, f.indexOf(':')));
}

let annotationMusts: Assertion[];
let collectionMusts: Assertion[];
let pageMusts: Assertion[];
let exported: Record<string, unknown> & { first: Record<string, unknown> & { items: Record<string, unknown>[] } };

beforeAll(() => {
  const ajv = createAjv();
  annotationMusts = loadManifest(ajv, 'annotations/annotationMusts.test');
  collectionMusts = loadManifest(ajv, 'collections/collectionMusts.test');
  pageMusts = loadManifest(ajv, 'collections/pages/pageMusts.test');
  // With each annotation's history, so the collate:history extension is checked too.
  exported = JSON.parse(exportAs('w3c', populatedInput({ history: HISTORY })));
});

describe('W3C export against the MUST assertions', () => {
  it('loads every assertion the three manifests list', () => {
    expect(annotationMusts).toHaveLength(54);
    expect(collectionMusts).toHaveLength(10);
    expect(pageMusts).toHaveLength(15);
  });

  it('exports the history of every annotation as an extension property', () => {
    for (const item of exported.first.items) expect((item['collate:history'] as unknown[]).length, String(item.id)).toBeGreaterThan(0);
  });

  it('exports every kind of annotation from the populated set', () => {
    const kinds = exported.first.items.map((a) => a['collate:kind']);
    expect(new Set(kinds)).toEqual(new Set(['claim', 'note', 'inconsistency', 'reuse']));
    expect(exported.first.items).toHaveLength(populatedInput().annotations.length);
  });

  it('passes every annotation assertion for every annotation', () => {
    for (const item of exported.first.items) {
      expect(failures(annotationMusts, item), String(item.id)).toEqual([]);
    }
  });

  it('passes every collection assertion for the collection', () => {
    expect(failures(collectionMusts, exported)).toEqual([]);
  });

  it('passes every page assertion, for the page alone and for the collection with its embedded page', () => {
    expect(failures(pageMusts, exported.first)).toEqual([]);
    expect(failures(pageMusts, exported)).toEqual([]);
  });

  it('embeds partOf as an object, so the seven partOf assertions really run', () => {
    const partOf = exported.first.partOf as Record<string, unknown>;
    expect(partOf).toMatchObject({ type: 'AnnotationCollection', id: exported.id, total: exported.first.items.length });
    const asIri = { ...exported.first, partOf: exported.id };
    expect(failedFiles(pageMusts, asIri).sort()).toEqual(
      PART_OF_OBJECT_ASSERTIONS.map((n) => `collections/pages/${n}.json`).sort(),
    );
  });
});

describe('deliberately broken exports fail the assertions', () => {
  const firstItem = (): Record<string, unknown> => structuredClone(exported.first.items[0]);

  it('an https @context', () => {
    const broken = { ...firstItem(), '@context': 'https://www.w3.org/ns/anno.jsonld' };
    expect(failedFiles(annotationMusts, broken)).toEqual(['annotations/3.1-annotationContextValidated.json']);
    const collection = { ...exported, '@context': 'https://www.w3.org/ns/anno.jsonld' };
    expect(failedFiles(collectionMusts, collection)).toContain('collections/5.1-collectionContextValidated.json');
  });

  it('a missing target', () => {
    const broken = firstItem();
    delete broken.target;
    expect(failedFiles(annotationMusts, broken)).toEqual(
      expect.arrayContaining(['annotations/3.1-targetKeyFound.json', 'annotations/3.2-targetObjectsRecognized.json']),
    );
  });

  it('a negative TextPositionSelector offset', () => {
    const broken = firstItem() as { target: { selector: Record<string, unknown>[] }[] };
    const position = broken.target[0].selector.find((s) => s.type === 'TextPositionSelector');
    expect(position).toBeDefined();
    position!.start = -1;
    expect(failedFiles(annotationMusts, broken)).toContain('annotations/specificResource/4.2-TextDataPositionSelectorValid.json');
  });

  it('a created date without a time zone, and an id that is not a URI', () => {
    const noZone = { ...firstItem(), created: '2026-03-01T10:00:00' };
    expect(failedFiles(annotationMusts, noZone)).toEqual(['annotations/3.3.1-annotationCreatedValidated.json']);
    const badId = { ...firstItem(), id: 'not a uri' };
    expect(failedFiles(annotationMusts, badId)).toEqual(['annotations/3.1-annotationIdValidated.json']);
  });

  it('an evidence link as an External Web Resource with a purpose', () => {
    const broken = { ...firstItem(), body: [{ id: 'https://example.org/evidence', purpose: 'linking' }] };
    expect(failedFiles(annotationMusts, broken)).toContain('annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json');
  });
});
