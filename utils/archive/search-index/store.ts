/**
 * One SearchIndex per open database (openArchive attaches it): what searches have read and decoded
 * of that database's index, and its compaction queue. Segments never change once listed and tail
 * records never change once written, so what is cached stays right; the catalog, the tail's list
 * and the doc counter are read afresh for every search (one small transaction).
 */
import type { ArchiveIDB, IndexState, SearchDoc, SegmentCatalog, SegmentShard, TailRecord } from '../records';
import { decodeShard, type DecodedShard } from './codec';
import { flushTail, mergeSegments } from './compaction';
import { CATALOG_KEY, EMPTY_STATE, STATE_KEY } from './layout';

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

/** The live docs, newest clip first, as of the index's `changes` counter. */
export interface DocList {
  changes: number;
  byDoc: Map<number, SearchDoc>;
  newestFirst: SearchDoc[];
}

// about 30 MB at most (a shard is ~15 kB; the few holding the commonest bigrams, more)
const SHARD_CACHE_LIMIT = 2000;
const MEMO_LIMIT = 4;

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
  private docList: DocList | undefined;
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

  /** The live docs, newest clip first; only docs added since the last call are read. */
  async liveDocs(changes: number): Promise<DocList> {
    const known = this.docList;
    if (known && known.changes === changes) return known;
    const tx = this.db.transaction('searchDocs');
    const keys = await tx.store.getAllKeys();
    const byDoc = new Map<number, SearchDoc>();
    const missing: number[] = [];
    for (const doc of keys) {
      const cached = known?.byDoc.get(doc);
      if (cached) byDoc.set(doc, cached);
      else missing.push(doc);
    }
    // docs never change once written (an edit makes a new doc), so only new ones are read
    const fetched =
      missing.length > 500 ? await tx.store.getAll() : await Promise.all(missing.map((d) => tx.store.get(d)));
    const added: SearchDoc[] = [];
    for (const doc of fetched) {
      if (!doc || byDoc.has(doc.doc)) continue;
      byDoc.set(doc.doc, doc);
      added.push(doc);
    }
    // after a save, one doc joins a list of up to 100,000 already sorted: merge, do not sort again
    const newestFirst =
      known && added.length < byDoc.size / 2
        ? mergeSorted(
            added.sort(newestFirstOrder),
            known.newestFirst.filter((doc) => byDoc.has(doc.doc)),
          )
        : [...byDoc.values()].sort(newestFirstOrder);
    this.docList = { changes, byDoc, newestFirst };
    return this.docList;
  }

  /** Whether liveDocs has read the list once (later calls read only the docs added since). */
  get docListLoaded(): boolean {
    return this.docList !== undefined;
  }

  /** The summaries of these docs (dead ones left out), read in one transaction. */
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

/** Two lists sorted newest first, as one. */
function mergeSorted(a: SearchDoc[], b: SearchDoc[]): SearchDoc[] {
  const merged: SearchDoc[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(newestFirstOrder(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

export function newestFirstOrder(a: SearchDoc, b: SearchDoc): number {
  return a.clippedAt < b.clippedAt ? 1 : a.clippedAt > b.clippedAt ? -1 : b.doc - a.doc;
}
