/** /api/sets: annotation sets with their sizes; creating one. */
import { Router } from 'express';
import { CreateSet } from '../../core/model';
import { parseWith } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';

export function setRoutes(service: AnnotationService): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    res.json({ sets: await service.setsWithSizes() });
  });

  r.post('/', async (req, res) => {
    res.status(201).json({ set: await service.createSet(parseWith(CreateSet, req.body)) });
  });

  return r;
}
