/** /api/annotations: list with filters, create, read, edit and delete with revision checks, history. */
import { Router } from 'express';
import { CreateAnnotation, KINDS, PatchAnnotation, VERDICTS } from '../../core/model';
import { actorOf } from '../http/actor';
import { sendAnnotations } from '../http/annotation-json';
import { found, HttpError, notFound } from '../http/http-error';
import { parseWith, queryString } from '../http/validate';
import type { AnnotationService } from '../services/annotation-service';

export function annotationRoutes(service: AnnotationService): Router {
  const r = Router();

  r.get('/', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const filter = {
      source: queryString(q, 'source'),
      set: queryString(q, 'set'),
      kind: queryString(q, 'kind'),
      tag: queryString(q, 'tag'),
      verdict: queryString(q, 'verdict'),
      q: queryString(q, 'q'),
    };
    if (filter.source && !service.sources.get(filter.source)) throw notFound('source', filter.source);
    if (filter.kind && !(KINDS as readonly string[]).includes(filter.kind)) {
      throw new HttpError(400, 'invalid', `kind must be one of ${KINDS.join(', ')}, not "${filter.kind}"`);
    }
    if (filter.verdict && !(VERDICTS as readonly string[]).includes(filter.verdict)) {
      throw new HttpError(400, 'invalid', `verdict must be one of ${VERDICTS.join(', ')}, not "${filter.verdict}"`);
    }
    sendAnnotations(res, await service.list(filter));
  });

  r.post('/', async (req, res) => {
    if (typeof req.body === 'object' && req.body !== null && Object.hasOwn(req.body, 'creator')) {
      const message = 'the creator is whoever is signed in; a request cannot name one';
      throw new HttpError(400, 'invalid', `the request body is invalid: creator: ${message}`, { issues: [{ path: 'creator', message }] });
    }
    const input = parseWith(CreateAnnotation, req.body);
    const annotation = await service.create(input, actorOf(res));
    res.status(201).location(`/api/annotations/${annotation.id}`).json({ annotation });
  });

  r.get('/:id', async (req, res) => {
    res.json({ annotation: found(await service.get(req.params.id), 'annotation', req.params.id) });
  });

  r.get('/:id/history', async (req, res) => {
    res.json({ history: found(await service.history(req.params.id), 'annotation', req.params.id) });
  });

  r.patch('/:id', async (req, res) => {
    const patch = parseWith(PatchAnnotation, req.body);
    res.json({ annotation: await service.update(req.params.id, patch, actorOf(res)) });
  });

  r.delete('/:id', async (req, res) => {
    const raw = queryString(req.query as Record<string, unknown>, 'revision');
    const revision = raw !== undefined && /^[1-9]\d*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(revision)) {
      throw new HttpError(400, 'invalid', 'DELETE needs ?revision=N, the revision the deletion is based on');
    }
    await service.remove(req.params.id, revision, actorOf(res));
    res.status(204).end();
  });

  return r;
}
