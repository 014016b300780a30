/** GET /api/export (a download in one of four formats) and POST /api/import (W3C JSON-LD, all or nothing). */
import { Router } from 'express';
import { EXPORT_FORMAT_IDS, isExportFormat } from '../../core/export';
import { KINDS } from '../../core/model';
import { HttpError } from '../http/http-error';
import { queryString } from '../http/validate';
import type { TransferService } from '../services/transfer-service';
import { ServiceError } from '../services/service-error';
import { actorOf } from '../http/actor';

export function transferRoutes(transfer: TransferService): Router {
  const r = Router();

  r.get('/export', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const format = queryString(q, 'format');
    if (!isExportFormat(format)) {
      throw new HttpError(400, 'invalid', `format must be one of ${EXPORT_FORMAT_IDS.join(', ')}${format ? `, not "${format}"` : ''}`);
    }
    const kind = queryString(q, 'kind');
    if (kind && !(KINDS as readonly string[]).includes(kind)) throw new HttpError(400, 'invalid', `kind must be one of ${KINDS.join(', ')}`);
    const result = await transfer.export({
      format,
      set: queryString(q, 'set'),
      source: queryString(q, 'source'),
      kind,
      tag: queryString(q, 'tag'),
      options: { csvBom: queryString(q, 'bom') === '1' },
    });
    res
      .status(200)
      .attachment(result.fileName)
      .set('Content-Type', result.contentType)
      .set('X-Collate-Count', String(result.count))
      .send(result.body);
  });

  r.post('/import', async (req, res) => {
    if (req.body === undefined) throw new HttpError(400, 'invalid', 'send the W3C JSON-LD as the request body with Content-Type: application/json');
    const set = queryString(req.query as Record<string, unknown>, 'set');
    const outcome = await transfer.import(req.body, actorOf(res), set ? { set } : {});
    if (!outcome.ok) {
      const n = outcome.errors.length;
      throw new ServiceError('import_failed', `nothing was imported: ${n} problem${n === 1 ? '' : 's'} found (first: ${outcome.errors[0].path}: ${outcome.errors[0].message})`, { errors: outcome.errors });
    }
    res.status(201).json({
      imported: outcome.annotations.length,
      skipped: outcome.skipped,
      annotations: outcome.annotations,
      setsCreated: outcome.setsCreated,
      decisions: outcome.decisions,
    });
  });

  return r;
}
