/**
 * Every kind of bad file is refused with its own error, and the archive is exactly as it was:
 * compared as a whole export before and after.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { importArchiveFile, type ImportOutcome } from '@/utils/archive-io/import';
import { importClips } from '@/utils/archive/clip-store';
import type { JianbaoDatabase } from '@/utils/archive/db';
import { send } from '@/utils/protocol/messages';
import { exportText, openTestArchive, runtimeFor, sanitize, seedArchive, targetFor } from './helpers';

let db: JianbaoDatabase;
let before: string;
let goodFile: { format: string; version: number; count: number; clips: Array<Record<string, unknown>> };

beforeEach(async () => {
  db = await openTestArchive();
  await seedArchive(db);
  before = await exportText(db);
  // A valid file of two new clips (different ids and URLs from the archive's)
  const other = await openTestArchive();
  await seedArchive(other);
  goodFile = JSON.parse(await exportText(other, { ids: ['clip-1', 'clip-2'] }));
  goodFile.clips.forEach((clip, i) => {
    clip.id = `new-${i}`;
    clip.url = clip.canonicalUrl = `https://other.example.cn/${i}.html`;
  });
});

async function importText(text: string | Blob): Promise<ImportOutcome> {
  const file = typeof text === 'string' ? new Blob([text]) : text;
  return importArchiveFile(file, { sanitize, target: targetFor(db) });
}

async function expectUntouched() {
  expect(await exportText(db)).toBe(before);
}

describe('import refuses bad input and leaves the archive untouched', () => {
  it('accepts the good file (the cases below each break one thing in it)', async () => {
    const outcome = await importText(JSON.stringify(goodFile));
    expect(outcome).toEqual({ ok: true, summary: { added: 2, merged: 0, unchanged: 0 } });
  });

  it('an empty file', async () => {
    expect(await importText('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(await importText('  \n')).toEqual({ ok: false, error: { code: 'empty' } });
    await expectUntouched();
  });

  it('a file larger than the space the browser still grants, before anything is read', async () => {
    let read = false;
    const huge = {
      size: 200 * 1000 * 1000,
      stream: () => {
        read = true;
        return new Blob([]).stream();
      },
    } as unknown as Blob;
    const outcome = await importArchiveFile(huge, {
      sanitize,
      target: targetFor(db),
      available: 100_000_000,
    });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'too-large', bytes: 200_000_000, limit: 100_000_000 },
    });
    expect(read).toBe(false);
    await expectUntouched();
  });

  it('not JSON', async () => {
    const outcome = await importText('<html>不是 JSON</html>');
    expect(outcome.ok === false && outcome.error.code).toBe('not-json');
    await expectUntouched();
  });

  it('JSON of another format', async () => {
    for (const text of [
      '[]',
      '"jianbao"',
      'null',
      '{"format":"pocket","version":1,"clips":[]}',
      '{"clips":[]}',
    ]) {
      expect(await importText(text)).toEqual({ ok: false, error: { code: 'wrong-format' } });
    }
    await expectUntouched();
  });

  it('a newer format version', async () => {
    const outcome = await importText(JSON.stringify({ ...goodFile, version: 3 }));
    expect(outcome).toEqual({ ok: false, error: { code: 'newer-version', version: 3 } });
    await expectUntouched();
  });

  it('an archive with no clips', async () => {
    const outcome = await importText(JSON.stringify({ ...goodFile, count: 0, clips: [] }));
    expect(outcome).toEqual({ ok: false, error: { code: 'no-clips' } });
  });

  it('a count that does not match the clips (a truncated or edited file)', async () => {
    const outcome = await importText(JSON.stringify({ ...goodFile, count: 3 }));
    expect(outcome).toEqual({ ok: false, error: { code: 'count-mismatch', count: 3, found: 2 } });
    await expectUntouched();
  });

  it('a damaged header', async () => {
    const outcome = await importText(JSON.stringify({ ...goodFile, exportedAt: 'yesterday' }));
    expect(outcome.ok === false && outcome.error.code).toBe('bad-header');
    await expectUntouched();
  });

  it("bad records: each problem names the record's position, id and title, and what is wrong", async () => {
    goodFile.clips[1]!.tags = ['好', 5];
    goodFile.clips[1]!.publishedAt = '2024年12月1日';
    delete goodFile.clips[1]!.host;
    goodFile.clips[0]!.extra = 1;
    const outcome = await importText(JSON.stringify(goodFile));
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.error.code !== 'bad-records') throw new Error('expected bad-records');
    expect(outcome.error.badRecords).toBe(2);
    const problems = outcome.error.problems.map(({ index, id, title, path, kind }) => ({
      index,
      id,
      title,
      path,
      kind,
    }));
    const label = { index: 1, id: 'new-1', title: '长白山新闻 第3篇' };
    expect(problems).toEqual(
      expect.arrayContaining([
        { ...label, path: 'tags[1]', kind: 'type' },
        { ...label, path: 'publishedAt', kind: 'date' },
        { ...label, path: 'host', kind: 'missing' },
        { index: 0, id: 'new-0', title: '长白山新闻 第2篇', path: 'extra', kind: 'unknown-field' },
      ]),
    );
    await expectUntouched();
  });

  it('several problems in one record and more records: at most three per record, five in all', async () => {
    const broken = { ...goodFile.clips[0], title: 1, host: 2, tags: 3, note: 4 };
    const clips = [broken, { ...goodFile.clips[1], url: 'ftp://x' }];
    const outcome = await importText(JSON.stringify({ ...goodFile, clips }));
    if (outcome.ok || outcome.error.code !== 'bad-records') throw new Error('expected bad-records');
    expect(outcome.error.problems.map((p) => p.index)).toEqual([0, 0, 0, 1]);
  });

  it('many bad records: the first few problems, and how many records are bad', async () => {
    const clips = Array.from({ length: 20 }, (_, i) => ({
      ...goodFile.clips[0],
      id: `x${i}`,
      url: 'ftp://x',
    }));
    const outcome = await importText(JSON.stringify({ ...goodFile, count: 20, clips }));
    if (outcome.ok || outcome.error.code !== 'bad-records') throw new Error('expected bad-records');
    expect(outcome.error.badRecords).toBe(20);
    expect(outcome.error.problems).toHaveLength(5);
    expect(outcome.error.problems[0]).toMatchObject({ index: 0, path: 'url', kind: 'url' });
    await expectUntouched();
  });

  it('a record that is not an object, or smuggles __proto__', async () => {
    const text = JSON.stringify({ ...goodFile, count: 3, clips: [...goodFile.clips, 'clip'] });
    const outcome = await importText(text);
    expect(
      outcome.ok === false && outcome.error.code === 'bad-records' && outcome.error.problems[0],
    ).toMatchObject({
      index: 2,
      id: null,
      title: null,
      kind: 'type',
    });
    const proto = JSON.stringify(goodFile).replace('"note":', '"__proto__":{"polluted":true},"note":');
    const second = await importText(proto);
    expect(
      second.ok === false && second.error.code === 'bad-records' && second.error.problems[0],
    ).toMatchObject({
      path: '__proto__',
      kind: 'unknown-field',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUntouched();
  });

  it('two records with the same id', async () => {
    goodFile.clips[1]!.id = goodFile.clips[0]!.id;
    const outcome = await importText(JSON.stringify(goodFile));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'duplicate', field: 'id', first: 0, second: 1, value: 'new-0' },
    });
    await expectUntouched();
  });

  it('two records with the same canonical URL', async () => {
    goodFile.clips[1]!.canonicalUrl = goodFile.clips[0]!.canonicalUrl;
    const outcome = await importText(JSON.stringify(goodFile));
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'duplicate',
        field: 'canonicalUrl',
        first: 0,
        second: 1,
        value: 'https://other.example.cn/0.html',
      },
    });
    await expectUntouched();
  });

  it('the worker lost the staged chunks (restarted mid-import): a clear failure, nothing written', async () => {
    const target = targetFor(db);
    const outcome = await importArchiveFile(new Blob([JSON.stringify(goodFile)]), {
      sanitize,
      target: { ...target, commit: () => target.commit('no-such-import') },
    });
    expect(outcome.ok === false && outcome.error.code).toBe('failed');
    await expectUntouched();
  });

  it('the worker re-checks each chunk against the schema (a page cannot slip a bad record in)', async () => {
    const target = targetFor(db);
    const importId = await target.begin();
    const badChunk = JSON.stringify([{ ...goodFile.clips[0], tags: [''] }]);
    const asText = (json: string) => ({ clips: [], json: () => json });
    await expect(target.chunk(importId, asText(badChunk))).rejects.toThrow(
      /bad archive\/import-chunk payload/,
    );
    await expect(target.chunk(importId, asText('[{"title": '))).rejects.toThrow(
      /bad archive\/import-chunk payload/,
    );
    // as the page does after a failed chunk: the import's transaction ends, having written nothing
    await target.abort(importId);
    await expectUntouched();
  });

  it('the worker fetches chunk URLs only from its own origin', async () => {
    const runtime = runtimeFor(db);
    const importId = await send('archive/import-begin', {}, runtime);
    for (const url of ['blob:https://evil.example/1', 'blob:chrome-extension://other/1', 'https://ext/1']) {
      await expect(send('archive/import-chunk', { importId, url }, runtime)).rejects.toThrow(
        /refused chunk URL|bad archive\/import-chunk payload/,
      );
    }
    await expectUntouched();
  });

  it('a write that fails halfway through the transaction leaves nothing behind', async () => {
    const [good, bad] = JSON.parse(JSON.stringify(goodFile.clips));
    // a value IndexedDB cannot store makes the second put throw inside the one transaction
    await expect(importClips(db, [good, { ...bad, unstorable: () => 1 }])).rejects.toThrow();
    await expectUntouched();
  });
});
