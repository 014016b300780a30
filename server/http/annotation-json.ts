/**
 * Annotation lists as JSON, with each stored annotation serialised once: stored records are shared,
 * read-only objects, so their JSON can be kept beside them until they are replaced. A list of one
 * source's annotations is then a copy of bytes already made, not a re-serialisation of every
 * record, and an unchanged list's answer is the same bytes as last time.
 *
 * Bytes rather than strings, for two reasons. Express encodes a string body to UTF-8 on every send,
 * which for a busy source's list cost more than everything else the request did. And a list's JSON
 * as one string is a large object on the JavaScript heap: rebuilt after each change to its source,
 * those strings filled the old generation fast enough for a full garbage collection every second
 * or two under a read/write mix; bytes live outside that heap.
 */
import type { Response } from 'express';
import type { Annotation } from '../../core/model';

const serialised = new WeakMap<Annotation, Buffer>();

function annotationBytes(a: Annotation): Buffer {
  let bytes = serialised.get(a);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(a), 'utf8');
    // Only frozen records are the store's own, unchangeable ones; others may still change.
    if (Object.isFrozen(a)) serialised.set(a, bytes);
  }
  return bytes;
}

/** The whole body of a frozen list's answer, kept while the list lives (lists are replaced, not changed). */
const bodies = new WeakMap<readonly Annotation[], Buffer>();

const OPEN = Buffer.from('{"annotations":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

function bodyOf(annotations: readonly Annotation[]): Buffer {
  let body = bodies.get(annotations);
  if (body === undefined) {
    const parts: Buffer[] = [OPEN];
    annotations.forEach((a, i) => {
      if (i) parts.push(COMMA);
      parts.push(annotationBytes(a));
    });
    parts.push(CLOSE);
    body = Buffer.concat(parts);
    if (Object.isFrozen(annotations)) bodies.set(annotations, body);
  }
  return body;
}

/** Sends `{ "annotations": [annotations…] }` with the given status. */
export function sendAnnotations(res: Response, annotations: readonly Annotation[], status = 200): void {
  res.status(status).type('application/json').send(bodyOf(annotations));
}
