/**
 * Import of W3C Web Annotation JSON-LD, from Collate (lossless, see w3c-export.ts) or from other W3C
 * tools such as Hypothesis (a target with `source` and a selector array; the body may be absent or a
 * `bodyValue`).
 *
 * Accepted input: an AnnotationCollection with embedded pages, an AnnotationPage, an array of
 * annotations, or one annotation. Each target is anchored into an existing source (found by URI: the
 * source base URI followed by the id, or a source's `url`) with `matchQuote`: the position when the text
 * there equals the quote, otherwise the quote searched with its context. Import is all or nothing: either
 * every annotation is returned, ready for the create service, or every problem is listed with its path.
 *
 * Kind of a foreign annotation (no `collate:kind`): `assessing` makes a claim, `linking` with two or more
 * targets an inconsistency, anything else a note. Foreign text bodies become the note (tagging ones
 * become tags); link bodies become a claim's evidence or, on other kinds, lines of the note.
 */
import { matchQuote } from '../anchoring/match-quote';
import {
  type ClaimInfo,
  CreateAnnotation,
  type HistoryItem,
  DEFAULT_SET,
  KINDS,
  MAX_REVISION,
  Decision as DecisionSchema,
  type Decision,
  type Kind,
  type Source,
  type TargetInput,
} from '../model';
import { CodePointIndex } from './code-points';
import { DEFAULT_ANNOTATION_BASE_URI, DEFAULT_SOURCE_BASE_URI } from './export-input';
import { COLLATE_DECISIONS, COLLATE_HISTORY, COLLATE_KIND, COLLATE_MODIFIED_BY, COLLATE_ORPHANED, COLLATE_REVISION, COLLATE_SET } from './w3c-types';
import { parseHistory } from './w3c-history';
import { parseBodies } from './w3c-bodies';
import { parseSelectors } from './w3c-selectors';
import { isRecord, joinPath, listOf, type ImportError } from './json-path';

export type { ImportError } from './json-path';

export interface ImportOptions {
  /** As in export; default `urn:collate:source:`. */
  sourceBaseUri?: string;
  /** Ids under this prefix are reported as `origin.collateId`; default `urn:collate:annotation:`. */
  annotationBaseUri?: string;
  /** Put every annotation into this set, ignoring `collate:set`. */
  set?: string;
}

/**
 * One imported annotation: the fields of a `CreateAnnotation` request (already validated against it),
 * plus what the store normally assigns, for callers that keep the original history.
 */
/**
 * A target as imported: anchored (`exact` is the text at start..end), or, when Collate exported it as
 * orphaned and its quote is still not in the text, orphaned with its quote and context kept (start
 * and end then only say how long the quote is).
 */
export type ImportedTarget = TargetInput & { orphaned?: true; prefix?: string; suffix?: string };

export interface ImportedAnnotation {
  set: string;
  kind: Kind;
  targets: ImportedTarget[];
  tags: string[];
  note: string;
  claim?: ClaimInfo;
  creator?: string;
  created?: string;
  modified?: string;
  /** Who made the latest revision, as the file says (`collate:modifiedBy`). */
  modifiedBy?: string;
  /** Every change before the export, as the file says (`collate:history`). */
  history?: HistoryItem[];
  /** Where it came from: the W3C id, the Collate id when the id is under the annotation base URI, and the revision. */
  origin: { uri?: string; collateId?: string; revision?: number };
}

export type ImportResult =
  | {
      ok: true;
      annotations: ImportedAnnotation[];
      /** Set names used, in first-use order. */
      sets: string[];
      /** Decisions on suggestions carried on a Collate collection. */
      decisions: Decision[];
    }
  | { ok: false; errors: ImportError[] };

interface Located {
  value: unknown;
  path: string;
}

