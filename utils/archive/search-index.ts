/**
 * The full-text index, kept in IndexedDB beside the clips: a bigram inverted index organised like a
 * small log-structured merge tree, because in Chromium every IndexedDB request costs about 0.2 ms
 * (updating 2,000 posting records per saved clip took 500–900 ms), while one larger record costs
 * hardly more than a small one.
 *
 * - Every indexed clip version gets a fresh doc number. Saving a clip writes three small records
 *   (`indexClip`): its summary (`searchDocs`), its terms (`indexTail`) and the doc counter. So the
 *   index changes in the same transaction as the clip, whoever the writer is.
 * - Deleting or re-clipping removes the doc from `searchDocs` (`unindexClip`); a doc number that is
 *   not there is dead, and searches ignore it. Merges drop dead docs for good.
 * - `compactIndex` runs after writes, in short transactions of its own: it turns the tail into an
 *   immutable segment, and merges four segments of one size into one of the next size. A segment is
 *   sharded by term hash, [segment, shard] → { sorted terms, posting lists }, so a query term reads
 *   one record per segment. A posting is the doc number (varint delta) and the bigram's positions
 *   in the doc modulo 256 (one byte each), which tell a phrase from its bigrams found apart.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Clip, DatePrecision } from '../model/article';
import type { JianbaoDB } from './db';
import { searchFields, termPositions, type QueryTerm } from './search-text';

/** What the search keeps of a clip: enough to filter, rank and list it without reading the clip. */
export interface SearchDoc {
  doc: number;
  id: string;
  title: string;
  kicker: string | null;
  source: string | null;
  siteName: string | null;
  host: string;
  section: string[];
  tags: string[];
  publishedAt: string | null;
  /** absent in docs written before clips recorded it (lists then show the time to the minute) */
  publishedPrecision?: DatePrecision | null;
  clippedAt: string;
  updatedAt: string;
  url: string;
  /** total length of the indexed text, for the size figures */
  textLength: number;
}

export interface TailRecord {
  doc: number;
  /** the doc's distinct terms, joined by \n */
  terms: string;
  /** for each term in order: its position count (one byte), then the positions (mod 256) */
  positions: Uint8Array;
}

export interface SegmentShard {
  /** sorted distinct terms, joined by \n */
  keys: string;
  /** the byte length of each term's postings in `data`, as varints (one byte for most terms) */
  lengths?: Uint8Array;
  /** ends[i] is where term i's postings end in `data`: the older form of `lengths`, 4 bytes a term */
  ends?: Uint32Array;
  /** each term's postings in doc order: varint doc delta, position count byte, positions */
  data: Uint8Array;
}

export interface SegmentInfo {
  id: number;
  level: number;
  docs: number;
  /** how many shards its terms are hashed into (absent: written before counts varied, LEGACY_SHARDS) */
  shards?: number;
}

export interface SegmentCatalog {
  nextSegment: number;
  segments: SegmentInfo[];
}

export type SegmentRecord = SegmentShard | SegmentCatalog;

export interface IndexState {
  nextDoc: number;
  /** how many clips are indexed: the archive's size without counting (O(n) in Chromium) */
  clips?: number;
  /** bumped by every index change, so readers know when their cached doc list is stale */
  changes: number;
}

/**
 * Shards per segment grow with its level (×4, as its docs do), so that a shard stays near 20 kB: a
 * query term reads one per segment, and Chromium stores a value over 64 kB as a separate blob, which
 * takes about 3× as long to read (`npm run bench search` times both). Small segments get few shards, so a
 * flush writes few records. Every count is a power of two, so merges can re-hash between them.
 */
export function shardsFor(level: number): number {
  return Math.min(16_384, 64 * 4 ** level);
}
/** The shard count of segments written before it depended on the level. */
export const LEGACY_SHARDS = 1024;
export function shardCount(segment: SegmentInfo): number {
  return segment.shards ?? LEGACY_SHARDS;
}
/** Tail size at which it becomes a segment. */
export const FLUSH_AT = 128;
/** This many segments of one level merge into one of the next level. */
export const MERGE_FANOUT = 4;
const CATALOG_KEY: [number, number] = [0, 0];
const STATE_KEY = 'state';

