/**
 * An import's search index, built in the archive page (in Web Workers, see index-worker.ts) rather
 * than in the service worker. The added clips are numbered in their order of addition; each chunk's
 * run of them goes to one of `lanes` open blocks in turn, so that every builder is busy all along
 * (a block is one segment, at most BUILD_PIECE docs). A finished block is one SegmentPieces (docs
 * 1…n), encoded to bytes with the runs of clip numbers it holds, and the worker writes it under its
 * next doc numbers (ImportWriter.addIndex). Blocks arrive in any order.
 */
import * as v from 'valibot';
import type { Clip } from '../model/article';
import type { SearchField } from '../archive/search-text';
import { BUILD_PIECE, SegmentPieces } from '../archive/search-index';

/** What the index reads of a clip: the page sends only these fields to its workers. */
export type IndexInput = Pick<Clip, SearchField>;

export const indexInput = (clip: Clip): IndexInput => ({
  title: clip.title,
  kicker: clip.kicker,
  subtitle: clip.subtitle,
  source: clip.source,
  siteName: clip.siteName,
  authors: clip.authors,
  editors: clip.editors,
  section: clip.section,
  tags: clip.tags,
  note: clip.note,
  textContent: clip.textContent,
});

/** Runs of added clips' numbers: [first, count] each, in the block's doc order. */
export type ClipRuns = Array<[number, number]>;

/** A finished block: the index of the added clips in `runs`, encoded (encodeBlock's parts). */
export interface IndexBlock {
  runs: ClipRuns;
  parts: Uint8Array[];
}

/** Blocks built at once: one per builder, but one for a small import (one segment, not several). */
export function laneCount(expected: number, workers: number): number {
  return expected < 2_000 ? 1 : Math.max(1, workers);
}

/**
 * Docs per block for `expected` clips over `lanes` lanes. The blocks still open when the file ends
 * are encoded, sent and written after it, while the import waits (the blocks that fill up earlier
 * are done while the file is read): when each lane's share fits one block, it is cut a little short
 * of it, so that a lane ends with a small block (an eighth of its share, 250–1,000 clips) rather
 * than with all of it.
 */
export function blockDocs(expected: number, lanes: number, max = BUILD_PIECE): number {
  const share = Math.ceil(expected / lanes);
  if (lanes < 2 || share > max) return max;
  return share - Math.min(1_000, Math.max(250, Math.ceil(share / 8)));
}

const HeaderSchema = v.strictObject({
  textLengths: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
  pieces: v.array(
    v.strictObject({
      docs: v.pipe(v.number(), v.integer(), v.minValue(1)),
      shardCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
      // per shard: [shard number, bytes of keys (UTF-8), of lengths, of data]
      shards: v.array(v.tuple([v.number(), v.number(), v.number(), v.number()])),
    }),
  ),
});

/**
 * One block as bytes: a 4-byte header length, the header (JSON), then every shard's bytes. Given
 * as its parts, each with a buffer of its own: the worker hands them over without copying them,
 * and the Blob the page makes of them joins them (one array of the block would be one more copy).
 */
export function encodeBlock(pieces: SegmentPieces): Uint8Array[] {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const header: v.InferOutput<typeof HeaderSchema> = { textLengths: [...pieces.textLengths], pieces: [] };
  for (const piece of pieces.pieces) {
    const shards: Array<[number, number, number, number]> = [];
    for (const [number, shard] of piece.shards) {
      const keys = encoder.encode(shard.keys);
      parts.push(keys, shard.lengths, shard.data);
      shards.push([number, keys.length, shard.lengths.length, shard.data.length]);
    }
    header.pieces.push({ docs: piece.docs, shardCount: piece.shardCount, shards });
  }
  const head = encoder.encode(JSON.stringify(header));
  const headLength = new Uint8Array(4);
  new DataView(headLength.buffer).setUint32(0, head.length);
  return [headLength, head, ...parts];
}

/** Byte arrays as one (a block's parts where no Blob joins them, a ZIP entry's chunks); one part is returned as is. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The block back as SegmentPieces; throws on bytes that do not hold one. */
export function decodeBlock(bytes: Uint8Array): SegmentPieces {
  const fail = (): never => {
    throw new Error('a damaged index block');
  };
  if (bytes.length < 4) fail();
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + headLength > bytes.length) fail();
  const decoder = new TextDecoder();
  const parsed = v.safeParse(HeaderSchema, JSON.parse(decoder.decode(bytes.subarray(4, 4 + headLength))));
  if (!parsed.success) throw new Error('a damaged index block');
  const header = parsed.output;
  const out = new SegmentPieces();
  let at = 4 + headLength;
  const take = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || at + n > bytes.length) fail();
    // a view, not a copy: every shard is rebased (rebaseShard copies it) before it is stored
    const part = bytes.subarray(at, at + n);
    at += n;
    return part;
  };
  let docs = 0;
  for (const piece of header.pieces) {
    const shards = piece.shards.map(([number, keys, lengths, data]): [number, SegmentPieceShard] => [
      number,
      { keys: decoder.decode(take(keys)), lengths: take(lengths), data: take(data) },
    ]);
    out.pieces.push({ docs: piece.docs, shardCount: piece.shardCount, shards });
    docs += piece.docs;
  }
  if (at !== bytes.length || docs !== header.textLengths.length) fail();
  out.textLengths.push(...header.textLengths);
  return out;
}

