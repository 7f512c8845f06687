/**
 * From clips to segments: a clip's terms in the packed form the tail stores, its summary for the
 * search, and SegmentBuilder, which turns docs (from the tail, an import, a rebuild or a merge) into
 * encoded shards.
 */
import type { Clip, SummaryFields } from '../../model/article';
import type { SearchDoc, SegmentShard } from '../records';
import {
  pairTerm,
  scanTerms,
  searchFields,
  termPositions,
  type SearchField,
  type TermSink,
} from '../search-text';
import { Bytes, termHash, VarintReader } from './codec';

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

/**
 * One segment being built in memory: docs must be added in ascending doc order (or, in a merge,
 * each term's postings in ascending doc order). An arena, not an object per term: terms are
 * numbered as first seen (a CJK bigram through `pairs`, by its two code units, with no string made
 * until the term is new), and every posting is appended, after its term's number, to a list of
 * byte chunks (never copied to grow). `encode` sorts the terms and copies each posting into its
 * shard. A segment of 8,192 clips has hundreds of thousands of terms and millions of postings: a
 * writer object and buffer per term cost more in allocation and memory than the postings themselves.
 */
export class SegmentBuilder {
  /** the docs added */
  docs = 0;
  /** term → number, for terms of other lengths than two code units */
  private readonly ids = new Map<string, number>();
  private readonly pairs = new PairTable();
  /** by term number: the term, the doc of its last posting (postings store doc deltas), its bytes */
  private readonly terms: string[] = [];
  private lastDoc = new Float64Array(1024);
  private termBytes = new Int32Array(1024);
  /**
   * The postings in the order added, each as its term number's difference from the last posting's
   * (zigzag varint: within a doc they ascend) then the posting as stored (doc delta, position
   * count, positions). Full chunks, then the one being filled; a posting never straddles two.
   */
  private readonly full: Uint8Array[] = [];
  private chunk = new Uint8Array(1 << 16);
  private chunkLength = 0;
  private lastId = 0;
  /**
   * The doc being added (addClip): one number per term occurrence, term number × 512 + position + 1
   * (0 for an occurrence without a position). Sorted, they are the doc's terms in number order, each
   * with its positions ascending: one sort of numbers in place of a map or a chain per term.
   * 32-bit numbers (radix-sorted) while the term numbers fit, doubles (the native sort) once a
   * segment has `wideTerms` terms.
   */
  private occurrences: Uint32Array | Float64Array = new Uint32Array(1 << 12);
  private occurrenceCount = 0;
  private positions = new Uint8Array(256);
  private scratch = new Uint32Array(1 << 12);
  private readonly counts = new Int32Array(RADIX);
  private readonly sink: TermSink = {
    bigrams: (run, base) => this.addBigrams(run, base),
    term: (term, position) => this.occur(this.termId(term), position),
  };

  constructor(
    readonly level: number,
    readonly shardCount = shardsFor(level),
    /** term numbers from here on are too large for 32-bit occurrences (lower in tests only) */
    private readonly wideTerms = WIDE_TERMS,
  ) {}