/** The stores a clip write must include so that it can keep the index in step. */
export const CLIP_WRITE_STORES = ['clips', 'searchDocs', 'indexTail', 'indexMeta'] as const;
type IndexStores = 'searchDocs' | 'indexTail' | 'indexMeta';
export type IndexWriteTx = IDBPTransaction<
  JianbaoDB,
  ArrayLike<StoreNames<JianbaoDB>>,
  'readwrite' | 'versionchange'
>;

/** FNV-1a of the term: its shard in a segment of `shards` shards is termHash % shards. */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A clip's terms with their positions (mod 256), in the tail's packed form. */
export function clipTerms(clip: Clip): { terms: string[]; positions: Uint8Array; textLength: number } {
  const { head, rest } = searchFields(clip);
  const found = new Map<string, Set<number>>();
  let offset = 0;
  let textLength = 0;
  for (const field of [...head, ...rest]) {
    if (field) termPositions(field, offset, found);
    textLength += field.length;
    // a gap between fields, so that their positions never look consecutive
    offset += field.length + 7;
  }
  const terms = [...found.keys()];
  let size = terms.length;
  for (const positions of found.values()) size += Math.min(positions.size, 255);
  const packed = new Uint8Array(size);
  let at = 0;
  for (const positions of found.values()) {
    const sorted = [...positions].sort((a, b) => a - b).slice(0, 255);
    packed[at++] = sorted.length;
    for (const position of sorted) packed[at++] = position;
  }
  return { terms, positions: packed, textLength };
}

function searchDocOf(clip: Clip, doc: number, textLength: number): SearchDoc {
  return {
    doc,
    id: clip.id,
    title: clip.title,
    kicker: clip.kicker,
    source: clip.source,
    siteName: clip.siteName,
    host: clip.host,
    section: clip.section,
    tags: clip.tags,
    publishedAt: clip.publishedAt,
    publishedPrecision: clip.publishedPrecision ?? null,
    clippedAt: clip.clippedAt,
    updatedAt: clip.updatedAt,
    url: clip.url,
    textLength,
  };
}

/**
 * Indexes `clip` (replacing its previous entry) inside the caller's readwrite transaction, which
 * must include CLIP_WRITE_STORES. Call it after every put of a clip record.
 */
export async function indexClip(tx: IndexWriteTx, clip: Clip): Promise<void> {
  const t = tx as unknown as IDBPTransaction<JianbaoDB, IndexStores[], 'readwrite'>;
  const { terms, positions, textLength } = clipTerms(clip);
  const meta = t.objectStore('indexMeta');
  // both reads at once: every await here is a turn a concurrent compaction may take
  const [previous, state] = await Promise.all([
    t.objectStore('searchDocs').index('id').getKey(clip.id),
    meta.get(STATE_KEY),
  ]);
  const { nextDoc: doc, changes, clips = 0 } = state ?? { nextDoc: 1, changes: 0 };
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
  const t = tx as unknown as IDBPTransaction<JianbaoDB, IndexStores[], 'readwrite'>;
  const meta = t.objectStore('indexMeta');
  const [doc, state] = await Promise.all([
    t.objectStore('searchDocs').index('id').getKey(id),
    meta.get(STATE_KEY),
  ]);
  if (doc === undefined) return;
  await Promise.all([
    t.objectStore('searchDocs').delete(doc),
    t.objectStore('indexTail').delete(doc),
    meta.put(
      {
        nextDoc: state?.nextDoc ?? 1,
        changes: (state?.changes ?? 0) + 1,
        clips: Math.max(0, (state?.clips ?? 1) - 1),
      },
      STATE_KEY,
    ),
  ]);
}

/**
 * Indexes many clips in the caller's readwrite transaction (an import, the v1 → v2 upgrade): one
 * read of the counter, every request in flight at once. Use this, not concurrent indexClip calls,
 * which would each read the same counter and hand out the same doc number.
 */
