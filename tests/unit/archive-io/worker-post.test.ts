/**
 * The import's records and index blocks posted to the worker (Chromium's way, worker-post.ts): the
 * same archive as when they go as text, every record still checked by the worker against its
 * schema, and only the import's bulk requests from the extension's own pages are answered.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { importArchiveFile } from '@/utils/archive-io/import';
import { localIndexBuilder } from '@/utils/archive-io/index-blocks';
import type { JianbaoDatabase } from '@/utils/archive/db';
import { searchArchive } from '@/utils/archive/search';
import {
  exportText,
  openTestArchive,
  postingFor,
  postedTargetFor,
  sanitize,
  seedArchive,
  targetFor,
} from './helpers';

let db: JianbaoDatabase;
let file: Blob;
let fileClips: Array<Record<string, unknown>>;

beforeEach(async () => {
  db = await openTestArchive();
  await seedArchive(db);
  const other = await openTestArchive();
  await seedArchive(other);
  const text = await exportText(other);
  const parsed = JSON.parse(text) as { clips: Array<Record<string, unknown>> };
  fileClips = parsed.clips;
  // new to `db`: other ids and addresses, so every record is added and indexed by the page
  const renamed = text
    .replace(/"id":"clip-/g, '"id":"new-')
    .replace(/news\.example\.cn\/a\//g, 'news.example.cn/b/');
  file = new Blob([renamed]);
});

const found = async (database: JianbaoDatabase, query: string) =>
  (await searchArchive(database, { query, filters: {}, offset: 0, limit: 50 })).hits
    .map((hit) => hit.id)
    .sort();

describe('an import posted to the worker', () => {
  it('stores and indexes the same archive as one sent as text', async () => {
    const viaText = await openTestArchive();
    await seedArchive(viaText);
    const options = {
      sanitize,
      indexBuilder: (_lanes: number, onBlock: Parameters<typeof localIndexBuilder>[1]) =>
        localIndexBuilder(2, onBlock, 2),
    };
    const posted = await importArchiveFile(file, { ...options, target: postedTargetFor(db) });
    const sent = await importArchiveFile(file, { ...options, target: targetFor(viaText) });
    expect(posted).toEqual(sent);
    expect(posted.ok && posted.summary.added).toBe(fileClips.length);
    expect(await exportText(db)).toBe(await exportText(viaText));
    expect(await found(db, '雾凇')).toContain('new-1');
    for (const query of ['长白山', 'English', 'numbers'])
      expect(await found(db, query)).toEqual(await found(viaText, query));
  });

  it('takes no text (the page then keeps none), while a worker it cannot post to does', async () => {
    expect(await postedTargetFor(db).takesText!()).toBe(false);
    expect(await targetFor(db).takesText!()).toBe(true);
  });

  it('has every record checked by the worker (a page cannot slip a bad one in)', async () => {
    const before = await exportText(db);
    const target = postedTargetFor(db);
    const importId = await target.begin();
    const bad = { ...fileClips[0], id: 'new-x', tags: [''] } as never;
    await expect(target.chunk(importId, { clips: [bad], json: () => '' })).rejects.toThrow(
      /bad archive\/import-chunk payload/,
    );
    await target.abort(importId);
    expect(await exportText(db)).toBe(before);
  });

  it('answers only the import’s bulk requests, and only from the extension’s own pages', async () => {
    const ask = postingFor(db);
    await expect(ask('archive/clear', {})).rejects.toThrow(/cannot be posted/);
    const stranger = postingFor(db, 'https://evil.example/');
    await expect(
      stranger('archive/import-chunk', { importId: 'x', records: [fileClips[0]] as never }),
    ).rejects.toThrow(/refused message/);
  });
});
