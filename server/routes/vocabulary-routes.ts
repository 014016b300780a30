/**
 * GET /api/vocabulary: the tags and claimants in use, most used first, `{ tags: [{ name, count }],
 * claimants: [{ name, count }] }`. POST /api/tags/rename `{ from, to }`: rename a tag (matched
 * without regard to case) on every annotation carrying it, merging into `to` where present;
 * answers `{ changed: N }`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { actorOf } from '../http/actor';
import { parseWith } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';
import { VocabularyService } from '../services/vocabulary-service';

/** A tag as annotations hold it (the rule of the annotation schemas). */
const TagName = z.string().trim().min(1).max(64);
const RenameTag = z.object({ from: TagName, to: TagName }).strict();

export function vocabularyRoutes(annotations: AnnotationService): Router {
  const service = new VocabularyService(annotations);
  const r = Router();

  r.get('/vocabulary', async (_req, res) => {
    res.json(await service.vocabulary());
  });

  r.post('/tags/rename', async (req, res) => {
    const { from, to } = parseWith(RenameTag, req.body);
    res.json(await service.renameTag(from, to, actorOf(res)));
  });

  return r;
}
