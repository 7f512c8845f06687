/**
 * One SearchIndex per open database (openArchive attaches it): what searches have read and decoded
 * of that database's index, and its compaction queue. Segments never change once listed and tail
 * records never change once written, so what is cached stays right; the catalog, the tail's list
 * and the doc counter are read afresh for every search (one small transaction).
 */
import type { IDBPTransaction } from 'idb';
import type {
  ArchiveIDB,
  JianbaoDB,
  IndexState,
  SearchDoc,
  SegmentCatalog,
  SegmentRecord,
  SegmentShard,
  TailRecord,
} from '../records';
import { decodeShard, type DecodedShard } from './codec';
import { DOC_TABLE_KEY, DocTable, prepare, type PreparedDoc } from './doc-table';
import { flushTail, mergeSegments, pause } from './compaction';
import { CATALOG_KEY, EMPTY_STATE, STATE_KEY, type BulkChange, type IndexWriteTx } from './layout';

/** A tail record with its terms unpacked: term → where its positions lie in `positions`. */
export interface UnpackedTail {
  doc: number;
  terms: Map<string, [number, number]>;
  positions: Uint8Array;
}

export interface IndexSnapshot {
  state: IndexState;
  catalog: SegmentCatalog;
  tail: UnpackedTail[];
}

// about 30 MB at most (a shard is ~15 kB; the few holding the commonest bigrams, more)
const SHARD_CACHE_LIMIT = 2000;
const MEMO_LIMIT = 4;
/** The kept doc table is written again once this many docs changed since (a write of ~10 MB at 100,000). */
const KEEP_TABLE_AFTER = 512;
const READ_BATCH = 1000;

function unpack(record: TailRecord): UnpackedTail {
  const terms = new Map<string, [number, number]>();
  let at = 0;
  for (const term of record.terms.split('\n')) {
    const n = record.positions[at++]!;
    terms.set(term, [at, at + n]);
    at += n;
  }
  return { doc: record.doc, terms, positions: record.positions };
}

export class SearchIndex {
  private readonly shards = new Map<string, DecodedShard | null>();
  private readonly tail = new Map<number, UnpackedTail>();
  private compacting: Promise<void> | undefined;
  private table: DocTable | undefined;
  private tableRead: Promise<DocTable> | undefined;
  /** docs added or removed since the table kept in the database (Infinity: none is kept) */
  private unkept: number | undefined;
  private keeping: Promise<void> | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(readonly db: ArchiveIDB) {}

  /** Reads what a search needs to look terms up: the counters, the catalog and the tail (cached by doc). */
  async snapshot(): Promise<IndexSnapshot> {
    const tx = this.db.transaction(['indexMeta', 'segments', 'indexTail']);
    const [state, catalog, tailKeys] = await Promise.all([
      tx.objectStore('indexMeta').get(STATE_KEY),
      tx.objectStore('segments').get(CATALOG_KEY) as Promise<SegmentCatalog | undefined>,
      tx.objectStore('indexTail').getAllKeys(),
    ]);
    const missing = tailKeys.filter((doc) => !this.tail.has(doc));
    const records = await Promise.all(missing.map((doc) => tx.objectStore('indexTail').get(doc)));
    for (const record of records) if (record) this.tail.set(record.doc, unpack(record));
    const tail: UnpackedTail[] = [];
    for (const doc of tailKeys) tail.push(this.tail.get(doc)!);
    // forget flushed or deleted tail docs
    if (this.tail.size > tail.length) {
      const current = new Set(tailKeys);
      for (const doc of this.tail.keys()) if (!current.has(doc)) this.tail.delete(doc);
    }
    return {
      state: state ?? EMPTY_STATE,
      catalog: catalog ?? { nextSegment: 1, segments: [] },
      tail,
    };
  }