/** Parses and anchors W3C annotations against `sources`; see the module comment. */
export function importW3c(data: unknown, sources: ReadonlyMap<string, Source>, options: ImportOptions = {}): ImportResult {
  const steps = importW3cSteps(data, sources, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same import one annotation at a time: the generator yields after each, so a server can let
 * other requests run between them while a large file is imported.
 */
export function* importW3cSteps(data: unknown, sources: ReadonlyMap<string, Source>, options: ImportOptions = {}): Generator<void, ImportResult> {
  const errors: ImportError[] = [];
  const resolver = new SourceResolver(sources, options.sourceBaseUri ?? DEFAULT_SOURCE_BASE_URI);
  const annotations: ImportedAnnotation[] = [];
  for (const item of locateAnnotations(data, errors)) {
    const parsed = parseAnnotation(item, resolver, options, errors);
    if (parsed) annotations.push(parsed);
    yield;
  }
  const decisions = readDecisions(data, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, annotations, sets: [...new Set(annotations.map((a) => a.set))], decisions };
}

/** The collection's `collate:decisions`, each checked; absent on anything but a Collate collection. */
function readDecisions(data: unknown, errors: ImportError[]): Decision[] {
  if (!isRecord(data) || data[COLLATE_DECISIONS] === undefined) return [];
  const list = data[COLLATE_DECISIONS];
  if (!Array.isArray(list)) {
    errors.push({ path: COLLATE_DECISIONS, message: 'must be a list of decisions' });
    return [];
  }
  const out: Decision[] = [];
  list.forEach((raw, i) => {
    const parsed = DecisionSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else errors.push({ path: `${COLLATE_DECISIONS}[${i}]`, message: parsed.error.issues.map((x) => `${x.path.join('.') || 'decision'}: ${x.message}`).join('; ') });
  });
  return out;
}

/** The annotation objects inside a collection, page, array or single annotation. */
function locateAnnotations(data: unknown, errors: ImportError[]): Located[] {
  if (Array.isArray(data)) return data.map((value, i) => ({ value, path: `[${i}]` }));
  if (!isRecord(data)) {
    errors.push({ path: '', message: 'expected a W3C annotation, annotation page, collection or an array of annotations' });
    return [];
  }
  const types = listOf(data.type);
  if (types.includes('AnnotationCollection') || (!types.includes('Annotation') && 'first' in data)) {
    const found: Located[] = [];
    const seen = new Set<unknown>();
    let page: unknown = Array.isArray(data.first) && data.first.length === 1 ? data.first[0] : data.first;
    let path = 'first';
    if (page === undefined) {
      if (data.total !== 0 && data.total !== undefined) errors.push({ path: 'first', message: 'a non-empty collection needs a first page' });
      return [];
    }
    while (page !== undefined && !seen.has(page)) {
      seen.add(page);
      if (!isRecord(page)) {
        errors.push({ path, message: 'pages must be embedded objects: pages given by URI are not fetched' });
        break;
      }
      found.push(...pageItems(page, path, errors));
      page = page.next;
      path = `${path}.next`;
    }
    return found;
  }
  if (types.includes('AnnotationPage') || (!types.includes('Annotation') && 'items' in data)) {
    return pageItems(data, '', errors);
  }
  return [{ value: data, path: '' }];
}

function pageItems(page: Record<string, unknown>, path: string, errors: ImportError[]): Located[] {
  const itemsPath = joinPath(path, 'items');
  if (!Array.isArray(page.items)) {
    errors.push({ path: itemsPath, message: 'must be an array of annotations' });
    return [];
  }
  return page.items.map((value, i) => ({ value, path: `${itemsPath}[${i}]` }));
}

/** Finds sources by the URI in a target. */
class SourceResolver {
  private readonly byUrl = new Map<string, Source>();
  private readonly indexes = new Map<string, CodePointIndex>();

  constructor(
    private readonly sources: ReadonlyMap<string, Source>,
    private readonly baseUri: string,
  ) {
    for (const source of sources.values()) {
      if (source.url) this.byUrl.set(normaliseUrl(source.url), source);
    }
  }

  resolve(uri: string): Source | undefined {
    if (uri.startsWith(this.baseUri)) {
      let id: string;
      try {
        id = decodeURIComponent(uri.slice(this.baseUri.length));
      } catch {
        return undefined;
      }
      const source = this.sources.get(id);
      if (source) return source;
    }
    return this.byUrl.get(normaliseUrl(uri));
  }

  index(source: Source): CodePointIndex {
    let index = this.indexes.get(source.id);
    if (!index) {
      index = new CodePointIndex(source.text);
      this.indexes.set(source.id, index);
    }
    return index;
  }
}

/** URLs compare without fragment and trailing slash, which tools add or drop freely. */
function normaliseUrl(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/+$/, '');
}

function parseAnnotation(
  item: Located,
  resolver: SourceResolver,
  options: ImportOptions,
  errors: ImportError[],
): ImportedAnnotation | undefined {
  const { value: a, path } = item;
  if (typeof a === 'string') {
    errors.push({ path, message: 'annotations given by URI are not fetched: embed the annotation' });
    return undefined;
  }
  if (!isRecord(a)) {
    errors.push({ path, message: 'expected an annotation object' });
    return undefined;
  }
  const before = errors.length;
  if (a.type !== undefined && !listOf(a.type).includes('Annotation')) {
    errors.push({ path: joinPath(path, 'type'), message: 'must include "Annotation"' });
  }

  const targets: ImportedTarget[] = [];
  const rawTargets = listOf(a.target);
  if (rawTargets.length === 0) errors.push({ path: joinPath(path, 'target'), message: 'an annotation needs at least one target' });
  rawTargets.forEach((t, i) => {
    const targetPath = Array.isArray(a.target) ? `${joinPath(path, 'target')}[${i}]` : joinPath(path, 'target');
    const target = parseTarget(t, targetPath, resolver, errors);
    if (target) targets.push(target);
  });

  const motivations = listOf(a.motivation).filter((m): m is string => typeof m === 'string');
  let kind: Kind;
  const declaredKind = a[COLLATE_KIND];
  if (declaredKind !== undefined) {
    if (!(KINDS as readonly unknown[]).includes(declaredKind)) {
      errors.push({ path: joinPath(path, COLLATE_KIND), message: `must be one of ${KINDS.join(', ')}` });
    }
    kind = declaredKind as Kind;
  } else if (motivations.includes('assessing')) kind = 'claim';
  else if (motivations.includes('linking') && rawTargets.length >= 2) kind = 'inconsistency';
  else kind = 'note';

  const content = parseBodies(a, path, kind, errors);

  const set = options.set ?? (typeof a[COLLATE_SET] === 'string' ? (a[COLLATE_SET] as string) : DEFAULT_SET);
  const created = timestamp(a.created, joinPath(path, 'created'), errors);
  const modified = timestamp(a.modified, joinPath(path, 'modified'), errors);
  const creator = agentName(a.creator);
  const history = parseHistory(a[COLLATE_HISTORY], joinPath(path, COLLATE_HISTORY), errors);
  const modifiedBy = a[COLLATE_MODIFIED_BY];
  if (modifiedBy !== undefined && (typeof modifiedBy !== 'string' || modifiedBy.length > 200)) {
    errors.push({ path: joinPath(path, COLLATE_MODIFIED_BY), message: 'must be a name (a string of up to 200 characters)' });
  }

  const fields = {
    set,
    kind,
    targets,
    tags: content.tags,
    note: content.note,
    ...(content.claim ? { claim: content.claim } : {}),
  };
  if (errors.length > before) return undefined;

  // Orphaned targets pass the schema in their plain shape; they are put back after it.
  const checked = CreateAnnotation.safeParse({ ...fields, targets: targets.map(({ source, start, end, exact }) => ({ source, start, end, exact })) });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      errors.push({ path, message: `${field ? `${field}: ` : ''}${issue.message}` });
    }
    return undefined;
  }

  const origin: ImportedAnnotation['origin'] = {};
  if (typeof a.id === 'string') {
    origin.uri = a.id;
    const base = options.annotationBaseUri ?? DEFAULT_ANNOTATION_BASE_URI;
    if (a.id.startsWith(base)) origin.collateId = a.id.slice(base.length);
  }
  const revision = a[COLLATE_REVISION];
  if (revision !== undefined) {
    // The next edit adds one, which must still be an exact integer.
    if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1 || revision > MAX_REVISION) {
      errors.push({ path: joinPath(path, COLLATE_REVISION), message: `must be a whole number from 1 to ${MAX_REVISION}, not ${JSON.stringify(revision)}` });
      return undefined;
    }
    origin.revision = revision;
  }

  // The creator is what the file says (an import keeps whose work it was); the importer is recorded in the history.
  const result: ImportedAnnotation = { ...checked.data, targets, origin, ...(creator !== undefined ? { creator } : {}) };
  if (created !== undefined) result.created = created;
  if (modified !== undefined) result.modified = modified;
  if (typeof modifiedBy === 'string') result.modifiedBy = modifiedBy;
  if (history) result.history = history;
  return result;
}

