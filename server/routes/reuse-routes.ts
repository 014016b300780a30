/**
 * GET /api/reuse (aligned passages) and /api/suggestions: suggested inconsistencies to confirm
 * (which creates an inconsistency annotation) or dismiss (remembered in the store).
 */
import { Router } from 'express';
import { suggestionToAnnotation } from '../../core/inconsistency';
import { CreateAnnotation, SetName } from '../../core/model';
import { found, HttpError, notFound } from '../http/http-error';
import { parseWith, queryString } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';
import type { ReuseService } from '../services/reuse-service';
import { z } from 'zod';

const ConfirmBody = z.object({ set: SetName.optional(), note: z.string().max(20_000).optional(), tags: z.array(z.string().trim().min(1).max(64)).max(50).optional() }).strict();

/** `text` with each source id replaced by the source's title in quotes. */
export function namedByTitle(text: string, ids: string[], titleOf: (id: string) => string | undefined): string {
  let out = text;
  // Longest first, so an id that is a prefix of another does not break it.
  for (const id of [...new Set(ids)].sort((a, b) => b.length - a.length)) {
    const title = titleOf(id);
    if (title) out = out.split(id).join(`“${title}”`);
  }
  return out;
}

export function reuseRoutes(reuse: ReuseService, annotations: AnnotationService): Router {
  const r = Router();

  const sourceParam = (query: unknown) => {
    const id = queryString(query as Record<string, unknown>, 'source');
    if (id && !annotations.sources.get(id)) throw notFound('source', id);
    return id;
  };

  r.get('/reuse', (req, res) => {
    res.json({ passages: reuse.passages(sourceParam(req.query)) });
  });

  r.get('/suggestions', (req, res) => {
    const source = sourceParam(req.query);
    const dismissed = annotations.store.dismissed();
    const suggestions = reuse
      .suggestions()
      .filter((s) => !dismissed.has(s.id) && (!source || s.targets.some((t) => t.source === source)));
    res.json({ suggestions });
  });

  const suggestion = (id: string) => found(reuse.suggestions().find((s) => s.id === id), 'suggestion', id);

  r.post('/suggestions/:id/dismiss', async (req, res) => {
    await annotations.store.dismiss(suggestion(req.params.id).id);
    res.status(204).end();
  });

  r.post('/suggestions/:id/confirm', async (req, res) => {
    const s = suggestion(req.params.id);
    if (annotations.store.dismissed().has(s.id)) {
      throw new HttpError(409, 'handled', `suggestion "${s.id}" was confirmed or dismissed already`);
    }
    const body = parseWith(ConfirmBody, req.body ?? {});
    const draft = suggestionToAnnotation(s, { set: body.set, extraTags: body.tags });
    // The summary names sources by id; the stored note names them by title, for readers.
    draft.note = body.note ?? namedByTitle(s.summary, s.targets.map((t) => t.source), (id) => annotations.sources.get(id)?.title);
    const annotation = await annotations.create(parseWith(CreateAnnotation, draft));
    // A confirmed suggestion is handled: it is not offered again.
    await annotations.store.dismiss(s.id);
    res.status(201).json({ annotation });
  });

  return r;
}
