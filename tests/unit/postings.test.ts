/** Walking postings (utils/archive/search-index/codec.ts): in place, and decoded with galloping seeks. */
import { describe, expect, it } from 'vitest';
import {
  ArrayCursor,
  decodePostings,
  decodeShard,
  encodeShard,
  PostingCursor,
  PostingWriter,
  type PostingWalker,
} from '@/utils/archive/search-index/codec';

/** A shard holding one term with postings for `docs` (each with `doc % 5` positions). */
function shardOf(docs: number[]) {
  const writer = new PostingWriter();
  for (const doc of docs) {
    const positions = Uint8Array.from({ length: doc % 5 }, (_, i) => (doc + i) & 0xff);
    writer.add(doc, positions, 0, positions.length);
  }
  return decodeShard(encodeShard(new Map([['词', writer]])));
}

/** Where each seek lands: [doc, its positions] or null at the end. */
function seeks(walker: PostingWalker, targets: number[]) {
  return targets.map((target) =>
    walker.seek(target) ? [walker.doc, [...walker.data.subarray(walker.from, walker.to)]] : null,
  );
}

describe('posting walkers', () => {
  // a few hundred ascending docs with gaps, some wider than a varint byte
  const docs: number[] = [];
  for (let doc = 3; docs.length < 700; doc += 1 + ((doc * 7919) % 300)) docs.push(doc);
  const shard = shardOf(docs);

  it('walks every posting in order, in place or decoded', () => {
    const cursor = PostingCursor.of(shard, '词')!;
    const decoded = new ArrayCursor(decodePostings(PostingCursor.of(shard, '词')!));
    const walked = (walker: PostingWalker) => {
      const out: number[] = [];
      while (walker.next()) out.push(walker.doc, walker.to - walker.from);
      return out;
    };
    const expected = docs.flatMap((doc) => [doc, doc % 5]);
    expect(walked(cursor)).toEqual(expected);
    expect(walked(decoded)).toEqual(expected);
    expect(PostingCursor.of(shard, '无')).toBeNull();
  });

  it('seeks to the first doc at or after each target, both ways alike', () => {
    const targets = [
      0,
      3,
      4,
      docs[10]!,
      docs[10]! + 1,
      docs[11]!,
      docs[300]! - 1,
      docs[699]!,
      docs[699]! + 1,
    ];
    const expected = targets.map((target) => {
      const doc = docs.find((d) => d >= target);
      return doc === undefined ? null : [doc, Array.from({ length: doc % 5 }, (_, i) => (doc + i) & 0xff)];
    });
    // ascending targets, as a query seeks them; a seek never moves back
    expect(seeks(PostingCursor.of(shard, '词')!, targets)).toEqual(expected);
    expect(seeks(new ArrayCursor(decodePostings(PostingCursor.of(shard, '词')!)), targets)).toEqual(expected);
  });
});
