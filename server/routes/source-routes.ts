/** /api/sources: the article list with annotation counts, one article with its text, and import. */
import { Router } from 'express';
import { ImportSource, KINDS, type Kind } from '../../core/model';
import { found } from '../http/http-error';
import { parseWith, queryString } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';
import { toMeta, type SourceLibrary } from '../sources/source-library';

export function sourceRoutes(sources: SourceLibrary, annotations: AnnotationService): Router {
  const r = Router();

  r.get('/', (req, res) => {
    const set = queryString(req.query as Record<string, unknown>, 'set');
    const counts = new Map<string, Record<Kind, number>>();
    for (const a of annotations.store.annotations()) {
      if (set && a.set !== set) continue;
      for (const id of new Set(a.targets.map((t) => t.source))) {
        let c = counts.get(id);
        if (!c) counts.set(id, (c = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>));
        c[a.kind] += 1;
      }
    }
    const empty = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    res.json({ sources: sources.list().map((s) => ({ ...toMeta(s), counts: counts.get(s.id) ?? empty() })) });
  });

  r.get('/:id', (req, res) => {
    res.json({ source: found(sources.get(req.params.id), 'source', req.params.id) });
  });

  r.post('/', async (req, res) => {
    const input = parseWith(ImportSource, req.body);
    const { status, source } = await sources.import(input);
    res.status(status === 'created' ? 201 : 200).json({ status, source: toMeta(source) });
  });

  return r;
}
