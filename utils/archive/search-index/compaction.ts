/**
 * Compaction: folds the tail (the terms of clips saved one by one) into an immutable segment once
 * FLUSH_AT have gathered, and merges MERGE_FANOUT segments of one level into one of the next, up to
 * level MAX_MERGED_LEVEL. Runs in short transactions of its own, in the same thread as saves and
 * searches, so it hands the thread back between small pieces of work.
 *
 * A new segment's shards are written under an id reserved in the catalog but not listed in it, and
 * listed (with the tail records or merged segments it replaces removed) in one last transaction:
 * readers never see half a segment. A compaction killed half-way leaves unlisted shards that nothing
 * reads (ids are never reused); the next rebuild of the index drops them.
 */
import type { ArchiveIDB, SegmentCatalog, SegmentInfo, SegmentShard } from '../records';
import { BUILD_PIECE, FLUSH_AT, levelFor, MERGE_FANOUT, SegmentBuilder } from './build';
import { decodeShard, postingsAt, type Postings } from './codec';
import { CATALOG_KEY, readCatalog, segmentRange } from './layout';

/** Merges stop at the level imports write (BUILD_PIECE docs): bigger segments cost memory to build. */
export const MAX_MERGED_LEVEL = levelFor(BUILD_PIECE);
const SHARD_WRITES_PER_TX = 64;

/** Yields the thread: a message round trip, like setTimeout(0) without its 4 ms clamp when nested. */
export const pause = (): Promise<void> => {
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

/** Takes the next segment id for a segment about to be written (imports take theirs in their own transaction). */
async function reserveSegment(db: ArchiveIDB): Promise<number> {
  const tx = db.transaction('segments', 'readwrite');
  const catalog = ((await tx.store.get(CATALOG_KEY)) as SegmentCatalog | undefined) ?? {
    nextSegment: 1,
    segments: [],
  };
  const id = catalog.nextSegment;
  await tx.store.put({ ...catalog, nextSegment: id + 1 }, CATALOG_KEY);
  await tx.done;
  return id;
}

/** Writes a built segment's shards under a reserved id, a few transactions of shards at a time. */
async function writeShards(db: ArchiveIDB, id: number, builder: SegmentBuilder): Promise<void> {
  let batch: Array<[number, SegmentShard]> = [];
  const put = async () => {
    const tx = db.transaction('segments', 'readwrite');
    for (const [shard, record] of batch) void tx.store.put(record, [id, shard]);
    batch = [];
    await tx.done;
  };
  for (const entry of builder.encode()) {
    batch.push(entry);
    if (batch.length % 4 === 0) await pause();
    if (batch.length === SHARD_WRITES_PER_TX) await put();
  }
  if (batch.length) await put();
}

/** Lists segment `added` in the catalog and drops the `replaced` segments and the `tailDocs` it holds, at once. */
async function listSegment(
  db: ArchiveIDB,
  added: SegmentInfo,
  replaced: ReadonlySet<number>,
  tailDocs: readonly number[],
): Promise<void> {
  const tx = db.transaction(['indexTail', 'segments'], 'readwrite');
  const segments = tx.objectStore('segments');
  const current = ((await segments.get(CATALOG_KEY)) as SegmentCatalog | undefined) ?? {
    nextSegment: added.id + 1,
    segments: [],
  };
  await Promise.all([
    ...tailDocs.map((doc) => tx.objectStore('indexTail').delete(doc)),
    ...[...replaced].map((id) => segments.delete(segmentRange(id))),
    segments.put(
      {
        nextSegment: Math.max(current.nextSegment, added.id + 1),
        segments: [...current.segments.filter((s) => !replaced.has(s.id)), added],
      },
      CATALOG_KEY,
    ),
  ]);
  await tx.done;
}

/** Turns the tail into a segment when it is big enough (or `force`); returns whether it did. */
export async function flushTail(db: ArchiveIDB, force: boolean): Promise<boolean> {
  const count = await db.count('indexTail');
  if (count === 0 || (!force && count < FLUSH_AT)) return false;
  // a tail left large (a worker stopped before compacting) flushes in pieces
  const tail = await db.getAll('indexTail', null, BUILD_PIECE);
  const builder = new SegmentBuilder(levelFor(tail.length));
  for (const [i, { doc, terms, positions }] of tail.entries()) {
    if (i % 4 === 3) await pause();
    builder.add(doc, terms.split('\n'), positions);
  }
  const id = await reserveSegment(db);
  await writeShards(db, id, builder);
  const info = { id, level: builder.level, docs: builder.docs, shards: builder.shardCount };
  await listSegment(
    db,
    info,
    new Set(),
    tail.map((record) => record.doc),
  );
  return true;
}

/**
 * Appends the live postings of one term from several segments to `builder`, in ascending doc
 * order. Segments may hold interleaved doc ranges (an import's segment is newer than a tail flushed
 * after it), so this is a real merge, not a concatenation. Adds the live docs written to `docs`.
 */
function mergePostings(
  lists: Postings[],
  live: ReadonlySet<number>,
  builder: SegmentBuilder,
  term: string,
  docs: Set<number>,
): void {
  const at = new Array<number>(lists.length).fill(0);
  // numbered on its first live posting: a term with none is left out of the segment
  let id = -1;
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k]!;
      if (at[k]! < list.docs.length && (best < 0 || list.docs[at[k]!]! < lists[best]!.docs[at[best]!]!))
        best = k;
    }
    if (best < 0) return;
    const list = lists[best]!;
    const i = at[best]!++;
    const doc = list.docs[i]!;
    if (!live.has(doc)) continue;
    docs.add(doc);
    if (id < 0) id = builder.termId(term);
    builder.append(id, doc, list.data, list.from[i]!, list.to[i]!);
  }
}

