/** Walking postings in place (utils/archive/search-index/codec.ts). */
import { describe, expect, it } from 'vitest';
import { SegmentBuilder } from '@/utils/archive/search-index/build';
import { decodeShard, PostingCursor } from '@/utils/archive/search-index/codec';

/** A shard holding one term with postings for `docs` (each with `doc % 5` positions). */
function shardOf(docs: number[]) {
  const builder = new SegmentBuilder(0, 1);
  const id = builder.termId('词');
  for (const doc of docs) {
    const positions = Uint8Array.from({ length: doc % 5 }, (_, i) => (doc + i) & 0xff);
    builder.append(id, doc, positions, 0, positions.length);
  }
  builder.append(builder.termId('另'), 1, new Uint8Array(0), 0, 0);
  return decodeShard([...builder.encode()][0]![1]);
}

describe('PostingCursor', () => {
  // a few hundred ascending docs with gaps, some wider than a varint byte
  const docs: number[] = [];
  for (let doc = 3; docs.length < 700; doc += 1 + ((doc * 7919) % 300)) docs.push(doc);
  const shard = shardOf(docs);

  it('walks every posting in order', () => {
    const cursor = PostingCursor.of(shard, '词')!;
    const walked: number[] = [];
    while (cursor.next()) walked.push(cursor.doc, cursor.to - cursor.from);
    expect(walked).toEqual(docs.flatMap((doc) => [doc, doc % 5]));
    expect(PostingCursor.of(shard, '无')).toBeNull();
    expect(PostingCursor.of(shard, '另')!.next()).toBe(true);
  });

  it('seeks to the first doc at or after each target, never back', () => {
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
    const cursor = PostingCursor.of(shard, '词')!;
    const landed = targets.map((target) =>
      cursor.seek(target) ? [cursor.doc, [...cursor.data.subarray(cursor.from, cursor.to)]] : null,
    );
    expect(landed).toEqual(
      targets.map((target) => {
        const doc = docs.find((d) => d >= target);
        return doc === undefined ? null : [doc, Array.from({ length: doc % 5 }, (_, i) => (doc + i) & 0xff)];
      }),
    );
  });
});
