/**
 * The service worker's side of a chunked import: chunks are held in memory under an import id and
 * written in one transaction on commit. If the worker is stopped in between, the staged chunks are
 * gone and the commit fails cleanly with the archive untouched.
 */
import type { Clip } from '../model/article';
import type { AssetRecord } from '../archive/assets';

/** Staged imports older than this are dropped (an import page closed halfway). */
export const STAGE_TTL_MS = 10 * 60_000;

export class ImportStaging {
  private readonly staged = new Map<string, { clips: Clip[]; assets: AssetRecord[]; touched: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  begin(): string {
    this.expire();
    const id = this.newId();
    this.staged.set(id, { clips: [], assets: [], touched: this.now() });
    return id;
  }

  add(importId: string, clips: Clip[]): void {
    const stage = this.get(importId);
    for (const clip of clips) stage.clips.push(clip);
    stage.touched = this.now();
  }

  /** An asset (hash already checked) to write with the records. */
  addAsset(importId: string, asset: AssetRecord): void {
    const stage = this.get(importId);
    stage.assets.push(asset);
    stage.touched = this.now();
  }

  /** The staged assets; read before `take`, which ends the stage. */
  assets(importId: string): AssetRecord[] {
    return this.get(importId).assets;
  }

  /** The staged records, removed from staging: a commit is attempted once. */
  take(importId: string): Clip[] {
    const stage = this.get(importId);
    this.staged.delete(importId);
    return stage.clips;
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
