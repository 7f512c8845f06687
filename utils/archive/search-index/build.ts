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
   * The doc being added (addClip): its distinct terms in the order first seen (`seen[id]` is the
   * doc's stamp once the term is in it, `slotOf[id]` where), and per term a chain of its positions.
   */
  private stamp = 0;
  private seen = new Int32Array(1024);
  private slotOf = new Int32Array(1024);
  private docTerms = new Int32Array(1 << 12);
  private docTermCount = 0;
  private first = new Int32Array(1 << 12);
  private last = new Int32Array(1 << 12);
  private at = new Uint8Array(1 << 12);
  private next = new Int32Array(1 << 12);
  private occurrences = 0;
  private positions = new Uint8Array(256);
  private readonly present = new Uint8Array(256);
  private readonly sink: TermSink = {
    pair: (code, position) => this.occur(this.pairs.get(code) ?? this.pairId(code), position),
    term: (term, position) => this.occur(this.termId(term), position),
  };

  constructor(
    readonly level: number,
    readonly shardCount = shardsFor(level),
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
    if (id === this.lastDoc.length) {
      this.lastDoc = grown(this.lastDoc, id * 2);
      this.termBytes = grown(this.termBytes, id * 2);
      this.seen = grown(this.seen, id * 2);
      this.slotOf = grown(this.slotOf, id * 2);
    }
    return id;
  }

  private occur(id: number, position: number): void {
    let slot: number;
    if (this.seen[id] !== this.stamp) {
      this.seen[id] = this.stamp;
      slot = this.docTermCount++;
      if (slot === this.docTerms.length) {
        this.docTerms = grown(this.docTerms, slot * 2);
        this.first = grown(this.first, slot * 2);
        this.last = grown(this.last, slot * 2);
      }
      this.slotOf[id] = slot;
      this.docTerms[slot] = id;
      this.first[slot] = -1;
    } else slot = this.slotOf[id]!;
    if (position < 0) return;
    const k = this.occurrences++;
    if (k === this.at.length) {
      this.at = grown(this.at, k * 2);
      this.next = grown(this.next, k * 2);
    }
    this.at[k] = position;
    this.next[k] = -1;
    if (this.first[slot] === -1) this.first[slot] = k;
    else this.next[this.last[slot]!] = k;
    this.last[slot] = k;
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
    this.stamp++;
    this.docTermCount = 0;
    this.occurrences = 0;
    for (const field of [...head, ...rest]) {
      if (field) scanTerms(field, offset, this.sink);
      textLength += field.length;
      // a gap between fields, so that their positions never look consecutive
      offset += field.length + 7;
    }
    // each term in turn (in term number order: the arena stores number differences)
    for (const id of this.docTerms.subarray(0, this.docTermCount).sort()) {
      let count = 0;
      for (let k = this.first[this.slotOf[id]!]!; k !== -1; k = this.next[k]!) {
        if (count === this.positions.length) this.positions = grown(this.positions, count * 2);
        this.positions[count++] = this.at[k]!;
      }
      this.append(id, doc, this.positions, 0, distinctAscending(this.positions, count, this.present));
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
        let idDelta = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = data[at++]!;
          idDelta += (byte & 0x7f) * 2 ** shift;
          if (!(byte & 0x80)) break;
        }
        id += idDelta % 2 ? -(idDelta + 1) / 2 : idDelta / 2;
        const start = at;
        while (data[at++]! & 0x80);
        let count = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = data[at++]!;
          count += (byte & 0x7f) * 2 ** shift;
          if (!(byte & 0x80)) break;
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

/**
 * Turns `values[0…count)` (positions, in the order they occur: they wrap at 256) into the distinct
 * ones ascending, at most 255 (a count byte in the tail's form); returns how many. A term has a
 * few positions in a doc (an insertion sort); a common one, many (marked in `present`, 256 bytes
 * left all zero).
 */
function distinctAscending(values: Uint8Array, count: number, present: Uint8Array): number {
  if (count > 16) {
    for (let i = 0; i < count; i++) present[values[i]!] = 1;
    let kept = 0;
    for (let value = 0; value < 256; value++)
      if (present[value]) {
        present[value] = 0;
        if (kept < 255) values[kept++] = value;
      }
    return kept;
  }
  for (let i = 1; i < count; i++) {
    const value = values[i]!;
    let j = i - 1;
    for (; j >= 0 && values[j]! > value; j--) values[j + 1] = values[j]!;
    values[j + 1] = value;
  }
  let kept = 0;
  for (let i = 0; i < count; i++)
    if (kept === 0 || values[i] !== values[kept - 1]) values[kept++] = values[i]!;
  return kept;
}

/** A copy of `array` with room for `size` items. */
function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** An open-addressing hash table from 32-bit numbers (BMP bigrams) to term numbers. */
class PairTable {
  private keys = new Uint32Array(1 << 14);
  /** term number + 1; 0 for an empty slot */
  private values = new Int32Array(1 << 14);
  private size = 0;

  /** 32 − log2 of the slots: a slot is the product's top bits (its low bits depend on the key's only) */
  private shift = 32 - 14;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.values[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  get(key: number): number | undefined {
    const value = this.values[this.slot(key)]!;
    return value === 0 ? undefined : value - 1;
  }

  set(key: number, id: number): void {
    if ((this.size + 1) * 2 > this.keys.length) {
      const { keys, values } = this;
      this.keys = new Uint32Array(keys.length * 2);
      this.values = new Int32Array(keys.length * 2);
      this.shift--;
      for (let i = 0; i < keys.length; i++) if (values[i] !== 0) this.place(keys[i]!, values[i]!);
    }
    this.place(key, id + 1);
    this.size++;
  }

  private place(key: number, value: number): void {
    const slot = this.slot(key);
    this.keys[slot] = key;
    this.values[slot] = value;
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