function parseTarget(value: unknown, path: string, resolver: SourceResolver, errors: ImportError[]): ImportedTarget | undefined {
  if (!isRecord(value) || typeof value.source !== 'string') {
    errors.push({
      path,
      message: 'a target must select a passage: a SpecificResource with a "source" and a TextQuoteSelector or TextPositionSelector',
    });
    return undefined;
  }
  const source = resolver.resolve(value.source);
  if (!source) errors.push({ path: joinPath(path, 'source'), message: `unknown source "${value.source}"` });
  const selectors = parseSelectors(value.selector, joinPath(path, 'selector'), errors);
  if (!source || !selectors) return undefined;

  const index = resolver.index(source);
  const { quote, position } = selectors;
  let start: number | undefined;
  let end: number | undefined;
  if (position && position.end <= index.codePointLength) {
    start = index.toUtf16(position.start);
    end = index.toUtf16(position.end);
  }
  if (quote) {
    const range = matchQuote(source.text, { ...quote, start });
    if (!range && value[COLLATE_ORPHANED] === true && quote.exact.length > 0) {
      // Orphaned when exported and still not found: kept as orphaned, as it was in the store.
      return { source: source.id, start: 0, end: quote.exact.length, exact: quote.exact, orphaned: true, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' };
    }
    if (!range) {
      errors.push({ path, message: `quote not found in source "${source.id}": ${JSON.stringify(quote.exact.slice(0, 80))}` });
      return undefined;
    }
    return { source: source.id, start: range.start, end: range.end, exact: quote.exact };
  }
  if (start === undefined || end === undefined || start === end) {
    errors.push({ path, message: `position selector is empty or outside the text of source "${source.id}"` });
    return undefined;
  }
  return { source: source.id, start, end, exact: source.text.slice(start, end) };
}

function timestamp(value: unknown, path: string, errors: ImportError[]): string | undefined {
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (single === undefined) return undefined;
  const time = typeof single === 'string' ? Date.parse(single) : NaN;
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(single as string)) {
    errors.push({ path, message: 'must be an ISO 8601 date-time string' });
    return undefined;
  }
  // Stored in one form, as Collate writes its own times.
  return new Date(time).toISOString();
}

/** A creator as a name: a string, or an agent's name, nickname or id. */
function agentName(value: unknown): string | undefined {
  const first = listOf(value)[0];
  if (typeof first === 'string') return first;
  if (!isRecord(first)) return undefined;
  for (const key of ['name', 'nickname', 'id']) {
    const v = listOf(first[key])[0];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}
