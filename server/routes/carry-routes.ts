/** /api/annotations/:id/copies and /api/annotations/:id/carry: repeating work on reused passages. */
import { Router } from 'express';
import { z } from 'zod';
import { SourceId } from '../../core/model';
import { actorOf } from '../http/actor';
import { sendAnnotations } from '../http/annotation-json';
import { found } from '../http/http-error';
import { parseWith } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';
import type { CarryService } from '../services/carry-service';

const CarryBody = z.object({ mode: z.enum(['copy', 'reuse']), sources: z.array(SourceId).min(1).optional() }).strict();

export function carryRoutes(carry: CarryService, annotations: AnnotationService): Router {
  const r = Router();
  r.get('/:id/copies', async (req, res) => {
    const a = found(await annotations.get(req.params.id), 'annotation', req.params.id);
    res.json({ copies: carry.copies(a) });
  });
  r.post('/:id/carry', async (req, res) => {
    const body = parseWith(CarryBody, req.body);
    sendAnnotations(res, await carry.carry(req.params.id, body.mode, actorOf(res), body.sources), 201);
  });
  return r;
}