  /** The decoded shards at these [segment, shard] keys (null where a shard holds no term). */
  async shardsAt(keys: ReadonlyArray<[number, number]>): Promise<Array<DecodedShard | null>> {
    const missing = keys.filter(([s, h]) => !this.shards.has(`${s}:${h}`));
    if (missing.length > 0) {
      const tx = this.db.transaction('segments');
      const records = await Promise.all(missing.map((key) => tx.store.get(key)));
      missing.forEach(([s, h], i) => {
        const record = records[i] as SegmentShard | undefined;
        this.shards.set(`${s}:${h}`, record ? decodeShard(record) : null);
      });
    }
    const found = keys.map(([s, h]) => this.shards.get(`${s}:${h}`) ?? null);
    // only bound the memory they take; the oldest read go first
    while (this.shards.size > SHARD_CACHE_LIMIT) this.shards.delete(this.shards.keys().next().value!);
    return found;
  }

  /**
   * The live docs as columns, newest clip first, as of the index's state now. A worker's first call
   * reads the table kept in the database (one record) and the docs written since; later calls read
   * only what changed. Concurrent calls share one read. `state`, when given, is the index's state
   * as the caller has just read it.
   */
  docTable(state?: IndexState): Promise<DocTable> {
    // a caller that has just read the state (a search's snapshot) spares a transaction
    if (state && this.table?.changes === state.changes) return Promise.resolve(this.table);
    this.tableRead ??= this.readTable().finally(() => (this.tableRead = undefined));
    return this.tableRead;
  }

  private async readTable(): Promise<DocTable> {
    const tx = this.db.transaction(['indexMeta', 'segments']);
    const [state = EMPTY_STATE, kept] = await Promise.all([
      tx.objectStore('indexMeta').get(STATE_KEY),
      this.table
        ? undefined
        : (tx.objectStore('segments').get(DOC_TABLE_KEY) as Promise<SegmentRecord | undefined>),
    ]);
    if (this.table?.changes === state.changes) return this.table;
    let base = this.table ?? (kept && 'docTable' in kept ? DocTable.fromRecord(kept) : null);
    // a table from before a rebuild (doc numbers start again) is no use
    if (base && base.nextDoc > state.nextDoc) base = null;
    // docs are numbered in the order written and never rewritten: the new ones lie above the table
    const added = await this.docsFrom(base?.nextDoc ?? 0, state.nextDoc);
    const dead = new Set<number>();
    // when the count says some of the table's docs died (a delete, an edit), find which
    if (base && (state.clips === undefined || base.size + added.length !== state.clips)) {
      const live = await this.db.getAllKeys('searchDocs', IDBKeyRange.upperBound(base.nextDoc, true));
      const alive = new Uint8Array(base.nextDoc);
      for (const doc of live) alive[doc] = 1;
      for (const doc of base.docs) if (!alive[doc]) dead.add(doc);
    }
    const table = base
      ? base.withChanges(added, dead, state.changes, state.nextDoc)
      : await DocTable.build(added, state.changes, state.nextDoc, pause);
    this.install(
      table,
      (this.table ? (this.unkept ?? Infinity) : base ? 0 : Infinity) + added.length + dead.size,
    );
    return table;
  }

