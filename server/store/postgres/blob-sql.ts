/**
 * Blobs on PostgreSQL (migrations/002): article texts and raw pages under the sha-256 of their
 * UTF-8 bytes, the same hash the embedded store files them under. Written outside any transaction
 * and committed before the transaction that refers to them (store.ts says why); storing the same
 * content again changes nothing.
 */
import { createHash } from 'node:crypto';
import type { BlobKind } from '../store';
import type { Queryable } from './pg-pool';

const HASH = /^[0-9a-f]{64}$/;

export async function putBlob(db: Queryable, kind: BlobKind, content: string): Promise<string> {
  const bytes = Buffer.from(content, 'utf8');
  const hash = createHash('sha256').update(bytes).digest('hex');
  await db.query({ name: 'blob-put', text: 'INSERT INTO blobs (kind, hash, content) VALUES ($1, $2, $3) ON CONFLICT (kind, hash) DO NOTHING', values: [kind, hash, bytes] });
  return hash;
}

/** The blob's content, or undefined; RangeError when `hash` is not a sha-256 in hex, as in the embedded store. */
export async function readBlob(db: Queryable, kind: BlobKind, hash: string): Promise<string | undefined> {
  if (!HASH.test(hash)) throw new RangeError(`not a sha-256 hash: ${JSON.stringify(hash)}`);
  const { rows } = await db.query<{ content: Buffer }>({ name: 'blob-one', text: 'SELECT content FROM blobs WHERE kind = $1 AND hash = $2', values: [kind, hash] });
  return rows[0]?.content.toString('utf8');
}
