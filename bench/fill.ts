/**
 * Fills an archive with generated clips the way an import writes them: a transaction per
 * BUILD_PIECE clips, the clips and their finished index segments together (BulkIndexer). Clips
 * `from` to `count` - 1 are added (bench-<number> ids), so an archive can grow in steps.
 */
import { newClip } from '../utils/archive/clip-store';
import type { JianbaoDatabase } from '../utils/archive/db';
import { BULK_WRITE_STORES, BUILD_PIECE, BulkIndexer } from '../utils/archive/search-index';
import type { generator } from './generate';

export async function fillArchive(
  db: JianbaoDatabase,
  gen: ReturnType<typeof generator>,
  count: number,
  log: (line: string) => void = () => {},
  from = 0,
): Promise<void> {
  const base = Date.UTC(2024, 0, 1);
  for (let i = from; i < count; i += BUILD_PIECE) {
    const end = Math.min(count, i + BUILD_PIECE);
    const tx = db.transaction(BULK_WRITE_STORES, 'readwrite');
    const indexer = await BulkIndexer.start(tx, end - i);
    const writes: Array<Promise<unknown>> = [];
    for (let k = i; k < end; k++) {
      const clip = newClip(gen.article(k), new Date(base + k * 60_000), `bench-${k}`);
      writes.push(tx.objectStore('clips').put(clip));
      indexer.add(clip);
    }
    writes.push(indexer.finish());
    await Promise.all(writes);
    await tx.done;
    log(`  filled ${end} clips`);
  }
  await db.searchIndex.compact();
}
