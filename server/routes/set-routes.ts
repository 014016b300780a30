/** /api/sets: annotation sets with their sizes; creating one. */
import { Router } from 'express';
import { CreateSet } from '../../core/model';
import { HttpError } from '../http/http-error';
import { parseWith } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';

export function setRoutes(service: AnnotationService, now: () => Date = () => new Date()): Router {
  const r = Router();

  r.get('/', (_req, res) => {
    res.json({ sets: service.setsWithSizes() });
  });

  r.post('/', async (req, res) => {
    const input = parseWith(CreateSet, req.body);
    const set = { name: input.name, description: input.description, created: now().toISOString() };
    if (!(await service.store.addSet(set))) {
      throw new HttpError(409, 'exists', `an annotation set named "${input.name}" exists already`);
    }
    res.status(201).json({ set });
  });

  return r;
}
