/**
 * SegmentBuilder (utils/archive/search-index/build.ts) against the bytes the index stores: the
 * segments it builds from clips must be exactly those of the builder it replaced (a map of term →
 * posting buffer, fed by clipTerms), or stored indexes would change under an unchanged layout.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model/article';
import type { SegmentShard } from '@/utils/archive/records';
import { clipTerms, SegmentBuilder, SegmentPieces } from '@/utils/archive/search-index/build';
import { termHash } from '@/utils/archive/search-index/codec';
import { generator, random, storedClip } from '../../bench/generate';

type IndexInput = Parameters<SegmentBuilder['addClip']>[1];

/** Texts that reach every branch of the tokenizer: CJK runs of 1, 2 and more, astral characters, kana, Hangul, accents, full-width, words, numbers. */
function oddClips(count: number, seed: number): IndexInput[] {
  const rand = random(seed);
  const pieces = [
    '吉',
    '林',
    '长',
    '春',
    '𠀀',
    '𠀁',
    'a',
    'b',
    'é',
    'Ａ',
    '1',
    '2',
    ' ',
    '，',
    'ｶ',
    '한',
    '글',
    'ー',
    'x',
    'th',
    'ing',
    'sanctions',
    '-',
    '\u0301',
    '\n',
  ];
  const text = (length: number) =>
    Array.from({ length }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
  return Array.from({ length: count }, () => ({
    title: text(Math.floor(rand() * 40)),
    kicker: rand() < 0.5 ? text(5) : null,
    subtitle: rand() < 0.3 ? text(12) : null,
    source: '新华社',
    siteName: rand() < 0.5 ? '长春' : null,
    authors: rand() < 0.5 ? [text(3), 'Zhang Wei'] : [],
    editors: [],
    section: rand() < 0.5 ? ['吉林', text(2)] : [],
    tags: rand() < 0.3 ? [text(4)] : [],
    note: rand() < 0.3 ? text(30) : null,
    // long enough that positions wrap past 256 and a term repeats more than 255 times
    textContent: rand() < 0.05 ? '长春'.repeat(400) : text(Math.floor(rand() * 900)),
  }));
}

function clips(): IndexInput[] {
  const gen = generator(3, 1200);
  return [...oddClips(300, 11), ...Array.from({ length: 60 }, (_, i) => storedClip(gen, i))];
}

const digest = (shards: Iterable<[number, SegmentShard]>, hash = createHash('sha256')) => {
  for (const [number, shard] of [...shards].sort((a, b) => a[0] - b[0]))
    hash.update(`${number}\n${shard.keys}\n`).update(shard.lengths).update(shard.data);
  return hash;
};

/** The builder it replaced, as a specification: per term, its postings appended to a buffer. */
class ReferenceBuilder {
  readonly terms = new Map<string, { last: number; bytes: number[] }>();
  constructor(readonly shardCount: number) {}
  append(term: string, doc: number, positions: ArrayLike<number>) {
    let postings = this.terms.get(term);
    if (!postings) this.terms.set(term, (postings = { last: 0, bytes: [] }));
    const varint = (value: number) => {
      for (; value >= 0x80; value >>>= 7) postings.bytes.push((value & 0x7f) | 0x80);
      postings.bytes.push(value);
    };
    varint(doc - postings.last);
    postings.last = doc;
    varint(positions.length);
    postings.bytes.push(...Array.from(positions));
  }
  add(doc: number, clip: IndexInput) {
    const { terms, positions } = clipTerms(clip as Clip);
    let at = 0;
    for (const term of terms) {
      const n = positions[at++]!;
      this.append(term, doc, positions.subarray(at, at + n));
      at += n;
    }
  }
  encode(): Array<[number, SegmentShard]> {
    const shards = new Map<number, string[]>();
    for (const term of this.terms.keys()) {
      const number = termHash(term) % this.shardCount;
      shards.set(number, [...(shards.get(number) ?? []), term]);
    }
    return [...shards].map(([number, terms]) => {
      terms.sort();
      const lengths: number[] = [];
      for (const term of terms)
        for (let value = this.terms.get(term)!.bytes.length; ; value >>>= 7) {
          if (value < 0x80) {
            lengths.push(value);
            break;
          }
          lengths.push((value & 0x7f) | 0x80);
        }
      const data = Uint8Array.from(terms.flatMap((term) => this.terms.get(term)!.bytes));
      return [number, { keys: terms.join('\n'), lengths: Uint8Array.from(lengths), data }];
    });
  }
}

describe('SegmentBuilder', () => {
  it('builds from clips the bytes of the builder it replaced', () => {
    const all = clips();
    const reference = new ReferenceBuilder(64);
    const builder = new SegmentBuilder(0, 64);
    all.forEach((clip, i) => {
      // docs with gaps, some wider than a varint byte
      const doc = 1 + i * 97;
      reference.add(doc, clip);
      expect(builder.addClip(doc, clip)).toBe(clipTerms(clip as Clip).textLength);
    });
    expect(digest(builder.encode()).digest('hex')).toBe(digest(reference.encode()).digest('hex'));
  });

  it('builds the same bytes once its term numbers outgrow 32-bit occurrences (doubles then)', () => {
    const all = clips();
    const reference = new ReferenceBuilder(64);
    all.forEach((clip, i) => reference.add(i + 1, clip));
    const expected = digest(reference.encode()).digest('hex');
    // widened at these term numbers, in the middle of docs (of a word, of a run of bigrams)
    for (const wideTerms of [1, 40, 500, 3_000, 20_000]) {
      const builder = new SegmentBuilder(0, 64, wideTerms);
      all.forEach((clip, i) => builder.addClip(i + 1, clip));
      expect(digest(builder.encode()).digest('hex'), `widened at ${wideTerms}`).toBe(expected);
    }
  });

  it('takes the tail’s packed form and a merge’s postings, term by term, to the same bytes', () => {
    const all = clips().slice(0, 120);
    const fromTail = new SegmentBuilder(0, 16);
    const reference = new ReferenceBuilder(16);
    all.forEach((clip, i) => {
      const { terms, positions } = clipTerms(clip as Clip);
      fromTail.add(i + 1, terms, positions);
      reference.add(i + 1, clip);
    });
    // a merge appends each term's postings in doc order, one term after another
    const merged = new SegmentBuilder(0, 16);
    for (const [term, { bytes }] of reference.terms) {
      const id = merged.termId(term);
      let doc = 0;
      let at = 0;
      const varint = () => {
        let value = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = bytes[at++]!;
          value += (byte & 0x7f) * 2 ** shift;
          if (!(byte & 0x80)) return value;
        }
      };
      while (at < bytes.length) {
        doc += varint();
        const count = varint();
        merged.append(id, doc, Uint8Array.from(bytes.slice(at, at + count)), 0, count);
        at += count;
      }
    }
    const expected = digest(reference.encode()).digest('hex');
    expect(digest(fromTail.encode()).digest('hex')).toBe(expected);
    expect(digest(merged.encode()).digest('hex')).toBe(expected);
  });

  it('an import’s pieces hold the bytes they held before this builder (a digest taken then)', () => {
    const pieces = new SegmentPieces(128);
    for (const clip of clips()) pieces.add(clip);
    pieces.close();
    const hash = createHash('sha256');
    for (const piece of pieces.pieces)
      digest(piece.shards, hash.update(`${piece.docs} ${piece.shardCount}\n`));
    hash.update(pieces.textLengths.join(','));
    expect(hash.digest('hex')).toBe('9fc7a6e71cbaf2283964322d4b837c1c27fcc1a78cb8cb7f29b5dea3bd8b14cf');
  });
});
