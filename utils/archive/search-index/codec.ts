/**
 * The index's on-disk encoding: varints, one term's postings, and shards (sorted terms with their
 * postings). Pure functions over bytes: no IndexedDB here.
 *
 * A posting is a doc number (varint delta from the previous one in the list), the count of the
 * term's positions in that doc (varint), and the positions (bigram offsets modulo 256, one byte each).
 */
import type { SegmentShard } from '../records';

/** FNV-1a of the term: its shard in a segment of `shards` shards is termHash % shards. */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Reads, from `at` on, the varints Bytes.varint wrote. */
export class VarintReader {
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
export class Bytes {
  buffer: Uint8Array;
  length = 0;
  constructor(capacity = 16) {
    this.buffer = new Uint8Array(capacity);
  }
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
    // a posting's positions are a few bytes: a loop beats subarray + set, which allocate
    if (to - from < 32) for (let i = from; i < to; i++) this.buffer[this.length++] = source[i]!;
    else {
      this.buffer.set(source.subarray(from, to), this.length);
      this.length += to - from;
    }
  }
  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * A shard ready for lookups. Its terms stay one string until a caller wants them all: a query looks
 * up one or two terms in each of dozens of shards of thousands, and splitting them all cost more
 * than the lookups.
 */
export class DecodedShard {
  private list: string[] | undefined;

  constructor(
    readonly keys: string,
    /** where term i starts in `keys` */
    readonly keyStarts: Uint32Array,
    /** ends[i] is where term i's postings end in `data` */
    readonly ends: Uint32Array,
    readonly data: Uint8Array,
  ) {}

  get size(): number {
    return this.ends.length;
  }

  term(i: number): string {
    const end = i + 1 < this.keyStarts.length ? this.keyStarts[i + 1]! - 1 : this.keys.length;
    return this.keys.slice(this.keyStarts[i], end);
  }

  get terms(): string[] {
    return (this.list ??= this.keys === '' ? [] : this.keys.split('\n'));
  }
}

export function decodeShard(shard: SegmentShard): DecodedShard {
  const lengths = new VarintReader(shard.lengths, 0);
  const starts: number[] = [];
  if (shard.keys !== '')
    for (let at = 0; at >= 0; at = shard.keys.indexOf('\n', at) + 1 || -1) starts.push(at);
  const ends = new Uint32Array(starts.length);
  let end = 0;
  for (let i = 0; i < ends.length; i++) ends[i] = end += lengths.next();
  return new DecodedShard(shard.keys, Uint32Array.from(starts), ends, shard.data);
}

/** Where `term` is among a shard's sorted terms, or -1. */
export function termIndex(shard: DecodedShard, term: string): number {
  let low = 0;
  let high = shard.size - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const key = shard.term(mid);
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

/** The postings of the term at `index` of a shard (plain number arrays: no object per posting). */
export function postingsAt(shard: DecodedShard, index: number): Postings {
  const postings: Postings = { docs: [], from: [], to: [], data: shard.data };
  const reader = new VarintReader(shard.data, index === 0 ? 0 : shard.ends[index - 1]!);
  const end = shard.ends[index]!;
  let doc = 0;
  while (reader.at < end) {
    doc += reader.next();
    const count = reader.next();
    postings.docs.push(doc);
    postings.from.push(reader.at);
    postings.to.push(reader.at + count);
    reader.at += count;
  }
  return postings;
}

/**
 * Walks one term's postings in place, without building arrays: a query reads most of a common
 * bigram's list only to step over it, and decoding it into arrays cost more than the walk.
 */
export class PostingCursor {
  /** the current posting's doc, and where its positions lie in `data` */
  doc = 0;
  from = 0;
  to = 0;
  private at: number;
  /** the postings' length in bytes: a measure of how common the term is */
  readonly bytes: number;

  constructor(
    readonly data: Uint8Array,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.at = start;
    this.bytes = end - start;
  }

  /** The cursor over `term` in a shard, or null when the shard has no such term. */
  static of(shard: DecodedShard | null, term: string): PostingCursor | null {
    const index = shard ? termIndex(shard, term) : -1;
    if (index < 0) return null;
    return new PostingCursor(shard!.data, index === 0 ? 0 : shard!.ends[index - 1]!, shard!.ends[index]!);
  }

  /** Moves to the next posting; false when there is none. */
  next(): boolean {
    if (this.at >= this.end) return false;
    const data = this.data;
    let at = this.at;
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = data[at++]!;
      delta += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    let count = 0;
    shift = 0;
    do {
      byte = data[at++]!;
      count += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    this.doc += delta;
    this.from = at;
    this.at = this.to = at + count;
    return true;
  }

  /** Moves on to the first posting whose doc is `doc` or more (it may be where it is); false when none. */
  seek(doc: number): boolean {
    if (this.at === this.start && !this.next()) return false;
    while (this.doc < doc) if (!this.next()) return false;
    return true;
  }
}
