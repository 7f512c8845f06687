/**
 * The service worker's side of a chunked import: chunks are held in memory under an import id and
 * written in one transaction on commit. Each chunk's search index is built as it arrives (while the
 * page reads and sends the next), so the commit only writes. If the worker is stopped in between,
 * the staged chunks are gone and the commit fails cleanly with the archive untouched.
 */
import type { Clip } from '../model/article';
import { SegmentPieces } from '../archive/search-index';

export interface StagedImport {
  clips: Clip[];
  /** the clips' index segments, built ahead of their doc numbers */
  index: SegmentPieces;
}

/** Staged imports older than this are dropped (an import page closed halfway). */
export const STAGE_TTL_MS = 10 * 60_000;

export class ImportStaging {
  private readonly staged = new Map<string, StagedImport & { touched: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  begin(): string {
    this.expire();
    const id = this.newId();
    this.staged.set(id, { clips: [], index: new SegmentPieces(), touched: this.now() });
    return id;
  }

  add(importId: string, clips: Clip[]): void {
    const stage = this.get(importId);
    for (const clip of clips) {
      stage.index.add(clip);
      stage.clips.push(clip);
    }
    stage.touched = this.now();
  }

  /** The staged records and their index, removed from staging: a commit is attempted once. */
  take(importId: string): StagedImport {
    const stage = this.get(importId);
    this.staged.delete(importId);
    stage.index.close();
    return { clips: stage.clips, index: stage.index };
  }

  abort(importId: string): void {
    this.staged.delete(importId);
  }

  private get(importId: string) {
    this.expire();
    const stage = this.staged.get(importId);
    if (!stage) throw new Error(`unknown import ${importId} (the service worker restarted or it expired)`);
    return stage;
  }

  private expire(): void {
    const now = this.now();
    for (const [id, stage] of this.staged) if (now - stage.touched > STAGE_TTL_MS) this.staged.delete(id);
  }
}
