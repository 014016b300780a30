/**
 * /api/sources: the article list with annotation and open-suggestion counts; one article (any
 * revision) with its text; its revisions; adding an article (text, HTML, a file, a web page) or a
 * revision of one; previewing what an addition would make (stored nowhere); fetching a page again.
 */
import { Router } from 'express';
import { AddSource, FetchSource, type Source } from '../../core/model';
import { actorOf } from '../http/actor';
import { found, HttpError } from '../http/http-error';
import { parseWith, queryString } from '../http/validate';
import { zeroCounts, type AnnotationService } from '../services/annotation-service';
import type { SourceOutcome, SourceService } from '../services/source-service';
import type { SuggestionService } from '../services/suggestion-service';
import { toMeta } from '../sources/source-library';

/** Whether an annotation on the source points at an older revision, or was moved or orphaned by one. */
async function changedSinceAnnotated(annotations: AnnotationService, s: Source): Promise<boolean> {
  if (!s.revision || s.revision === 1) return false;
  for (const a of await annotations.store.annotations({ source: s.id })) {
    for (const t of a.targets) if (t.source === s.id && (t.orphaned || t.changedFrom || (t.revision ?? 1) < s.revision)) return true;
  }
  return false;
}

function answer(outcome: SourceOutcome) {
  return { status: outcome.status, source: toMeta(outcome.source), ...(outcome.reanchored ? { reanchored: outcome.reanchored } : {}) };
}

export function sourceRoutes(service: SourceService, annotations: AnnotationService, suggestions: SuggestionService): Router {
  const r = Router();
  const sources = service.library;

  r.get('/', async (req, res) => {
    const counts = await annotations.countsBySource(queryString(req.query as Record<string, unknown>, 'set'));
    const open = await suggestions.openCounts();
    const list = [];
    for (const s of sources.list()) {
      list.push({ ...toMeta(s), counts: counts.get(s.id) ?? zeroCounts(), suggestions: open.get(s.id) ?? 0, changed: await changedSinceAnnotated(annotations, s) });
    }
    res.json({ sources: list });
  });

  r.get('/:id', async (req, res) => {
    const raw = queryString(req.query as Record<string, unknown>, 'revision');
    if (raw === undefined) {
      res.json({ source: found(sources.get(req.params.id), 'source', req.params.id) });
      return;
    }
    if (!/^[1-9]\d{0,8}$/.test(raw)) throw new HttpError(400, 'invalid', `revision must be a whole number from 1, not "${raw}"`);
    res.json({ source: found(await service.revisionText(req.params.id, Number(raw)), `revision ${raw} of source`, req.params.id) });
  });

  r.get('/:id/revisions', async (req, res) => {
    res.json({ revisions: found(await service.revisions(req.params.id), 'source', req.params.id) });
  });

  r.post('/', async (req, res) => {
    const outcome = await service.add(parseWith(AddSource, req.body), actorOf(res));
    res.status(outcome.status === 'created' ? 201 : 200).json(answer(outcome));
  });

  // Stores nothing, so 200 whatever the body would make.
  r.post('/preview', (req, res) => {
    res.json(service.preview(parseWith(AddSource, req.body)));
  });

  r.post('/fetch', async (req, res) => {
    const outcome = await service.fetch(parseWith(FetchSource, req.body), actorOf(res));
    res.status(outcome.status === 'created' ? 201 : 200).json(answer(outcome));
  });

  r.post('/:id/refetch', async (req, res) => {
    res.json(answer(await service.refetch(req.params.id, actorOf(res))));
  });

  return r;
}