  /**
   * The table to answer from, `unkept` docs changed since the kept one: kept for the next worker
   * once enough has changed.
   */
  private install(table: DocTable, unkept: number): void {
    this.table = table;
    this.unkept = unkept;
    if (unkept < KEEP_TABLE_AFTER) return;
    this.unkept = 0;
    // after the answer that needed it has gone
    this.keeping = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => this.keepTable(table))
      // a connection closed meanwhile (the worker stopping) keeps nothing, which is no fault
      .catch((error: Error) => {
        if (error.name !== 'InvalidStateError') console.warn('doc table not kept', error);
      });
  }

  /**
   * For a bulk write (an import) about to commit in `tx`: the table as of its end, from the
   * summaries it wrote, kept in `tx` with them, so that neither this worker nor the next reads them
   * back (after an import of 100,000 clips that took 4.6 s; kept after the commit instead, the write
   * of the table held the first search up for 2 s). Only on top of a table of the index as the
   * write found it, or of none when it held no clip; else null, and the next search reads the table
   * as usual. Hand the table to `adopt` once `tx` has committed.
   */
  async keepAfterBulkWrite(
    tx: IndexWriteTx,
    { before, after, written, replaced }: BulkChange,
  ): Promise<DocTable | null> {
    const current = this.table?.changes === before.changes && this.table.nextDoc === before.nextDoc;
    const base = current
      ? this.table!
      : before.clips === 0
        ? DocTable.empty(before.changes, before.nextDoc)
        : null;
    if (!base) return null;
    const table = base.withChanges(written, new Set(replaced), after.changes, after.nextDoc);
    await (tx as unknown as IDBPTransaction<JianbaoDB, ['segments'], 'readwrite'>)
      .objectStore('segments')
      .put(table.toRecord(), DOC_TABLE_KEY);
    return table;
  }

  /** A table kept by a write that has committed (keepAfterBulkWrite): the one to answer from. */
  adopt(table: DocTable): void {
    this.install(table, 0);
  }

  /**
   * The summaries of docs `from` ≤ doc < `to`, read a batch per transaction: each answer is
   * deserialised on this thread, and a whole archive's at once would hold up every other message
   * (the popup's list) for seconds. A doc deleted meanwhile is caught by the next read's count.
   */
  private async docsFrom(from: number, to: number): Promise<PreparedDoc[]> {
    const docs: PreparedDoc[] = [];
    // (a kept table that is current: no request at all)
    for (let after = from - 1; after + 1 < to;) {
      const batch = await this.db.getAll('searchDocs', IDBKeyRange.bound(after, to, true, true), READ_BATCH);
      // each batch's share of the work now, between requests, when other messages can be answered
      for (const doc of batch) docs.push(prepare(doc));
      if (batch.length < READ_BATCH) break;
      after = batch.at(-1)!.doc;
    }
    return docs;
  }

  /** Writes `table` as the kept one, unless the index has been cleared or rebuilt since it was read. */
  private async keepTable(table: DocTable): Promise<void> {
    const record = table.toRecord();
    const tx = this.db.transaction(['indexMeta', 'segments'], 'readwrite');
    const state = await tx.objectStore('indexMeta').get(STATE_KEY);
    if (state && state.nextDoc >= table.nextDoc && state.changes >= table.changes)
      await tx.objectStore('segments').put(record, DOC_TABLE_KEY);
    await tx.done;
  }

  /** Resolves once the background work started so far (keeping the doc table, compaction) is done. */
  async settled(): Promise<void> {
    await Promise.all([this.keeping, this.compacting]);
  }

  /** The summaries of these docs (dead ones left out), read in one transaction, in this order. */
  async readDocs(docs: readonly number[]): Promise<SearchDoc[]> {
    const tx = this.db.transaction('searchDocs');
    const found = await Promise.all(docs.map((doc) => tx.store.get(doc)));
    return found.filter((doc): doc is SearchDoc => doc !== undefined);
  }

  /** A value kept for the last few keys (the search's result lists, keyed by query and index state). */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    // a failed lookup is not kept
    if (value instanceof Promise) value.catch(() => this.memos.delete(key));
    while (this.memos.size > MEMO_LIMIT) this.memos.delete(this.memos.keys().next().value!);
    return value;
  }

  /**
   * Flushes the tail and merges segments until neither is due. Safe to call after every write: calls
   * made while one runs queue behind it. `force` flushes even a small tail (tests, benchmarks).
   */
  compact(options: { force?: boolean } = {}): Promise<void> {
    const run = async () => {
      for (;;) {
        const flushed = await flushTail(this.db, options.force ?? false);
        const merged = await mergeSegments(this.db);
        if (!flushed && !merged) return;
      }
    };
    const queued = (this.compacting ?? Promise.resolve()).then(run, run).finally(() => {
      if (this.compacting === queued) this.compacting = undefined;
    });
    this.compacting = queued;
    return queued;
  }
}