export async function indexClips(tx: IndexWriteTx, clips: readonly Clip[]): Promise<void> {
  if (clips.length === 0) return;
  const t = tx as unknown as IDBPTransaction<JianbaoDB, IndexStores[], 'readwrite'>;
  const meta = t.objectStore('indexMeta');
  const byId = t.objectStore('searchDocs').index('id');
  const [state, previous] = await Promise.all([
    meta.get(STATE_KEY),
    Promise.all(clips.map((clip) => byId.getKey(clip.id))),
  ]);
  let { nextDoc: doc, changes, clips: count = 0 } = state ?? { nextDoc: 1, changes: 0 };
  const writes: Array<Promise<unknown>> = [];
  const seen = new Set<string>();
  clips.forEach((clip, i) => {
    const old = previous[i];
    if (old !== undefined) {
      writes.push(t.objectStore('searchDocs').delete(old), t.objectStore('indexTail').delete(old));
    } else if (!seen.has(clip.id)) count++;
    seen.add(clip.id);
    const { terms, positions, textLength } = clipTerms(clip);
    writes.push(
      t.objectStore('searchDocs').put(searchDocOf(clip, doc, textLength)),
      t.objectStore('indexTail').put({ doc, terms: terms.join('\n'), positions }),
    );
    doc++;
    changes++;
  });
  writes.push(meta.put({ nextDoc: doc, changes, clips: count }, STATE_KEY));
  await Promise.all(writes);
}

// ---- segments ----

