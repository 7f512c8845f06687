/**
 * The index's records in IndexedDB and how writers change them inside their own transactions:
 * `indexClip`/`unindexClip` for one clip (a save, an edit, a delete), `BulkIndexer` for many (an
 * import, the rebuild of an upgrade), which writes finished segments and no tail.
 *
 * Records: `searchDocs` (doc number → SearchDoc; a doc number not there is dead), `indexTail` (doc →
 * its terms, until compaction folds them into a segment), `segments` ([segment, shard] → shard;
 * [0, 0] is the catalog of live segments), `indexMeta` ('state': doc counter, clip count, changes).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Clip } from '../../model/article';
import type { ArchiveIDB, IndexState, JianbaoDB, SearchDoc, SegmentCatalog } from '../records';
import { prepare, type PreparedDoc } from './doc-table';
import {
  BUILD_PIECE,
  clipTerms,
  levelFor,
  rebaseShard,
  SegmentBuilder,
  searchDocOf,
  type IndexedFields,
  type SegmentPieces,
} from './build';

export const CATALOG_KEY: [number, number] = [0, 0];
export const STATE_KEY = 'state';
export const EMPTY_STATE: IndexState = { nextDoc: 1, changes: 0, clips: 0 };
const emptyCatalog = (): SegmentCatalog => ({ nextSegment: 1, segments: [] });

/** The stores a clip write must include so that it can keep the index in step. */
export const CLIP_WRITE_STORES = ['clips', 'searchDocs', 'indexTail', 'indexMeta'] as const;
/** The stores a bulk write (an import) must include: it writes segments too. */
export const BULK_WRITE_STORES = [...CLIP_WRITE_STORES, 'segments'] as const;

type IndexStores = 'searchDocs' | 'indexTail' | 'indexMeta' | 'segments';
export type IndexWriteTx = IDBPTransaction<
  JianbaoDB,
  ArrayLike<StoreNames<JianbaoDB>>,
  'readwrite' | 'versionchange'
>;
type IndexTx = IDBPTransaction<JianbaoDB, IndexStores[], 'readwrite'>;
const indexTx = (tx: IndexWriteTx) => tx as unknown as IndexTx;

/** All shard keys of segment `id`. */
export const segmentRange = (id: number) => IDBKeyRange.bound([id, 0], [id, Infinity]);

export async function readCatalog(db: ArchiveIDB): Promise<SegmentCatalog> {
  return ((await db.get('segments', CATALOG_KEY)) as SegmentCatalog | undefined) ?? emptyCatalog();
}

/**
 * Indexes `clip` (replacing its previous entry) inside the caller's readwrite transaction, which
 * must include CLIP_WRITE_STORES. Call it after every put of a clip record.
 */
export async function indexClip(tx: IndexWriteTx, clip: Clip): Promise<void> {
  const t = indexTx(tx);
  const { terms, positions, textLength } = clipTerms(clip);
  const meta = t.objectStore('indexMeta');
  // both reads at once: every await here is a turn a concurrent compaction may take
  const [previous, state] = await Promise.all([
    t.objectStore('searchDocs').index('id').getKey(clip.id),
    meta.get(STATE_KEY),
  ]);
  const { nextDoc: doc, changes, clips = 0 } = state ?? EMPTY_STATE;
  await Promise.all([
    previous === undefined ? undefined : t.objectStore('searchDocs').delete(previous),
    previous === undefined ? undefined : t.objectStore('indexTail').delete(previous),
    meta.put(
      { nextDoc: doc + 1, changes: changes + 1, clips: previous === undefined ? clips + 1 : clips },
      STATE_KEY,
    ),
    t.objectStore('searchDocs').put(searchDocOf(clip, doc, textLength)),
    t.objectStore('indexTail').put({ doc, terms: terms.join('\n'), positions }),
  ]);
}

/** Removes the clip `id` from the index inside the caller's readwrite transaction (a no-op if absent). */
export async function unindexClip(tx: IndexWriteTx, id: string): Promise<void> {
  const t = indexTx(tx);
  const meta = t.objectStore('indexMeta');
  const [doc, state = EMPTY_STATE] = await Promise.all([
    t.objectStore('searchDocs').index('id').getKey(id),
    meta.get(STATE_KEY),
  ]);
  if (doc === undefined) return;
  await Promise.all([
    t.objectStore('searchDocs').delete(doc),
    t.objectStore('indexTail').delete(doc),
    meta.put(
      { nextDoc: state.nextDoc, changes: state.changes + 1, clips: Math.max(0, (state.clips ?? 1) - 1) },
      STATE_KEY,
    ),
  ]);
}

/** What a bulk write did to the docs (BulkIndexer.change). */
export interface BulkChange {
  before: IndexState;
  after: IndexState;
  written: PreparedDoc[];
  replaced: number[];
}

/**
 * Indexes many clips straight into finished segments, inside the caller's transaction (which must
 * include BULK_WRITE_STORES): an import or a rebuild. Nothing goes to the tail, so nothing is left
 * for compaction and the first search afterwards reads segments like any other; and since it is
 * the caller's transaction, a failure anywhere leaves the index as it was, with the clips.
 *
 * `start` reads the counters; `add` is synchronous (its requests are queued, not awaited, so the
 * transaction need not wait for each); `finish` writes the last segment and the counters. Segments
 * hold at most BUILD_PIECE docs, cut so that none of them is tiny when `total` is right.
 */
export class BulkIndexer {
  private readonly writes: Array<Promise<unknown>> = [];
  private builder: SegmentBuilder | null = null;
  private pieceLeft = 0;
  private added = 0;
  private readonly before: IndexState;
  /** with `keepDocs`: what the write did to the docs, for the doc table (SearchIndex.keepAfterBulkWrite) */
  private readonly kept: { written: PreparedDoc[]; replaced: number[] } | null;

