/**
 * The import as a stream: the file is read in pieces (never as one string), records go to the
 * worker's one transaction while the rest is read, the index comes in blocks built by the page, and
 * a failure anywhere, even after records were written into the transaction, leaves the archive as
 * it was. The files here hold a thousand records, so these tests get more than vitest's 5 s on a
 * loaded machine.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model/article';
import { ArchiveStreamScanner, blobText, JsonSyntaxError } from '@/utils/archive-io/json-stream';
import { importArchiveFile, type ImportTarget } from '@/utils/archive-io/import';
import { BATCH_CHARS, BATCH_RECORDS, readArchive, type RecordBatch } from '@/utils/archive-io/parse';
import {
  blockDocs,
  decodeBlock,
  encodeBlock,
  joinBytes,
  localIndexBuilder,
} from '@/utils/archive-io/index-blocks';
import { ARCHIVE_TAIL, archiveHead, clipLine } from '@/utils/archive-io/format';
import { ImportWriter } from '@/utils/archive/clip-store';
import type { JianbaoDatabase } from '@/utils/archive/db';
import { BUILD_PIECE, SegmentPieces } from '@/utils/archive/search-index';
import { searchArchive } from '@/utils/archive/search';
import { exportText, openTestArchive, sanitize, seedArchive, targetFor } from './helpers';

let db: JianbaoDatabase;
let seeded: Clip[];
let before: string;
beforeEach(async () => {
  db = await openTestArchive();
  seeded = await seedArchive(db);
  before = await exportText(db);
});

/** `n` new clips with a word of their own each (`词0`, `词1`, … as 甲乙丙 digits). */
function newClips(n: number): Clip[] {
  const digits = '零一二三四五六七八九';
  return Array.from({ length: n }, (_, i) => {
    const url = `https://stream.example.cn/${i}.html`;
    const word = `编号${[...String(i)].map((d) => digits[Number(d)]).join('')}号`;
    return {
      ...seeded[1]!,
      id: `s-${i}`,
      url,
      canonicalUrl: url,
      title: `流式导入 ${i}`,
      textContent: `正文 ${word} 结束`,
      contentHtml: `<p>正文 ${word} 结束 {"[,]\\\\"}</p>`,
      versions: [],
    };
  });
}

function fileOf(clips: Clip[], count = clips.length): string {
  const head = archiveHead({
    format: 'jianbao-archive',
    version: 2,
    exportedAt: '2026-01-01T00:00:00.000Z',
    count,
  });
  return head + clips.map(clipLine).join(',\n') + ARCHIVE_TAIL;
}

/** The text as a Blob of many parts (Node's Blob streams one piece per part; browsers, 64 kB ones). */
function blobOf(text: string, size = 16_384): Blob {
  const parts: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    // never between the two halves of a surrogate pair
    if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end++;
    parts.push(text.slice(at, end));
    at = end;
  }
  return new Blob(parts);
}

/** The worker's side, counting what it was sent. */
function countingTarget(): ImportTarget & { chunks: number; blocks: number } {
  const target = targetFor(db);
  const counting = {
    ...target,
    chunks: 0,
    blocks: 0,
    chunk: (id: string, batch: Pick<RecordBatch, 'clips' | 'json'>) => {
      counting.chunks++;
      return target.chunk(id, batch);
    },
    index: (id: string, runs: Array<[number, number]>, parts: readonly Uint8Array[]) => {
      counting.blocks++;
      return target.index(id, runs, parts);
    },
  };
  return counting;
}

async function ids(query: string): Promise<string[]> {
  const result = await searchArchive(db, { query, filters: {}, offset: 0, limit: 100 });
  return result.hits.map((hit) => hit.id);
}

