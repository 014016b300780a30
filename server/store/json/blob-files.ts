/**
 * Blobs of the embedded store: article texts and raw pages, kept whole under their sha-256 in
 * `blobs/<first two hex digits>/<hash>.txt|.html`, written atomically and durably before any record
 * refers to them. Content-addressed, so a revision that restores an older text stores nothing new.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DurableTextFile } from '../durable-file';
import { storageErrorOf, type BlobKind } from '../store';

const EXTENSION: Record<BlobKind, string> = { text: 'txt', html: 'html' };
const HASH = /^[0-9a-f]{64}$/;

function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

export class BlobFiles {
  constructor(private readonly dataDir: string) {}

  private path(kind: BlobKind, hash: string): string {
    if (!HASH.test(hash)) throw new RangeError(`not a sha-256 hash: ${JSON.stringify(hash)}`);
    return join(this.dataDir, 'blobs', hash.slice(0, 2), `${hash}.${EXTENSION[kind]}`);
  }

  async put(kind: BlobKind, content: string): Promise<string> {
    const hash = sha256(content);
    const path = this.path(kind, hash);
    try {
      await stat(path);
      return hash;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw storageErrorOf(e, 'keeping a text');
    }
    try {
      await mkdir(join(this.dataDir, 'blobs', hash.slice(0, 2)), { recursive: true });
      await new DurableTextFile(path).write(content);
    } catch (e) {
      throw storageErrorOf(e, 'keeping a text');
    }
    return hash;
  }

  async get(kind: BlobKind, hash: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(kind, hash), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }
}
