/**
 * lowdb adapters that make an acknowledged write durable: the text goes to a temporary file in the
 * same folder, is fsynced, and replaces the old file by rename, then the folder is fsynced so the
 * rename itself survives a crash. A reader (or a crash) sees the old file or the new one, never half.
 * lowdb's own TextFile skips the fsyncs, which is why we have our own.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

let counter = 0;

export class DurableTextFile implements Adapter<string> {
  constructor(readonly path: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async write(data: string): Promise<void> {
    const dir = dirname(this.path);
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${++counter}.tmp`);
    try {
      const file = await open(tmp, 'w');
      try {
        await file.writeFile(data, 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, this.path);
    } catch (e) {
      // A failed write (a full disk, say) leaves no temporary file behind.
      await unlink(tmp).catch(() => {});
      throw e;
    }
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}

/** JSON over a text adapter (lowdb's DataFile pattern: an adapter wrapping an adapter). */
export class JsonFile<T> implements Adapter<T> {
  private readonly text: Adapter<string>;

  constructor(path: string) {
    this.text = new DurableTextFile(path);
  }

  async read(): Promise<T | null> {
    const raw = await this.text.read();
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch (e) {
      throw new Error(`${(this.text as DurableTextFile).path} is not valid JSON: ${(e as Error).message}`);
    }
  }

  write(data: T): Promise<void> {
    return this.text.write(JSON.stringify(data, null, 2) + '\n');
  }
}