describe('reading the file as a stream', () => {
  it('hands over the same members and records however the text is cut', () => {
    const text = fileOf(newClips(5)).replace('"count":5', '"extra":{"a":[1,"]}"]},"count":5');
    const read = (pieces: string[]) => {
      const out: string[] = [];
      const scanner = new ArchiveStreamScanner({
        field: (key, json) => out.push(`${key}=${json}`),
        clipsStart: () => out.push('['),
        clip: (json) => out.push(JSON.stringify(JSON.parse(json))),
        clipsNotArray: () => out.push('!'),
      });
      for (const piece of pieces) scanner.push(piece);
      scanner.end();
      return out;
    };
    const whole = read([text]);
    expect(whole.filter((line) => line.startsWith('{'))).toHaveLength(5);
    expect(whole).toContain('extra={"a":[1,"]}"]}');
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const pieces = [];
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
      expect(read(pieces)).toEqual(whole);
    }
  });

  it('refuses broken structure with the place it broke', () => {
    const scanner = new ArchiveStreamScanner({
      field: () => undefined,
      clipsStart: () => undefined,
      clip: () => undefined,
      clipsNotArray: () => undefined,
    });
    expect(() => scanner.push('{"format" 1}')).toThrow(JsonSyntaxError);
    const cut = new ArchiveStreamScanner({
      field: () => undefined,
      clipsStart: () => undefined,
      clip: () => undefined,
      clipsNotArray: () => undefined,
    });
    cut.push('{"clips":[{"a":1}');
    expect(() => cut.end()).toThrow(/unexpected end/);
  });

  it('decodes UTF-8 split between the pieces of a Blob', async () => {
    const text = '{"长":"白山冰雪"}'.repeat(10_000);
    const bytes = new TextEncoder().encode(text);
    // pieces that cut three-byte characters apart
    const blob = new Blob(
      Array.from({ length: Math.ceil(bytes.length / 1001) }, (_, i) => bytes.slice(i * 1001, (i + 1) * 1001)),
    );
    let joined = '';
    for await (const piece of blobText(blob)) joined += piece;
    expect(joined).toBe(text);
  });
});

describe('streaming import', () => {
  it('imports a file of many pieces and several chunks, the index built in blocks', async () => {
    const tailBefore = await db.count('indexTail');
    const clips = newClips(1_100);
    const file = blobOf(fileOf(clips));
    expect(file.size).toBeGreaterThan(4 * 65_536);
    const target = countingTarget();
    const outcome = await importArchiveFile(file, {
      sanitize,
      target,
      // three builders taking the chunks in turn, blocks of at most 300 docs (BUILD_PIECE in use)
      indexBuilder: (_lanes, onBlock) => localIndexBuilder(3, onBlock, 300),
    });
    expect(outcome).toEqual({ ok: true, summary: { added: 1_100, merged: 0, unchanged: 0 } });
    // chunks of 500, 500, 100 records, one to each builder: blocks of 300 + 200, 300 + 200, 100
    expect(target.chunks).toBe(3);
    expect(target.blocks).toBe(5);
    expect(await db.count('clips')).toBe(seeded.length + 1_100);
    for (const i of [0, 299, 300, 777, 1_099])
      expect(await ids(clips[i]!.textContent.split(' ')[1]!)).toEqual([`s-${i}`]);
    // the import wrote segments only: the tail holds the seeded clips' entries, as before
    expect(await db.count('indexTail')).toBe(tailBefore);
  }, 60_000);

  it('a failure mid-stream, after chunks were written into the transaction, leaves the archive as it was', async () => {
    const clips = newClips(1_100);
    const broken = fileOf(clips).replace(`"id":"s-1050"`, `"id":"s-1050","evil":1`);
    const target = countingTarget();
    const outcome = await importArchiveFile(blobOf(broken), { sanitize, target });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'bad-records',
        badRecords: 1,
        problems: [{ index: 1_050, id: 's-1050', kind: 'unknown-field' }],
      },
    });
    // the first chunks had reached the worker's transaction
    expect(target.chunks).toBe(2);
    expect(await exportText(db)).toBe(before);
  }, 60_000);

  it('a record that is not JSON is named by its position; the count is checked at the end', async () => {
    const text = fileOf(newClips(600));
    const cut = text.replace('"id":"s-550"', '"id":"s-550",,');
    const outcome = await importArchiveFile(new Blob([cut]), { sanitize, target: targetFor(db) });
    expect(outcome.ok === false && outcome.error).toMatchObject({
      code: 'not-json',
      detail: expect.stringMatching(/^record 551: /),
    });
    const short = await importArchiveFile(new Blob([fileOf(newClips(600), 601)]), {
      sanitize,
      target: targetFor(db),
    });
    expect(short).toEqual({ ok: false, error: { code: 'count-mismatch', count: 601, found: 600 } });
    expect(await exportText(db)).toBe(before);
  }, 60_000);

  it('reads a file whose header comes after its clips', async () => {
    const clips = newClips(3);
    const text = JSON.stringify({
      clips,
      count: 3,
      exportedAt: '2026-01-01T00:00:00.000Z',
      version: 2,
      format: 'jianbao-archive',
    });
    const outcome = await importArchiveFile(new Blob([text]), { sanitize, target: targetFor(db) });
    expect(outcome).toEqual({ ok: true, summary: { added: 3, merged: 0, unchanged: 0 } });
  }, 60_000);

  it('merged records are indexed by the worker, added ones by the page', async () => {
    const clips = newClips(4);
    const changed = {
      ...seeded[2]!,
      textContent: '合并后的新正文 雾凇岛',
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    const outcome = await importArchiveFile(new Blob([fileOf([...clips, changed])]), {
      sanitize,
      target: targetFor(db),
    });
    expect(outcome).toEqual({ ok: true, summary: { added: 4, merged: 1, unchanged: 0 } });
    expect(await ids('雾凇岛')).toEqual([seeded[2]!.id]);
    expect(await ids(clips[3]!.textContent.split(' ')[1]!)).toEqual(['s-3']);
  }, 60_000);
});

