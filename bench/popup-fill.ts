/**
 * Bundled by popup.bench.ts and evaluated in an extension page: fills the extension's own archive
 * with generated clips, through the same index functions the worker's saves use.
 */
import { newClip } from '../utils/archive/clip-store';
import { openArchive } from '../utils/archive/db';
import { CLIP_WRITE_STORES, compactIndex, indexClip } from '../utils/archive/search-index';
import { generator } from './generate';

async function fill(count: number, from = 0): Promise<number> {
  const gen = generator();
  const db = await openArchive();
  const base = Date.UTC(2024, 0, 1);
  for (let i = from; i < count; i += 128) {
    const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
    for (let k = i; k < Math.min(count, i + 128); k++) {
      const clip = newClip(gen.article(k), new Date(base + k * 60_000), `bench-${k}`);
      await tx.objectStore('clips').put(clip);
      await indexClip(tx, clip);
    }
    await tx.done;
    await compactIndex(db);
  }
  const total = await db.count('clips');
  db.close();
  return total;
}

(globalThis as { jianbaoFill?: typeof fill }).jianbaoFill = fill;
