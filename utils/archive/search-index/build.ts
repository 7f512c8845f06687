/**
 * From clips to segments: a clip's terms in the packed form the tail stores, its summary for the
 * search, and SegmentBuilder, which turns docs (from the tail, an import, a rebuild or a merge) into
 * encoded shards.
 */
import type { Clip } from '../../model/article';
import type { SearchDoc, SegmentShard } from '../records';
import { searchFields, termPositions } from '../search-text';
import { encodeShard, PostingWriter, termHash } from './codec';

/** Tail size at which it becomes a segment. */
export const FLUSH_AT = 128;
/** This many segments of one level merge into one of the next level. */
export const MERGE_FANOUT = 4;
/**
 * Docs per segment an import or a rebuild writes at most: level 3. Larger pieces would need more
 * memory while they are built (a posting writer per distinct term) for little gain in search time.
 */
export const BUILD_PIECE = FLUSH_AT * MERGE_FANOUT ** 3;

/**
 * Shards per segment grow with its level (×4, as its docs do), so that a shard stays near 20 kB: a
 * query term reads one per segment, and Chromium stores a value over 64 kB as a separate blob, which
 * takes about 3× as long to read (`npm run bench search` times both). Small segments get few shards, so a
 * flush writes few records. Every count is a power of two, so merges can re-hash between them.
 */
export function shardsFor(level: number): number {
  return Math.min(16_384, 64 * 4 ** level);
}

/** The level of a segment of `docs` docs: a flush of the tail is level 0, each merge one more. */
export function levelFor(docs: number): number {
  return Math.max(0, Math.round(Math.log(docs / FLUSH_AT) / Math.log(MERGE_FANOUT)));
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

export function searchDocOf(clip: Clip, doc: number, textLength: number): SearchDoc {
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
    clippedAt: clip.clippedAt,
    updatedAt: clip.updatedAt,
    url: clip.url,
    textLength,
  };
}

/** One segment being built in memory: docs must be added in ascending doc order. */
export class SegmentBuilder {
  private readonly shards = new Map<number, Map<string, PostingWriter>>();
  /** the docs added */
  docs = 0;

  constructor(
    readonly level: number,
    readonly shardCount = shardsFor(level),
  ) {}

  /** The writer of `term`'s postings, for the caller to append to (in ascending doc order). */
  writer(term: string): PostingWriter {
    const number = termHash(term) % this.shardCount;
    let shard = this.shards.get(number);
    if (!shard) this.shards.set(number, (shard = new Map()));
    let writer = shard.get(term);
    if (!writer) shard.set(term, (writer = new PostingWriter()));
    return writer;
  }

  /** Adds a doc in the tail's packed form: its terms, and per term a count byte then its positions. */
  add(doc: number, terms: readonly string[], positions: Uint8Array): void {
    let at = 0;
    for (const term of terms) {
      const n = positions[at++]!;
      if (term) this.writer(term).add(doc, positions, at, at + n);
      at += n;
    }
    this.docs++;
  }

  /** The encoded shards, by shard number; the builder is spent afterwards. */
  *encode(): Generator<[number, SegmentShard]> {
    for (const [number, postings] of this.shards) {
      yield [number, encodeShard(postings)];
      this.shards.delete(number);
    }
  }

  get shardsUsed(): number {
    return this.shards.size;
  }
}
