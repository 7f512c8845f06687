/**
 * From clips to segments: a clip's terms in the packed form the tail stores, its summary for the
 * search, and SegmentBuilder, which turns docs (from the tail, an import, a rebuild or a merge) into
 * encoded shards.
 */
import type { Clip, SummaryFields } from '../../model/article';
import type { SearchDoc, SegmentShard } from '../records';
import { searchFields, termPositions } from '../search-text';
import { Bytes, encodeShard, PostingWriter, termHash, VarintReader } from './codec';

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
  const found = new Map<string, number[]>();
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
  for (const positions of found.values()) size += Math.min(positions.length, 255);
  const packed = new Uint8Array(size);
  let at = 0;
  for (const positions of found.values()) {
    // distinct positions in ascending order (there are at most 256)
    if (positions.length > 1) positions.sort((a, b) => a - b);
    const countAt = at++;
    let last = -1;
    for (const position of positions) {
      if (position === last) continue;
      packed[at++] = last = position;
      if (at - countAt - 1 === 255) break;
    }
    packed[countAt] = at - countAt - 1;
  }
  return { terms, positions: at === size ? packed : packed.slice(0, at), textLength };
}

/** The fields of a clip the search keeps for it (its summary in `searchDocs`). */
export type IndexedFields = SummaryFields & Pick<Clip, 'section'>;

/** Just those fields, copied: what an import holds of a clip until its prebuilt index arrives. */
export function indexedFields(clip: IndexedFields): IndexedFields {
  return {
    id: clip.id,
    title: clip.title,
    kicker: clip.kicker,
    source: clip.source,
    siteName: clip.siteName,
    host: clip.host,
    section: clip.section,
    tags: clip.tags,
    publishedAt: clip.publishedAt,
    publishedPrecision: clip.publishedPrecision,
    clippedAt: clip.clippedAt,
    updatedAt: clip.updatedAt,
    url: clip.url,
  };
}

export function searchDocOf(clip: IndexedFields, doc: number, textLength: number): SearchDoc {
  return { doc, ...indexedFields(clip), publishedPrecision: clip.publishedPrecision ?? null, textLength };
}

/** One segment being built in memory: docs must be added in ascending doc order. */
export class SegmentBuilder {
  private readonly terms = new Map<string, PostingWriter>();
  /** the docs added */
  docs = 0;

  constructor(
    readonly level: number,
    readonly shardCount = shardsFor(level),
  ) {}

  /** The writer of `term`'s postings, for the caller to append to (in ascending doc order). */
  writer(term: string): PostingWriter {
    let writer = this.terms.get(term);
    if (!writer) this.terms.set(term, (writer = new PostingWriter()));
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
    const shards = new Map<number, Map<string, PostingWriter>>();
    for (const [term, writer] of this.terms) {
      const number = termHash(term) % this.shardCount;
      let shard = shards.get(number);
      if (!shard) shards.set(number, (shard = new Map()));
      shard.set(term, writer);
    }
    this.terms.clear();
    for (const [number, postings] of shards) {
      yield [number, encodeShard(postings)];
      shards.delete(number);
    }
  }
}

/** A segment built before its docs had numbers: they are 0, 1, … until written (see rebaseShard). */
export interface SegmentPiece {
  docs: number;
  shardCount: number;
  shards: Array<[number, SegmentShard]>;
}

/**
 * An import's segments, built as its records arrive (as the worker stages each chunk), docs numbered
 * 1, 2, … across all pieces in the order added. `pieceDocs` docs per segment; every piece gets the
 * shard count of a full one, as its size is not known while it is built.
 */
export class SegmentPieces {
  constructor(private readonly pieceDocs = BUILD_PIECE) {}

  readonly pieces: SegmentPiece[] = [];
  /** per doc, in order: the length of the text indexed */
  readonly textLengths: number[] = [];
  private builder: SegmentBuilder | null = null;

  add(clip: Clip): void {
    const doc = this.textLengths.length;
    this.builder ??= new SegmentBuilder(levelFor(this.pieceDocs));
    const { terms, positions, textLength } = clipTerms(clip);
    // doc numbers start at 1 inside a piece: a posting's first delta is then never 0 (see rebaseShard)
    this.builder.add(doc + 1, terms, positions);
    this.textLengths.push(textLength);
    if (this.builder.docs === this.pieceDocs) this.close();
  }

  /** Encodes the piece being built. */
  close(): void {
    const builder = this.builder;
    this.builder = null;
    if (!builder || builder.docs === 0) return;
    this.pieces.push({ docs: builder.docs, shardCount: builder.shardCount, shards: [...builder.encode()] });
  }

  get count(): number {
    return this.textLengths.length;
  }
}

/**
 * A shard of a piece with its docs renumbered: doc d (1-based) becomes `base + d - 1`.
 * Postings store doc deltas, so only the first varint of each term's postings changes.
 */
export function rebaseShard(shard: SegmentShard, base: number): SegmentShard {
  const lengths = new VarintReader(shard.lengths, 0);
  const out = new Bytes(shard.data.length + 64);
  const newLengths = new Bytes(shard.lengths.length + 16);
  const terms = shard.keys === '' ? 0 : shard.keys.split('\n').length;
  let at = 0;
  for (let i = 0; i < terms; i++) {
    const end = at + lengths.next();
    const reader = new VarintReader(shard.data, at);
    const first = reader.next();
    const start = out.length;
    out.varint(first + base - 1);
    out.bytes(shard.data, reader.at, end);
    newLengths.varint(out.length - start);
    at = end;
  }
  return { keys: shard.keys, lengths: newLengths.take(), data: out.take() };
}
