/** /api/sources: the article list with annotation and open-suggestion counts, one article with its text, and import. */
import { Router } from 'express';
import { ImportSource } from '../../core/model';
import { found } from '../http/http-error';
import { parseWith, queryString } from '../http/validate';
import { zeroCounts, type AnnotationService } from '../services/annotation-service';
import { toMeta, type SourceLibrary } from '../sources/source-library';
import type { SuggestionService } from '../services/suggestion-service';

export function sourceRoutes(sources: SourceLibrary, annotations: AnnotationService, suggestions: SuggestionService): Router {
  const r = Router();

  r.get('/', async (req, res) => {
    const counts = await annotations.countsBySource(queryString(req.query as Record<string, unknown>, 'set'));
    const open = await suggestions.openCounts();
    res.json({ sources: sources.list().map((s) => ({ ...toMeta(s), counts: counts.get(s.id) ?? zeroCounts(), suggestions: open.get(s.id) ?? 0 })) });
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