describe('the import transaction', () => {
  it('is given up when the page sends nothing for too long, and nothing is written', async () => {
    const writer = await ImportWriter.open(db, { idleMs: 50 });
    expect(await writer.add(newClips(2))).toEqual([true, true]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writer.over).toBe(true);
    await expect(writer.commit()).rejects.toThrow(/abandoned|over|abort/);
    expect(await exportText(db)).toBe(before);
  });

  it('answers a batch before writing it; ended with records still to write, it writes none of them', async () => {
    const writer = await ImportWriter.open(db);
    const clips = newClips(1_200);
    expect(await writer.add(clips.slice(0, 1_000))).toHaveLength(1_000);
    // more than one batch's records wait to be written: the next batch waits for them
    const waiting = writer.add(clips.slice(1_000));
    writer.abort();
    await expect(waiting).rejects.toThrow(/abort/);
    await expect(writer.commit()).rejects.toThrow(/abort|over/);
    expect(await exportText(db)).toBe(before);
  });

  it('refuses an index that does not match the clips added', async () => {
    const writer = await ImportWriter.open(db);
    await writer.add(newClips(3));
    const pieces = new SegmentPieces();
    for (const clip of newClips(2)) pieces.add(clip);
    pieces.close();
    await expect(writer.addIndex([[2, 2]], pieces)).rejects.toThrow(/does not match/);
    await expect(writer.addIndex([[0, 1]], pieces)).rejects.toThrow(/does not match/);
    await expect(writer.commit()).rejects.toThrow(/have no index/);
    writer.abort();
    expect(await exportText(db)).toBe(before);
  });

  it('index blocks survive their encoding byte for byte', () => {
    const pieces = new SegmentPieces();
    for (const clip of newClips(20)) pieces.add(clip);
    pieces.close();
    const decoded = decodeBlock(joinBytes(encodeBlock(pieces)));
    expect(decoded.pieces).toEqual(pieces.pieces);
    expect(decoded.textLengths).toEqual(pieces.textLengths);
    const bytes = joinBytes(encodeBlock(pieces));
    expect(() => decodeBlock(bytes.subarray(0, bytes.length - 1))).toThrow(/damaged/);
  });
});

describe('blockDocs', () => {
  it('leaves each lane a small last block when its share fits one block', () => {
    // 10,000 clips over two lanes: 4,375 + 625 each, the 625 encoded after the file ends
    expect(blockDocs(10_000, 2)).toBe(4_375);
    expect(blockDocs(3_000, 2)).toBe(1_250);
    expect(blockDocs(100_000, 2)).toBe(BUILD_PIECE);
    expect(blockDocs(1_500, 1)).toBe(BUILD_PIECE);
  });
});