/** Reads, from `at` on, the varints Bytes.varint wrote. */
class VarintReader {
  constructor(
    readonly data: Uint8Array,
    public at: number,
  ) {}
  next(): number {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.data[this.at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }
}

/** A growable byte buffer. */
class Bytes {
  buffer = new Uint8Array(1024);
  length = 0;
  private room(extra: number) {
    if (this.length + extra <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }
  varint(value: number) {
    this.room(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }
  bytes(source: Uint8Array, from: number, to: number) {
    this.room(to - from);
    this.buffer.set(source.subarray(from, to), this.length);
    this.length += to - from;
  }
  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** One term's postings being written in doc order. */
class PostingWriter {
  out = new Bytes();
  last = 0;
  add(doc: number, positions: Uint8Array, from: number, to: number) {
    this.out.varint(doc - this.last);
    this.last = doc;
    this.out.varint(to - from);
    this.out.bytes(positions, from, to);
  }
}

/** Packs term → postings (written in doc order) into one shard record. */
export function encodeShard(postings: Map<string, PostingWriter>): SegmentShard {
  const terms = [...postings.keys()].sort();
  let size = 0;
  for (const writer of postings.values()) size += writer.out.length;
  const data = new Uint8Array(size);
  const lengths = new Bytes();
  let at = 0;
  for (const term of terms) {
    const out = postings.get(term)!.out;
    data.set(out.buffer.subarray(0, out.length), at);
    at += out.length;
    lengths.varint(out.length);
  }
  return { keys: terms.join('\n'), lengths: lengths.take(), data };
}

export interface DecodedShard {
  terms: string[];
  ends: Uint32Array;
  data: Uint8Array;
}

export function decodeShard(shard: SegmentShard): DecodedShard {
  const terms = shard.keys === '' ? [] : shard.keys.split('\n');
  let ends = shard.ends;
  if (!ends) {
    ends = new Uint32Array(terms.length);
    const lengths = new VarintReader(shard.lengths ?? new Uint8Array(), 0);
    let end = 0;
    for (let i = 0; i < terms.length; i++) ends[i] = end += lengths.next();
  }
  return { terms, ends, data: shard.data };
}

/** Calls `visit(doc, from, to)` for each posting of term `index`; positions are data[from, to). */
function eachPosting(
  shard: DecodedShard,
  index: number,
  visit: (doc: number, from: number, to: number) => void,
): void {
  const reader = new VarintReader(shard.data, index === 0 ? 0 : shard.ends[index - 1]!);
  const end = shard.ends[index]!;
  let doc = 0;
  while (reader.at < end) {
    doc += reader.next();
    const count = reader.next();
    visit(doc, reader.at, reader.at + count);
    reader.at += count;
  }
}

function termIndex(shard: DecodedShard, term: string): number {
  let low = 0;
  let high = shard.terms.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const key = shard.terms[mid]!;
    if (key === term) return mid;
    if (key < term) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** A term's postings in one shard: ascending docs, and where each doc's positions lie in `data`. */
export interface Postings {
  docs: number[];
  from: number[];
  to: number[];
  data: Uint8Array;
}

const NO_POSTINGS: Postings = { docs: [], from: [], to: [], data: new Uint8Array() };

/** The postings of `term` in a shard (plain number arrays: no object per posting). */
export function postingsOf(shard: DecodedShard, term: string): Postings {
  const index = termIndex(shard, term);
  if (index < 0) return NO_POSTINGS;
  const postings: Postings = { docs: [], from: [], to: [], data: shard.data };
  eachPosting(shard, index, (doc, from, to) => {
    postings.docs.push(doc);
    postings.from.push(from);
    postings.to.push(to);
  });
  return postings;
}

/**
 * Where `doc` is in ascending `docs` at or after `start`, or -1. Gallops from `start` before the
 * binary search: the docs sought come in ascending order, and for a common term the next one is
 * usually a step or two further on.
 */
function seek(docs: number[], doc: number, start: number): number {
  let low = start;
  let width = 1;
  // everything before `low` is below `doc`; widen the window until its last entry is not
  while (low + width - 1 < docs.length && docs[low + width - 1]! < doc) {
    low += width;
    width *= 2;
  }
  let high = Math.min(docs.length - 1, low + width - 1);
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = docs[mid]!;
    if (value === doc) return mid;
    if (value < doc) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

type Database = IDBPDatabase<JianbaoDB>;

async function readCatalog(db: Database): Promise<SegmentCatalog> {
  return (
    ((await db.get('segments', CATALOG_KEY)) as SegmentCatalog | undefined) ?? {
      nextSegment: 1,
      segments: [],
    }
  );
}

const SHARD_WRITES_PER_TX = 64;

/**
 * Compaction runs in the same thread as saves and searches: it hands the thread back between small
 * pieces of work, so that they wait for a piece, not for the whole compaction.
 */
const pause = (): Promise<void> => {
  // a message round trip yields like setTimeout(0), without its 4 ms clamp when nested
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

/** All shard keys of segment `id`. */
const segmentRange = (id: number) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/** Writes a segment's shards under an id the catalog does not list yet, so no reader sees it half-done. */
async function writeSegment(db: Database, id: number, shards: Map<number, Map<string, PostingWriter>>) {
  const entries = [...shards];
  // a previous attempt killed half-way may have left shards under this unlisted id
  await db.delete('segments', segmentRange(id));
  for (let i = 0; i < entries.length; i += SHARD_WRITES_PER_TX) {
    const encoded: Array<[number, SegmentShard]> = [];
    for (const [shard, postings] of entries.slice(i, i + SHARD_WRITES_PER_TX)) {
      encoded.push([shard, encodeShard(postings)]);
      if (encoded.length % 4 === 0) await pause();
    }
    const tx = db.transaction('segments', 'readwrite');
    for (const [shard, record] of encoded) void tx.store.put(record, [id, shard]);
    await tx.done;
  }
}

function writerFor(
  shards: Map<number, Map<string, PostingWriter>>,
  shardNo: number,
  term: string,
): PostingWriter {
  let shard = shards.get(shardNo);
  if (!shard) shards.set(shardNo, (shard = new Map()));
  let writer = shard.get(term);
  if (!writer) shard.set(term, (writer = new PostingWriter()));
  return writer;
}

/** Turns the tail into a segment when it is big enough; returns whether it did. */
async function flushTail(db: Database, force: boolean): Promise<boolean> {
  const count = await db.count('indexTail');
  if (count === 0 || (!force && count < FLUSH_AT)) return false;
  // large tails (after an upgrade or an import) flush in pieces the size of a level-2 segment
  const tail = await db.getAll('indexTail', null, FLUSH_AT * MERGE_FANOUT ** 2);
  const level = Math.max(0, Math.round(Math.log(tail.length / FLUSH_AT) / Math.log(MERGE_FANOUT)));
  const shardTotal = shardsFor(level);
  const shards = new Map<number, Map<string, PostingWriter>>();
  for (const [i, { doc, terms, positions }] of tail.entries()) {
    if (i % 4 === 3) await pause();
    let at = 0;
    for (const term of terms.split('\n')) {
      const n = positions[at++]!;
      if (term) writerFor(shards, termHash(term) % shardTotal, term).add(doc, positions, at, at + n);
      at += n;
    }
  }
  const catalog = await readCatalog(db);
  const id = catalog.nextSegment;
  await writeSegment(db, id, shards);
  const tx = db.transaction(['indexTail', 'segments'], 'readwrite');
  const current = ((await tx.objectStore('segments').get(CATALOG_KEY)) as SegmentCatalog | undefined) ?? {
    nextSegment: 1,
    segments: [],
  };
  await Promise.all([
    ...tail.map(({ doc }) => tx.objectStore('indexTail').delete(doc)),
    tx.objectStore('segments').put(
      {
        nextSegment: Math.max(current.nextSegment, id + 1),
        segments: [...current.segments, { id, level, docs: tail.length, shards: shardTotal }],
      },
      CATALOG_KEY,
    ),
  ]);
  await tx.done;
  return true;
}

/**
 * Merges MERGE_FANOUT segments of one level into one, dropping dead docs; returns whether it did.
 * Segments of one level hold ascending, disjoint doc ranges in id order (the tail flushes oldest
 * first, and a merge's docs are newer than every older segment's of the next level), so a term's
 * merged postings are its postings from each segment in id order.
 */
async function mergeSegments(db: Database): Promise<boolean> {
  const catalog = await readCatalog(db);
  const byLevel = new Map<number, SegmentInfo[]>();
  for (const segment of catalog.segments) {
    byLevel.set(segment.level, [...(byLevel.get(segment.level) ?? []), segment]);
  }
  const group = [...byLevel.values()].find((segments) => segments.length >= MERGE_FANOUT);
  if (!group) return false;
  const victims = group
    .slice()
    .sort((a, b) => a.id - b.id)
    .slice(0, MERGE_FANOUT);
  const live = new Set(await db.getAllKeys('searchDocs'));
  const level = victims[0]!.level + 1;
  const count = shardsFor(level);
  // Shard counts are powers of two, so with `step` the smallest of them, the terms whose hash is r
  // modulo step lie in shards r, r + step, r + 2·step, … of every segment, old and new: merged
  // together, they make the new segment's shards r, r + step, … complete.
  const step = Math.min(count, ...victims.map(shardCount));
  const merged = new Map<number, Map<string, PostingWriter>>();
  const docs = new Set<number>();
  for (let residue = 0; residue < step; residue++) {
    const tx = db.transaction('segments');
    const parts = await Promise.all(
      victims.map((victim) =>
        Promise.all(
          Array.from({ length: shardCount(victim) / step }, (_, k) =>
            tx.store.get([victim.id, residue + k * step]),
          ),
        ),
      ),
    );
    // victims in id order, so each term's postings are appended in doc order
    for (const part of parts.flat() as Array<SegmentShard | undefined>) {
      if (!part) continue;
      const decoded = decodeShard(part);
      decoded.terms.forEach((term, index) => {
        let writer: PostingWriter | undefined;
        eachPosting(decoded, index, (doc, from, to) => {
          if (!live.has(doc)) return;
          docs.add(doc);
          writer ??= writerFor(merged, termHash(term) % count, term);
          writer.add(doc, decoded.data, from, to);
        });
      });
    }
  }
  const id = catalog.nextSegment;
  await writeSegment(db, id, merged);
  const tx = db.transaction('segments', 'readwrite');
  const current = (await tx.store.get(CATALOG_KEY)) as SegmentCatalog;
  const gone = new Set(victims.map((s) => s.id));
  await Promise.all([
    tx.store.put(
      {
        nextSegment: Math.max(current.nextSegment, id + 1),
        segments: [
          ...current.segments.filter((s) => !gone.has(s.id)),
          { id, level, docs: docs.size, shards: count },
        ],
      },
      CATALOG_KEY,
    ),
    ...victims.map((s) => tx.store.delete(segmentRange(s.id))),
  ]);
  await tx.done;
  return true;
}

let compacting: Promise<void> | undefined;

/**
 * Flushes the tail and merges segments until neither is due. Safe to call after every write: calls
 * made while one runs share it. `force` flushes even a small tail (tests, benchmarks).
 */
export function compactIndex(db: Database, options: { force?: boolean } = {}): Promise<void> {
  const run = async () => {
    for (;;) {
      const flushed = await flushTail(db, options.force ?? false);
      const merged = await mergeSegments(db);
      if (!flushed && !merged) return;
    }
  };
  compacting = (compacting ?? Promise.resolve()).then(run, run).finally(() => {
    if (compacting === current) compacting = undefined;
  });
  const current = compacting;
  return current;
}

// ---- reading ----

/** Per database: decoded shards ("segment:shard") and tail records, which never change once written. */
interface ReadCache {
  shards: Map<string, DecodedShard | null>;
  tail: Map<number, TailRecord>;
}
const readCaches = new WeakMap<Database, ReadCache>();
function readCache(db: Database): ReadCache {
  let cache = readCaches.get(db);
  if (!cache) readCaches.set(db, (cache = { shards: new Map(), tail: new Map() }));
  return cache;
}
// about 30 MB at most (a shard is ~15 kB; the few holding the commonest bigrams, more)
const SHARD_CACHE_LIMIT = 2000;

export interface IndexSnapshot {
  state: IndexState;
  catalog: SegmentCatalog;
  /**
   * The tail's records as stored, not unpacked: after a big import the tail holds thousands of docs
   * (until compaction has flushed them) and a search looks up a few terms in each.
   */
  tail: Map<number, TailRecord>;
}

/** Reads what a search needs to look terms up: the catalog and the tail (cached by doc). */
export async function readSnapshot(db: Database): Promise<IndexSnapshot> {
  const tx = db.transaction(['indexMeta', 'segments', 'indexTail']);
  const [state, catalog, tailKeys] = await Promise.all([
    tx.objectStore('indexMeta').get(STATE_KEY),
    tx.objectStore('segments').get(CATALOG_KEY) as Promise<SegmentCatalog | undefined>,
    tx.objectStore('indexTail').getAllKeys(),
  ]);
  const tailCache = readCache(db).tail;
  const missing = tailKeys.filter((doc) => !tailCache.has(doc));
  const records =
    missing.length > FLUSH_AT
      ? await tx.objectStore('indexTail').getAll()
      : await Promise.all(missing.map((doc) => tx.objectStore('indexTail').get(doc)));
  for (const record of records) if (record && !tailCache.has(record.doc)) tailCache.set(record.doc, record);
  const tail = new Map<number, TailRecord>();
  for (const doc of tailKeys) tail.set(doc, tailCache.get(doc)!);
  // forget flushed or deleted tail docs
  if (tailCache.size > tailKeys.length) {
    for (const doc of tailCache.keys()) if (!tail.has(doc)) tailCache.delete(doc);
  }
  return {
    state: state ?? { nextDoc: 1, changes: 0 },
    catalog: catalog ?? { nextSegment: 1, segments: [] },
    tail,
  };
}

/** The ordinal of `term` among a tail record's \n-joined terms, or -1. */
function tailTermOrdinal(terms: string, term: string): number {
  for (let at = terms.indexOf(term); at >= 0; at = terms.indexOf(term, at + 1)) {
    const end = at + term.length;
    const whole =
      (at === 0 || terms.charCodeAt(at - 1) === 10) && (end === terms.length || terms.charCodeAt(end) === 10);
    if (!whole) continue;
    let ordinal = 0;
    for (let i = terms.indexOf('\n'); i >= 0 && i < at; i = terms.indexOf('\n', i + 1)) ordinal++;
    return ordinal;
  }
  return -1;
}

/** Where the positions of the term with this ordinal lie in a tail record's `positions`. */
function tailPositionsAt(positions: Uint8Array, ordinal: number): [number, number] {
  let at = 0;
  for (let i = 0; i < ordinal; i++) at += 1 + positions[at]!;
  return [at + 1, at + 1 + positions[at]!];
}

/** A tail record's terms → where their positions lie, built once per record (records never change). */
const unpackedTails = new WeakMap<TailRecord, Map<string, [number, number]>>();
function unpackedTail(record: TailRecord): Map<string, [number, number]> {
  let terms = unpackedTails.get(record);
  if (!terms) {
    terms = new Map();
    let at = 0;
    for (const term of record.terms.split('\n')) {
      const n = record.positions[at++]!;
      terms.set(term, [at, at + n]);
      at += n;
    }
    unpackedTails.set(record, terms);
  }
  return terms;
}

/**
 * A normal tail (under two flushes' worth) is looked up through each record's unpacked terms, kept
 * between searches. After a big import the tail holds thousands of docs until compaction has flushed
 * them; unpacking every term of each would take seconds and hundreds of MB, so then the few query
 * terms are found in the records as stored.
 */
const UNPACKED_TAIL_LIMIT = 2 * FLUSH_AT;

/** Where `term`'s positions lie in a tail record's `positions`, or null when the doc lacks it. */
function tailPositions(record: TailRecord, term: string, unpack: boolean): [number, number] | null {
  if (unpack) return unpackedTail(record).get(term) ?? null;
  const ordinal = tailTermOrdinal(record.terms, term);
  return ordinal < 0 ? null : tailPositionsAt(record.positions, ordinal);
}

async function loadShards(db: Database, keys: Array<[number, number]>): Promise<void> {
  const shardCache = readCache(db).shards;
  const missing = keys.filter(([s, h]) => !shardCache.has(`${s}:${h}`));
  if (missing.length === 0) return;
  const tx = db.transaction('segments');
  const records = await Promise.all(missing.map((key) => tx.store.get(key)));
  missing.forEach(([s, h], i) => {
    const record = records[i] as SegmentShard | undefined;
    shardCache.set(`${s}:${h}`, record ? decodeShard(record) : null);
  });
  // segments never change, so cached shards stay right; only bound the memory they take
  while (shardCache.size > SHARD_CACHE_LIMIT) shardCache.delete(shardCache.keys().next().value!);
}

/**
 * A phrase's bigrams, each with its positions (modulo 256) in one doc as data[from, to): does some
 * position p of the first have p+1 in the second, p+2 in the third, …? Called once per candidate
 * doc, so it allocates nothing: `bits` (8 words per bigram after the first) is the caller's.
 */
function consecutive(
  data: ArrayLike<Uint8Array>,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  count: number,
  bits: Uint32Array,
): boolean {
  bits.fill(0, 0, (count - 1) * 8);
  for (let k = 1; k < count; k++) {
    const positions = data[k]!;
    for (let i = from[k]!; i < to[k]!; i++) {
      const p = positions[i]!;
      bits[(k - 1) * 8 + (p >> 5)]! |= 1 << (p & 31);
    }
  }
  const first = data[0]!;
  for (let i = from[0]!; i < to[0]!; i++) {
    const start = first[i]!;
    let k = 1;
    for (; k < count; k++) {
      const p = (start + k) & 0xff;
      if ((bits[(k - 1) * 8 + (p >> 5)]! & (1 << (p & 31))) === 0) break;
    }
    if (k === count) return true;
  }
  return false;
}

/**
 * The doc numbers (live or dead) that contain `term`: every index term, and each phrase's bigrams at
 * consecutive positions. (Positions are modulo 256, so a rare coincidence can pass; the term's text
 * is exact only where `needsCheck` says the caller must look.) A common phrase has thousands of
 * candidates, so the loop over them works on plain arrays and reused buffers.
 */
export async function docsMatching(
  db: Database,
  snapshot: IndexSnapshot,
  term: QueryTerm,
): Promise<Set<number>> {
  const terms = term.indexTerms;
  if (terms.length === 0) return new Set();
  const segments = snapshot.catalog.segments;
  await loadShards(
    db,
    segments.flatMap((s) => terms.map((t) => [s.id, termHash(t) % shardCount(s)] as [number, number])),
  );
  const shardCache = readCache(db).shards;
  // each phrase as indexes into `terms` (a bigram missing from them can never be found)
  const phrases = term.phrases.map((phrase) => phrase.map((bigram) => terms.indexOf(bigram)));
  if (phrases.some((phrase) => phrase.includes(-1))) return new Set();
  const longest = Math.max(1, ...phrases.map((phrase) => phrase.length));
  const bits = new Uint32Array(8 * longest);
  const phraseData: Uint8Array[] = new Array(longest);
  const phraseFrom = new Int32Array(longest);
  const phraseTo = new Int32Array(longest);
  const found = new Set<number>();

  for (const segment of segments) {
    const postings = terms.map((t) => {
      const shard = shardCache.get(`${segment.id}:${termHash(t) % shardCount(segment)}`);
      return shard ? postingsOf(shard, t) : NO_POSTINGS;
    });
    // walk the rarest list; find each of its docs in the others (all ascending)
    const order = terms.map((_, i) => i).sort((a, b) => postings[a]!.docs.length - postings[b]!.docs.length);
    const rarest = postings[order[0]!]!;
    const at = new Int32Array(terms.length);
    for (let i = 0; i < rarest.docs.length; i++) {
      const doc = rarest.docs[i]!;
      at[order[0]!] = i;
      let all = true;
      for (let o = 1; o < order.length && all; o++) {
        const list = postings[order[o]!]!;
        const index = seek(list.docs, doc, at[order[o]!]!);
        if (index < 0) all = false;
        else at[order[o]!] = index;
      }
      if (!all) continue;
      const phrasesHold = phrases.every((phrase) => {
        phrase.forEach((t, k) => {
          const list = postings[t]!;
          phraseData[k] = list.data;
          phraseFrom[k] = list.from[at[t]!]!;
          phraseTo[k] = list.to[at[t]!]!;
        });
        return consecutive(phraseData, phraseFrom, phraseTo, phrase.length, bits);
      });
      if (phrasesHold) found.add(doc);
    }
  }
  const unpack = snapshot.tail.size <= UNPACKED_TAIL_LIMIT;
  const spans: Array<[number, number] | null> = new Array(terms.length);
  for (const [doc, record] of snapshot.tail) {
    let all = true;
    for (let t = 0; t < terms.length && all; t++)
      all = (spans[t] = tailPositions(record, terms[t]!, unpack)) !== null;
    if (!all) continue;
    const phrasesHold = phrases.every((phrase) => {
      phrase.forEach((t, k) => {
        phraseData[k] = record.positions;
        [phraseFrom[k], phraseTo[k]] = spans[t]!;
      });
      return consecutive(phraseData, phraseFrom, phraseTo, phrase.length, bits);
    });
    if (phrasesHold) found.add(doc);
  }
  return found;
}

/** Bytes the index takes, as stored (strings at two bytes a character), and bytes of text it indexes. */
export async function indexSize(
  db: Database,
): Promise<{ indexBytes: number; textBytes: number; docs: number }> {
  let indexBytes = 0;
  let cursor = await db.transaction('segments').store.openCursor();
  while (cursor) {
    const value = cursor.value;
    if ('keys' in value) {
      const offsets = (value.lengths ?? value.ends)?.byteLength ?? 0;
      indexBytes += value.keys.length * 2 + offsets + value.data.byteLength;
    }
    cursor = await cursor.continue();
  }
  for (const { terms, positions } of await db.getAll('indexTail')) {
    indexBytes += terms.length * 2 + positions.byteLength + 8;
  }
  let textBytes = 0;
  const docs = await db.getAll('searchDocs');
  for (const doc of docs) {
    textBytes += doc.textLength * 2;
    // the summaries are part of the index too
    indexBytes += JSON.stringify(doc).length * 2;
  }
  return { indexBytes, textBytes, docs: docs.length };
}
