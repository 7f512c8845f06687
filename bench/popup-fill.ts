/**
 * Bundled by popup.bench.ts and evaluated in an extension page: fills the extension's own archive
 * with generated clips, through the same index functions the worker's saves use.
 */
import { openArchive } from '../utils/archive/db';
import { DOC_TABLE_KEY } from '../utils/archive/search-index/doc-table';
import { fillArchive } from './fill';
import { generator } from './generate';

async function fill(count: number, from = 0): Promise<number> {
  const db = await openArchive();
  await fillArchive(db, generator(), count, () => {}, from);
  const total = await db.count('clips');
  db.close();
  return total;
}

/** Drops the search's kept doc table: the worker then reads every summary, as after an import. */
async function dropTable(): Promise<void> {
  const db = await openArchive();
  await db.delete('segments', DOC_TABLE_KEY);
  db.close();
}

Object.assign(globalThis, { jianbaoFill: fill, jianbaoDropTable: dropTable });