  /** The number of `term`, new ones numbered in turn. */
  termId(term: string): number {
    // every two-unit term is found by its code, whichever way it came (scanTerms gives a bigram
    // holding a character outside the BMP as a string)
    if (term.length === 2) {
      const code = term.charCodeAt(0) * 0x10000 + term.charCodeAt(1);
      return this.pairs.get(code) ?? this.pairId(code);
    }
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.newTerm(term)));
    return id;
  }

  private pairId(code: number): number {
    const id = this.newTerm(pairTerm(code));
    this.pairs.set(code, id);
    return id;
  }

  private newTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id === this.wideTerms) this.occurrences = Float64Array.from(this.occurrences);
    if (id === this.lastDoc.length) {
      this.lastDoc = grown(this.lastDoc, id * 2);
      this.termBytes = grown(this.termBytes, id * 2);
    }
    return id;
  }

  private occur(id: number, position: number): void {
    if (this.occurrenceCount === this.occurrences.length)
      this.occurrences = grown(this.occurrences, this.occurrenceCount * 2);
    this.occurrences[this.occurrenceCount++] = id * 512 + position + 1;
  }

  /** scanTerms' bigrams of a BMP CJK run (see TermSink), each found by its two code units. */
  private addBigrams(run: string, base: number): void {
    const count = run.length - 1;
    if (this.occurrenceCount + count > this.occurrences.length)
      this.occurrences = grown(this.occurrences, (this.occurrenceCount + count) * 2);
    let occurrences = this.occurrences;
    const pairs = this.pairs;
    let k = this.occurrenceCount;
    let left = run.charCodeAt(0);
    for (let i = 0; i < count; i++) {
      const right = run.charCodeAt(i + 1);
      const code = left * 0x10000 + right;
      let id = pairs.get(code);
      if (id === undefined) {
        id = this.pairId(code);
        // a new term may have widened the occurrences to doubles
        occurrences = this.occurrences;
      }
      occurrences[k++] = id * 512 + (base < 0 ? 0 : ((base + i) & 0xff) + 1);
      left = right;
    }
    this.occurrenceCount = k;
  }

  /**
   * Appends a posting of term number `id`: `doc` (above the term's last), with the positions
   * `source[from…to)` (ascending, distinct, at most 255).
   */
  append(id: number, doc: number, source: Uint8Array, from: number, to: number): void {
    const count = to - from;
    if (this.chunkLength + 20 + count > this.chunk.length) {
      this.full.push(this.chunk.subarray(0, this.chunkLength));
      this.chunk = new Uint8Array(Math.max(20 + count, Math.min(1 << 20, this.chunk.length * 2)));
      this.chunkLength = 0;
    }
    const data = this.chunk;
    let at = this.chunkLength;
    let idDelta = id - this.lastId;
    this.lastId = id;
    idDelta = idDelta < 0 ? -2 * idDelta - 1 : 2 * idDelta;
    while (idDelta >= 0x80) {
      data[at++] = (idDelta & 0x7f) | 0x80;
      idDelta >>>= 7;
    }
    data[at++] = idDelta;
    const start = at;
    let delta = doc - this.lastDoc[id]!;
    this.lastDoc[id] = doc;
    while (delta >= 0x80) {
      data[at++] = (delta & 0x7f) | 0x80;
      delta >>>= 7;
    }
    data[at++] = delta;
    let n = count;
    while (n >= 0x80) {
      data[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    data[at++] = n;
    for (let i = from; i < to; i++) data[at++] = source[i]!;
    this.chunkLength = at;
    this.termBytes[id] = this.termBytes[id]! + at - start;
  }

  /** Adds a doc in the tail's packed form: its terms, and per term a count byte then its positions. */
  add(doc: number, terms: readonly string[], positions: Uint8Array): void {
    let at = 0;
    for (const term of terms) {
      const n = positions[at++]!;
      if (term) this.append(this.termId(term), doc, positions, at, at + n);
      at += n;
    }
    this.docs++;
  }

  /**
   * Adds a clip's search fields as doc `doc`, as clipTerms would give them to `add` (the same
   * bytes), without the strings and maps; returns the length of the text indexed.
   */
  addClip(doc: number, clip: Pick<Clip, SearchField>): number {
    const { head, rest } = searchFields(clip);
    let offset = 0;
    let textLength = 0;
    this.occurrenceCount = 0;
    for (const field of [...head, ...rest]) {
      if (field) scanTerms(field, offset, this.sink);
      textLength += field.length;
      // a gap between fields, so that their positions never look consecutive
      offset += field.length + 7;
    }
    // term by term in number order (the arena stores number differences), positions ascending
    const occurrences = this.occurrences.subarray(0, this.occurrenceCount);
    let sorted: Uint32Array | Float64Array;
    if (occurrences instanceof Float64Array) sorted = occurrences.sort();
    else {
      if (this.scratch.length < occurrences.length) this.scratch = new Uint32Array(this.occurrences.length);
      sorted = radixSort(occurrences, this.scratch.subarray(0, occurrences.length), this.counts);
    }
    const positions = this.positions;
    for (let k = 0; k < sorted.length;) {
      const id = Math.floor(sorted[k]! / 512);
      const end = (id + 1) * 512;
      let count = 0;
      let last = 0;
      for (; k < sorted.length && sorted[k]! < end; k++) {
        const mark = sorted[k]! - id * 512;
        // 0: an occurrence without a position; a position repeats when it wraps at 256
        if (mark === 0 || mark === last) continue;
        last = mark;
        // at most 255 positions (a count byte in the tail's form): the lowest
        if (count < 255) positions[count++] = mark - 1;
      }
      this.append(id, doc, positions, 0, count);
    }
    this.docs++;
    return textLength;
  }

  /**
   * The encoded shards, by shard number; the builder is spent afterwards. Terms are given their
   * shards only here, so a segment whose size was not known while it was built can take the shard
   * count of the size it has (`shardCount`, a power of two).
   */
  *encode(shardCount = this.shardCount): Generator<[number, SegmentShard]> {
    const termCount = this.terms.length;
    // term numbers by shard, then by term within each shard
    const shardOf = new Int32Array(termCount);
    const shardStarts = new Int32Array(shardCount + 1);
    for (let id = 0; id < termCount; id++) {
      if (this.termBytes[id] === 0) continue;
      shardOf[id] = termHash(this.terms[id]!) % shardCount;
      shardStarts[shardOf[id]! + 1]!++;
    }
    for (let shard = 0; shard < shardCount; shard++) shardStarts[shard + 1]! += shardStarts[shard]!;
    const order = new Int32Array(shardStarts[shardCount]!);
    const filled = shardStarts.slice(0, shardCount);
    for (let id = 0; id < termCount; id++) if (this.termBytes[id]! > 0) order[filled[shardOf[id]!]!++] = id;
    const terms = this.terms;
    const byTerm = (a: number, b: number) => (terms[a]! < terms[b]! ? -1 : 1);
    // where each term's postings go in its shard's data
    const termAt = new Int32Array(termCount);
    const shardData: Uint8Array[] = [];
    for (let shard = 0; shard < shardCount; shard++) {
      const ids = order.subarray(shardStarts[shard]!, shardStarts[shard + 1]!).sort(byTerm);
      let size = 0;
      for (const id of ids) {
        termAt[id] = size;
        size += this.termBytes[id]!;
      }
      shardData.push(new Uint8Array(size));
    }
    // the postings in the order added, which is each term's doc order
    this.full.push(this.chunk.subarray(0, this.chunkLength));
    this.chunk = new Uint8Array(0);
    let id = 0;
    for (const data of this.full.splice(0)) {
      for (let at = 0; at < data.length;) {
        // most varints here are one byte (a doc's terms ascend; few positions): read those inline
        let idDelta = data[at++]!;
        if (idDelta & 0x80) {
          idDelta &= 0x7f;
          for (let shift = 7; ; shift += 7) {
            const byte = data[at++]!;
            idDelta += (byte & 0x7f) * 2 ** shift;
            if (!(byte & 0x80)) break;
          }
        }
        id += idDelta % 2 ? -(idDelta + 1) / 2 : idDelta / 2;
        const start = at;
        while (data[at++]! & 0x80);
        let count = data[at++]!;
        if (count & 0x80) {
          count &= 0x7f;
          for (let shift = 7; ; shift += 7) {
            const byte = data[at++]!;
            count += (byte & 0x7f) * 2 ** shift;
            if (!(byte & 0x80)) break;
          }
        }
        at += count;
        // a posting is a few bytes: a loop beats subarray + set, which allocate
        const out = shardData[shardOf[id]!]!;
        let to = termAt[id]!;
        for (let i = start; i < at; i++) out[to++] = data[i]!;
        termAt[id] = to;
      }
    }
    for (let shard = 0; shard < shardCount; shard++) {
      const ids = order.subarray(shardStarts[shard]!, shardStarts[shard + 1]!);
      if (ids.length === 0) continue;
      const lengths = new Bytes(ids.length + 16);
      const keys: string[] = [];
      for (const id of ids) {
        keys.push(terms[id]!);
        lengths.varint(this.termBytes[id]!);
      }
      yield [shard, { keys: keys.join('\n'), lengths: lengths.take(), data: shardData[shard]! }];
      shardData[shard] = new Uint8Array(0);
    }
  }
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * `keys` sorted, in `keys` or in `scratch` (as long): a least-significant-digit radix sort, three
 * passes of 11 bits. A doc's occurrences are a few thousand numbers in no order; a comparison sort
 * mispredicts a branch at every other comparison (V8's native sort took ~85 µs a doc), while each
 * pass here is two straight loops over them.
 */
function radixSort(keys: Uint32Array, scratch: Uint32Array, counts: Int32Array): Uint32Array {
  let from = keys;
  let to = scratch;
  const n = keys.length;
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & (RADIX - 1)]!++;
    // a digit all keys share (the top one, while term numbers are small) sorts nothing
    if (counts[(from[0]! >>> shift) & (RADIX - 1)] === n) continue;
    let sum = 0;
    for (let digit = 0; digit < RADIX; digit++) {
      const count = counts[digit]!;
      counts[digit] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const key = from[i]!;
      to[counts[(key >>> shift) & (RADIX - 1)]!++] = key;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Term numbers from here on no longer fit a doc's occurrence numbers in 32 bits (× 512). */
const WIDE_TERMS = 2 ** 23;

/** A copy of `array` with room for `size` items. */
function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/**
 * An open-addressing hash table from 32-bit numbers (BMP bigrams) to term numbers. Each slot is a
 * key and its value side by side: a lookup in a table of megabytes misses the cache once, not twice.
 */
class PairTable {
  /** per slot: the key, then the term number + 1 (0 for an empty slot) */
  private slots = new Uint32Array(2 << 14);
  private size = 0;

  /** 32 − log2 of the slots: a slot is the product's top bits (its low bits depend on the key's only) */
  private shift = 32 - 14;

  private slot(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  get(key: number): number | undefined {
    const value = this.slots[2 * this.slot(key) + 1]!;
    return value === 0 ? undefined : value - 1;
  }

  set(key: number, id: number): void {
    if ((this.size + 1) * 4 > this.slots.length) {
      const old = this.slots;
      this.slots = new Uint32Array(old.length * 2);
      this.shift--;
      for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i]!, old[i + 1]!);
    }
    this.place(key, id + 1);
    this.size++;
  }

  private place(key: number, value: number): void {
    const slot = this.slot(key);
    this.slots[2 * slot] = key;
    this.slots[2 * slot + 1] = value;
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
 * 1, 2, … across all pieces in the order added. `pieceDocs` docs per segment at most; each gets the
 * shard count of its level, as a merge would give it (a small last piece, few shards: fewer records
 * to write).
 */
export class SegmentPieces {
  constructor(private readonly pieceDocs = BUILD_PIECE) {}

  readonly pieces: SegmentPiece[] = [];
  /** per doc, in order: the length of the text indexed */
  readonly textLengths: number[] = [];
  private builder: SegmentBuilder | null = null;

  add(clip: Pick<Clip, SearchField>): void {
    const doc = this.textLengths.length;
    this.builder ??= new SegmentBuilder(levelFor(this.pieceDocs));
    // doc numbers start at 1 inside a piece: a posting's first delta is then never 0 (see rebaseShard)
    this.textLengths.push(this.builder.addClip(doc + 1, clip));
    if (this.builder.docs === this.pieceDocs) this.close();
  }

  /** Encodes the piece being built. */
  close(): void {
    const builder = this.builder;
    this.builder = null;
    if (!builder || builder.docs === 0) return;
    const shardCount = shardsFor(levelFor(builder.docs));
    this.pieces.push({ docs: builder.docs, shardCount, shards: [...builder.encode(shardCount)] });
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
  // one length per term: the terms are counted without splitting the keys
  const lengths = new VarintReader(shard.lengths, 0);
  const out = new Bytes(shard.data.length + 64);
  const newLengths = new Bytes(shard.lengths.length + 16);
  let at = 0;
  while (lengths.at < shard.lengths.length) {
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
