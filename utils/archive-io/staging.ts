/**
 * The service worker's imports in progress, by id: each an ImportWriter, whose one transaction
 * takes the records as the page sends them and commits them together at the end (or nothing). If
 * the worker is stopped in between, the transaction dies with it and the archive is untouched; the
 * page's next message then finds no import of its id and fails cleanly.
 */
import { ImportWriter } from '../archive/clip-store';
import type { JianbaoDatabase } from '../archive/db';

export class ImportSessions {
  private readonly open = new Map<string, ImportWriter>();

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {}

  async begin(db: JianbaoDatabase): Promise<string> {
    for (const [id, writer] of this.open) if (writer.over) this.open.delete(id);
    const id = this.newId();
    this.open.set(id, await ImportWriter.open(db));
    return id;
  }

  get(importId: string): ImportWriter {
    const writer = this.open.get(importId);
    if (!writer || writer.over)
      throw new Error(`unknown import ${importId} (the service worker restarted or it was abandoned)`);
    return writer;
  }

  /** The writer, no longer listed: a commit is attempted once. */
  take(importId: string): ImportWriter {
    const writer = this.get(importId);
    this.open.delete(importId);
    return writer;
  }

  abort(importId: string): void {
    this.open.get(importId)?.abort();
    this.open.delete(importId);
  }
}
