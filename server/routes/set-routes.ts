/** /api/sets: annotation sets with their sizes; creating one. */
import { Router } from 'express';
import { CreateSet, DEFAULT_SET } from '../../core/model';
import { HttpError } from '../http/http-error';
import { parseWith } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';

export function setRoutes(service: AnnotationService, now: () => Date = () => new Date()): Router {
  const r = Router();

  r.get('/', (_req, res) => {
    const sizes = new Map<string, number>();
    for (const a of service.store.annotations()) sizes.set(a.set, (sizes.get(a.set) ?? 0) + 1);
    const sets = [...service.store.sets()].sort((a, b) =>
      a.name === DEFAULT_SET ? -1 : b.name === DEFAULT_SET ? 1 : a.name.localeCompare(b.name),
    );
    res.json({ sets: sets.map((s) => ({ ...s, count: sizes.get(s.name) ?? 0 })) });
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