type SegmentPieceShard = SegmentPieces['pieces'][number]['shards'][number][1];

/** Where the page's clips are indexed: `add` each chunk's added clips, `finish` once all are added. */
export interface IndexBuilder {
  /** clips numbered `first`, `first + 1`, … in order of addition */
  add(first: number, clips: readonly IndexInput[]): void;
  /** resolves once the builders have caught up enough for more clips (memory stays bounded) */
  ready(): Promise<void>;
  /** every block built and handed to `onBlock` (awaited) */
  finish(): Promise<void>;
  close(): void;
}

/** Where blocks are built: clips go to a block as they come, and `end` gives its bytes. */
export interface BlockSink {
  add(block: number, clips: IndexInput[]): void;
  end(block: number): Promise<Uint8Array[]>;
  /** resolves once at most `clips` clips wait to be indexed */
  caughtUp(clips: number): Promise<void>;
  close(): void;
}

/**
 * Clips handed to the builders but not yet indexed, at most, before reading on (each holds its text
 * in a builder's queue until then). At 1,500, once the worker wrote faster (WRITE_BURST), the page
 * read further ahead of the builders and a 10,000-clip import's memory peak passed 1.2 GB in two
 * runs of six.
 */
export const MAX_INDEX_BACKLOG = 1_000;

interface OpenBlock {
  id: number;
  runs: ClipRuns;
  docs: number;
}

/**
 * Hands each chunk's clips to the next of `lanes` open blocks in turn, streaming them to the sink
 * as they come (the index is built while the file is still being read); a block is ended when it
 * is full (`maxDocs`) or at `finish`, and `onBlock` gets its bytes.
 */
export class BlockCutter implements IndexBuilder {
  private readonly open: Array<OpenBlock | null>;
  private nextId = 0;
  private turn = 0;
  private readonly building: Promise<void>[] = [];
  private failure: unknown = null;

  constructor(
    lanes: number,
    private readonly sink: BlockSink,
    private readonly onBlock: (block: IndexBlock) => Promise<void>,
    private readonly maxDocs = BUILD_PIECE,
  ) {
    this.open = Array.from({ length: Math.max(1, lanes) }, () => null);
  }

  add(first: number, clips: readonly IndexInput[]): void {
    if (clips.length === 0) return;
    const lane = this.turn++ % this.open.length;
    for (let at = 0; at < clips.length;) {
      const block = (this.open[lane] ??= { id: this.nextId++, runs: [], docs: 0 });
      const take = Math.min(clips.length - at, this.maxDocs - block.docs);
      this.sink.add(block.id, clips.slice(at, at + take));
      block.runs.push([first + at, take]);
      block.docs += take;
      at += take;
      if (block.docs === this.maxDocs) this.end(lane);
    }
  }

  private end(lane: number): void {
    const block = this.open[lane];
    this.open[lane] = null;
    if (!block) return;
    const done = this.sink.end(block.id).then((parts) => this.onBlock({ runs: block.runs, parts }));
    done.catch((error) => (this.failure ??= error));
    this.building.push(done);
  }

  ready(): Promise<void> {
    return this.sink.caughtUp(MAX_INDEX_BACKLOG);
  }

  async finish(): Promise<void> {
    for (let lane = 0; lane < this.open.length; lane++) this.end(lane);
    await Promise.allSettled(this.building);
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.sink.close();
  }
}

/** Builds blocks in this thread (tests; browsers without module workers). */
export class LocalBlockSink implements BlockSink {
  private readonly blocks = new Map<number, SegmentPieces>();
  constructor(private readonly docs: number) {}
  add(block: number, clips: IndexInput[]): void {
    let pieces = this.blocks.get(block);
    if (!pieces) this.blocks.set(block, (pieces = new SegmentPieces(this.docs)));
    // the index reads only the search fields (searchFields in search-text.ts)
    for (const clip of clips) pieces.add(clip as Clip);
  }
  async caughtUp(): Promise<void> {}
  async end(block: number): Promise<Uint8Array[]> {
    const pieces = this.blocks.get(block)!;
    this.blocks.delete(block);
    pieces.close();
    return encodeBlock(pieces);
  }
  close(): void {
    this.blocks.clear();
  }
}

export function localIndexBuilder(
  lanes: number,
  onBlock: (block: IndexBlock) => Promise<void>,
  maxDocs = BUILD_PIECE,
): IndexBuilder {
  return new BlockCutter(lanes, new LocalBlockSink(maxDocs), onBlock, maxDocs);
}
