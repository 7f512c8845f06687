/**
 * Bundled by popup.bench.ts and evaluated in an extension page: fills the extension's own archive
 * with generated clips, through the same index functions the worker's saves use.
 */
import { openArchive } from '../utils/archive/db';
import { fillArchive } from './fill';
import { generator } from './generate';

async function fill(count: number, from = 0): Promise<number> {
  const db = await openArchive();
  await fillArchive(db, generator(), count, () => {}, from);
  const total = await db.count('clips');
  db.close();
  return total;
}

(globalThis as { jianbaoFill?: typeof fill }).jianbaoFill = fill;