/** Merges MERGE_FANOUT segments of one level into one, dropping dead docs; returns whether it did. */
export async function mergeSegments(db: ArchiveIDB): Promise<boolean> {
  const catalog = await readCatalog(db);
  const byLevel = new Map<number, SegmentInfo[]>();
  for (const segment of catalog.segments) {
    if (segment.level >= MAX_MERGED_LEVEL) continue;
    byLevel.set(segment.level, [...(byLevel.get(segment.level) ?? []), segment]);
  }
  const group = [...byLevel.values()].find((segments) => segments.length >= MERGE_FANOUT);
  if (!group) return false;
  const victims = group
    .slice()
    .sort((a, b) => a.id - b.id)
    .slice(0, MERGE_FANOUT);
  const live = new Set(await db.getAllKeys('searchDocs'));
  const builder = new SegmentBuilder(victims[0]!.level + 1);
  // Shard counts are powers of two, so with `step` the smallest of them, the terms whose hash is r
  // modulo step lie in shards r, r + step, r + 2·step, … of every segment, old and new: merged
  // together, they make the new segment's shards r, r + step, … complete.
  const step = Math.min(builder.shardCount, ...victims.map((victim) => victim.shards));
  const docs = new Set<number>();
  for (let residue = 0; residue < step; residue++) {
    const tx = db.transaction('segments');
    const parts = await Promise.all(
      victims.flatMap((victim) =>
        Array.from(
          { length: victim.shards / step },
          (_, k) => tx.store.get([victim.id, residue + k * step]) as Promise<SegmentShard | undefined>,
        ),
      ),
    );
    const byTerm = new Map<string, Postings[]>();
    for (const part of parts) {
      if (!part) continue;
      const decoded = decodeShard(part);
      decoded.terms.forEach((term, index) => {
        const lists = byTerm.get(term);
        if (lists) lists.push(postingsAt(decoded, index));
        else byTerm.set(term, [postingsAt(decoded, index)]);
      });
    }
    for (const [term, lists] of byTerm) mergePostings(lists, live, builder, term, docs);
    if (residue % 4 === 3) await pause();
  }
  const id = await reserveSegment(db);
  builder.docs = docs.size;
  await writeShards(db, id, builder);
  await listSegment(
    db,
    { id, level: builder.level, docs: docs.size, shards: builder.shardCount },
    new Set(victims.map((victim) => victim.id)),
    [],
  );
  return true;
}