describe('records handed to the worker', () => {
  it('go as the text they came in when their HTML was already clean, re-serialised when sanitizing changed it', async () => {
    const clips = newClips(3);
    clips[1]!.contentHtml = '<p>正文<script>alert(1)</script></p>';
    const text = fileOf(clips);
    const batches: RecordBatch[] = [];
    const read = await readArchive(
      () => [text],
      sanitize,
      (batch) => void batches.push(batch),
    );
    expect(read).toEqual({ ok: true, count: 3 });
    const sent = JSON.parse(batches[0]!.json()) as Clip[];
    expect(sent[1]!.contentHtml).toBe('<p>正文</p>');
    expect(sent).toEqual(batches[0]!.clips);
    // the clean records' text is the file's own
    expect(batches[0]!.json()).toContain(clipLine(clips[0]!));
    expect(batches[0]!.json()).not.toContain(clipLine(clips[1]!));
  });
});

describe('records posted as they are (keepText: false)', () => {
  /** The file with a space the serialiser would not write: the file's own text shows. */
  const spaced = (clips: Clip[]) => fileOf(clips).replaceAll('"title":', '"title" : ');

  it('keep no text of their own: the batch serialises its checked, sanitized records when asked', async () => {
    const clips = newClips(3);
    clips[1]!.contentHtml = '<p>正文<script>alert(1)</script></p>';
    const read = async (keepText: boolean) => {
      const batches: RecordBatch[] = [];
      const result = await readArchive(
        () => [spaced(clips)],
        sanitize,
        (batch) => void batches.push(batch),
        { keepText },
      );
      expect(result).toEqual({ ok: true, count: 3 });
      return batches[0]!;
    };
    expect((await read(true)).json()).toContain('"title" : ');
    const batch = await read(false);
    expect(batch.json()).toBe(JSON.stringify(batch.clips));
    expect(JSON.parse(batch.json())[1].contentHtml).toBe('<p>正文</p>');
  });

  it('when the target says it takes no text, the import reads the file so', async () => {
    const clips = newClips(2);
    const imported = async (takesText: boolean) => {
      const texts: string[] = [];
      const target = targetFor(await openTestArchive());
      const outcome = await importArchiveFile(new Blob([spaced(clips)]), {
        sanitize,
        target: {
          ...target,
          takesText: async () => takesText,
          chunk: (importId, batch) => {
            texts.push(batch.json());
            return target.chunk(importId, batch);
          },
        },
      });
      expect(outcome.ok).toBe(true);
      expect(texts).toHaveLength(1);
      return texts[0]!;
    };
    expect(await imported(true)).toContain('"title" : ');
    const text = await imported(false);
    expect(text).not.toContain('"title" : ');
    expect(JSON.parse(text)).toHaveLength(2);
  });
});

describe('batches of records', () => {
  it(`hold at most ${BATCH_RECORDS} records and about ${BATCH_CHARS} characters, in file order`, async () => {
    const clips = newClips(BATCH_RECORDS + 20);
    // five records of a quarter of the character budget each: together they pass it
    for (const clip of clips.slice(3, 8)) clip.contentHtml = `<p>${'长'.repeat(BATCH_CHARS / 4)}</p>`;
    const batches: RecordBatch[] = [];
    const read = await readArchive(
      () => [fileOf(clips)],
      sanitize,
      (batch) => void batches.push(batch),
    );
    expect(read).toEqual({ ok: true, count: clips.length });
    expect(batches.flatMap((b) => b.clips.map((c) => c.id))).toEqual(clips.map((c) => c.id));
    for (const batch of batches) {
      expect(batch.clips.length).toBeLessThanOrEqual(BATCH_RECORDS);
      // one record alone may pass the budget; a batch of several never does
      if (batch.clips.length > 1) expect(batch.json().length).toBeLessThanOrEqual(BATCH_CHARS + 2);
      expect(batch.first).toBe(clips.findIndex((c) => c.id === batch.clips[0]!.id));
    }
    expect(batches.length).toBeGreaterThanOrEqual(2);
  });
});