  private constructor(
    private readonly tx: IndexTx,
    private state: IndexState,
    private readonly catalog: SegmentCatalog,
    /** how many clips the caller will add */
    private readonly total: number,
    keepDocs: boolean,
  ) {
    this.before = { ...state };
    this.kept = keepDocs ? { written: [], replaced: [] } : null;
  }

  /** Queues a request; its failure aborts the transaction and surfaces in `finish` (or the caller's abort). */
  private track(...requests: Array<Promise<unknown>>): void {
    for (const request of requests) {
      request.catch(() => undefined);
      this.writes.push(request);
    }
  }

  /**
   * `keepDocs`: keep the summaries written (and the docs they replace) in memory until the caller
   * takes them (`change`), for a doc table that need not read them back after the commit.
   */
  static async start(
    tx: IndexWriteTx,
    total: number,
    { keepDocs = false }: { keepDocs?: boolean } = {},
  ): Promise<BulkIndexer> {
    const t = indexTx(tx);
    const [state, catalog] = await Promise.all([
      t.objectStore('indexMeta').get(STATE_KEY),
      t.objectStore('segments').get(CATALOG_KEY) as Promise<SegmentCatalog | undefined>,
    ]);
    return new BulkIndexer(t, { ...EMPTY_STATE, ...state }, catalog ?? emptyCatalog(), total, keepDocs);
  }

  /** What the write did to the docs: the states before and after, the summaries written, the docs replaced. */
  get change(): BulkChange | null {
    return this.kept && { before: this.before, after: { ...this.state }, ...this.kept };
  }

  private putDoc(doc: SearchDoc): void {
    this.track(this.tx.objectStore('searchDocs').put(doc));
    // prepared now, a batch at a time, rather than 100,000 at once after the commit
    this.kept?.written.push(prepare(doc));
  }

  /** Indexes `clip` under a new doc number; `previousDoc` is the doc of its earlier version, if any. */
  add(clip: Clip, previousDoc?: number): void {
    const docs = this.tx.objectStore('searchDocs');
    if (previousDoc !== undefined) {
      this.track(docs.delete(previousDoc), this.tx.objectStore('indexTail').delete(previousDoc));
      this.kept?.replaced.push(previousDoc);
    } else this.state.clips = (this.state.clips ?? 0) + 1;
    if (!this.builder) {
      this.pieceLeft = Math.max(1, Math.min(BUILD_PIECE, this.total - this.added));
      this.builder = new SegmentBuilder(levelFor(this.pieceLeft));
    }
    const doc = this.state.nextDoc++;
    const textLength = this.builder.addClip(doc, clip);
    this.putDoc(searchDocOf(clip, doc, textLength));
    this.state.changes++;
    this.added++;
    if (--this.pieceLeft === 0) this.writeSegment();
  }

  private writeSegment(): void {
    const builder = this.builder;
    this.builder = null;
    if (!builder || builder.docs === 0) return;
    const id = this.catalog.nextSegment++;
    const store = this.tx.objectStore('segments');
    for (const [shard, record] of builder.encode()) this.track(store.put(record, [id, shard]));
    this.catalog.segments.push({ id, level: builder.level, docs: builder.docs, shards: builder.shardCount });
  }

  /**
   * Writes segments built ahead (SegmentPieces) for `clips`, the clips they were built from, in the
   * same order: they take the next doc numbers. Call before `add`.
   */
  addPieces(pieces: SegmentPieces, clips: readonly IndexedFields[]): void {
    if (pieces.count !== clips.length) throw new Error('the prebuilt index does not match the clips');
    const base = this.state.nextDoc;
    this.state.nextDoc += clips.length;
    this.state.changes += clips.length;
    this.state.clips = (this.state.clips ?? 0) + clips.length;
    clips.forEach((clip, i) => this.putDoc(searchDocOf(clip, base + i, pieces.textLengths[i]!)));
    const store = this.tx.objectStore('segments');
    for (const piece of pieces.pieces) {
      const id = this.catalog.nextSegment++;
      // the pieces number their docs 1, 2, … across the whole import
      for (const [shard, record] of piece.shards)
        this.track(store.put(rebaseShard(record, base), [id, shard]));
      this.catalog.segments.push({
        id,
        level: levelFor(piece.docs),
        docs: piece.docs,
        shards: piece.shardCount,
      });
    }
  }

  async finish(): Promise<void> {
    this.writeSegment();
    this.track(
      this.tx.objectStore('segments').put(this.catalog, CATALOG_KEY),
      this.tx.objectStore('indexMeta').put(this.state, STATE_KEY),
    );
    await Promise.all(this.writes);
  }
}

/**
 * Drops the whole index and builds it again from the clips, in finished segments, inside the
 * caller's transaction (a DB upgrade that changes the index layout). Reads the clips a batch at a
 * time, so the archive never has to fit in memory.
 */
export async function rebuildIndex(tx: IndexWriteTx): Promise<void> {
  const t = indexTx(tx);
  await Promise.all(
    (['searchDocs', 'indexTail', 'segments', 'indexMeta'] as const).map((s) => t.objectStore(s).clear()),
  );
  const clips = tx.objectStore('clips');
  const indexer = await BulkIndexer.start(tx, await clips.count());
  const BATCH = 500;
  for (let after: string | null = null; ;) {
    const batch: Clip[] = await clips.getAll(
      after === null ? null : IDBKeyRange.lowerBound(after, true),
      BATCH,
    );
    for (const clip of batch) indexer.add(clip);
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }
  await indexer.finish();
}
