/**
 * The search's doc table (utils/archive/search-index/doc-table.ts): kept in the database so that a
 * worker just woken reads one record, then the docs written since; and the best-match order, which
 * walks the candidates only as far as the page asked for.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearArchive,
  deleteClip,
  editClip,
  importClips,
  newClip,
  saveArticle,
} from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { facets, searchArchive, searchResultIds, type SearchFilters } from '@/utils/archive/search';
import { DOC_TABLE_KEY, DocTable, Strings } from '@/utils/archive/search-index/doc-table';
import type { DocTableRecord } from '@/utils/archive/records';
import type { Article } from '@/utils/model/article';
import { makeArticle } from './article-factory';

let factory: IDBFactory;
let db: JianbaoDatabase;
let day = 0;
beforeEach(async () => {
  factory = new IDBFactory();
  db = await openArchive(factory);
  day = 0;
});

async function save(overrides: Partial<Article>): Promise<string> {
  const url = overrides.url ?? `https://news.example.cn/a/${Math.random().toString(36).slice(2)}.html`;
  const outcome = await saveArticle(db, makeArticle({ url, canonicalUrl: url, ...overrides }), {
    update: false,
    now: new Date(Date.UTC(2025, 0, 1) + ++day * 86_400_000),
  });
  if (outcome.status === 'failed' || outcome.status === 'exists') throw new Error('not saved');
  return outcome.clip.id;
}

/** What the lists, counts and chips show for a few searches, on connection `on`. */
async function everything(on: JianbaoDatabase) {
  const searches: Array<[string, SearchFilters]> = [
    ['', {}],
    ['冰雪', {}],
    ['冰雪', { source: '乙报' }],
    ['', { tag: '旅游' }],
    ['', { section: '体育', publishedFrom: '2024-02-01' }],
  ];
  const out: Record<string, unknown> = {};
  for (const [query, filters] of searches) {
    const key = JSON.stringify([query, filters]);
    const result = await searchArchive(on, { query, filters, offset: 0, limit: 100 });
    out[key] = { total: result.total, ids: result.hits.map((h) => h.id) };
    out[`${key} facets`] = await facets(on, { query, filters });
  }
  return out;
}

/** The kept table as stored. */
const keptTable = (on: JianbaoDatabase) => on.get('segments', DOC_TABLE_KEY);

describe('the kept doc table', () => {
  it('is read by a new connection, with the clips saved, edited and deleted since, as a fresh read would be', async () => {
    const saved: string[] = [];
    for (let i = 0; i < 12; i++) {
      saved.push(
        await save({
          title: i % 3 ? `第${i}篇` : `冰雪第${i}篇`,
          source: i % 2 ? '甲报' : '乙报',
          section: i % 4 ? ['新闻'] : ['体育', '新闻'],
          publishedAt: `2024-0${1 + (i % 3)}-15T08:00:00+08:00`,
          textContent: i % 5 ? `冰雪节第${i}天` : '雾凇',
        }),
      );
    }
    await searchArchive(db, { query: '', filters: {}, offset: 0, limit: 1 });
    await db.searchIndex.settled();
    expect(await keptTable(db)).toMatchObject({ changes: 12 });

    // changes after the kept table: new clips, an edit (a new doc for the same clip), a delete
    await save({ title: '后来的冰雪', source: '丙报' });
    await editClip(db, saved[2]!, { tags: ['旅游'], note: '冰雪' });
    await deleteClip(db, saved[5]!);
    const expected = await everything(db);
    expect(expected['["冰雪",{}]']).toMatchObject({ total: 11 });

    const woken = await openArchive(factory);
    expect(await everything(woken)).toEqual(expected);
    woken.close();

    // and the same when none is kept: read from every summary
    await db.delete('segments', DOC_TABLE_KEY);
    const fresh = await openArchive(factory);
    expect(await everything(fresh)).toEqual(expected);
    fresh.close();
  });

  it('is read afresh when kept in an older version (ties then went by doc number, not by id)', async () => {
    await save({ title: '冰雪一' });
    await searchArchive(db, { query: '', filters: {}, offset: 0, limit: 1 });
    await db.searchIndex.settled();
    const kept = (await keptTable(db)) as DocTableRecord;
    expect(DocTable.fromRecord(kept)?.size).toBe(1);
    expect(DocTable.fromRecord({ ...kept, docTable: 1 })).toBeNull();
  });

  it('is not trusted after the archive was cleared under it', async () => {
    await save({ title: '冰雪一' });
    await save({ title: '冰雪二' });
    await searchArchive(db, { query: '冰雪', filters: {}, offset: 0, limit: 10 });
    await db.searchIndex.settled();
    const stale = (await keptTable(db))!;
    await clearArchive(db);
    // a write that lost the race with the clear
    await db.put('segments', stale, DOC_TABLE_KEY);
    const id = await save({ title: '冰雪三' });

    const woken = await openArchive(factory);
    const result = await searchArchive(woken, { query: '冰雪', filters: {}, offset: 0, limit: 10 });
    expect(result.hits.map((h) => h.id)).toEqual([id]);
    expect(result.total).toBe(1);
    expect((await facets(woken)).sources).toEqual([{ value: '示例日报', count: 1 }]);
    woken.close();
  });
});

describe('the doc table after an import', () => {
  /** Clips `from`…`to` - 1 to import, with the fields the table and the facets read. */
  const clipsToImport = (from: number, to: number, title = (i: number) => `冰雪第${i}篇`) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      const url = `https://news.example.cn/i/${i}.html`;
      return newClip(
        makeArticle({
          url,
          canonicalUrl: url,
          title: title(i),
          source: i % 2 ? '甲报' : '乙报',
          section: i % 4 ? ['新闻'] : ['体育', '新闻'],
          publishedAt: `2024-0${1 + (i % 3)}-15T08:00:00+08:00`,
          textContent: `冰雪节第${i}天`,
        }),
        new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        `imported-${i}`,
      );
    });

  /** Counts the summary reads (`getAll` on searchDocs) made through `on` from now on. */
  function countSummaryReads(on: JianbaoDatabase): () => number {
    let reads = 0;
    const getAll = on.getAll.bind(on);
    on.getAll = ((store: string, ...rest: unknown[]) => {
      if (store === 'searchDocs') reads++;
      return (getAll as (...args: unknown[]) => unknown)(store, ...rest);
    }) as typeof on.getAll;
    return () => reads;
  }

  it('is built from what the import wrote: the first search reads no summary back, and finds what a fresh read finds', async () => {
    await importClips(db, clipsToImport(0, 600));
    const reads = countSummaryReads(db);
    const expected = await everything(db);
    expect(reads()).toBe(0);
    expect(expected['["冰雪",{}]']).toMatchObject({ total: 600 });
    // and kept with the import, for the next worker, which reads no summary either
    expect(await keptTable(db)).toMatchObject({ changes: 600 });
    const woken = await openArchive(factory);
    const wokenReads = countSummaryReads(woken);
    expect(await everything(woken)).toEqual(expected);
    expect(wokenReads()).toBe(0);
    woken.close();
  });

  it('adds to the table of a non-empty archive, merged clips replacing their earlier docs', async () => {
    for (let i = 0; i < 5; i++) await save({ title: `冰雪旧文${i}`, source: '丙报' });
    // the archive's clips 0…99, and 100 more: the first hundred merge (newer, other titles)
    await importClips(db, clipsToImport(0, 100));
    const newer = clipsToImport(0, 200, (i) => (i < 100 ? `雾凇第${i}篇` : `冰雪第${i}篇`)).map((clip) => ({
      ...clip,
      updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    }));
    const reads = countSummaryReads(db);
    expect(await importClips(db, newer)).toMatchObject({ added: 100, merged: 100 });
    const afterImport = await everything(db);
    expect(reads()).toBe(0);
    expect(afterImport['["冰雪",{}]']).toMatchObject({ total: 205 });
    // as a worker that reads every summary afresh sees it
    await db.searchIndex.settled();
    await db.delete('segments', DOC_TABLE_KEY);
    const fresh = await openArchive(factory);
    expect(await everything(fresh)).toEqual(afterImport);
    fresh.close();
  });
});

describe('best match over many candidates', () => {
  it('pages through title hits first, then the rest, newest first, however deep the title hits lie', async () => {
    const at = Date.UTC(2025, 0, 1);
    const clips = Array.from({ length: 1300 }, (_, i) =>
      newClip(
        makeArticle({
          url: `https://news.example.cn/b/${i}.html`,
          canonicalUrl: `https://news.example.cn/b/${i}.html`,
          // title hits among the oldest clips, far past the first walk step
          title: i === 3 || i === 40 ? `冰雪标题${i}` : `第${i}篇`,
          textContent: `冰雪节第${i}天`,
        }),
        new Date(at + i * 60_000),
        `c${i}`,
      ),
    );
    await importClips(db, clips);
    const newestFirst = clips.map((c) => c.id).reverse();
    const expected = ['c40', 'c3', ...newestFirst.filter((id) => id !== 'c40' && id !== 'c3')];
    const page = async (offset: number) =>
      (await searchArchive(db, { query: '冰雪', filters: {}, offset, limit: 12 })).hits.map((h) => h.id);
    expect(await page(0)).toEqual(expected.slice(0, 12));
    expect(await page(700)).toEqual(expected.slice(700, 712));
    expect(await page(1290)).toEqual(expected.slice(1290));
    expect((await searchArchive(db, { query: '冰雪', filters: {}, offset: 0, limit: 1 })).total).toBe(1300);
    expect(await searchResultIds(db, { query: '冰雪', filters: {} })).toEqual(expected);
    // a phrase is checked against the text of each clip shown, in the same order
    const phrase = await searchArchive(db, { query: '冰雪节', filters: {}, offset: 0, limit: 12 });
    expect(phrase.hits.map((h) => h.id)).toEqual(newestFirst.slice(0, 12));
  });
});

describe('Strings', () => {
  it('cuts its strings out of one, and finds one only on their bounds', () => {
    const column = Strings.joined({ text: 'abcabc冰雪', lengths: Uint32Array.from([2, 1, 3, 0, 2]) });
    expect([0, 1, 2, 3, 4].map((i) => column.at(i))).toEqual(['ab', 'c', 'abc', '', '冰雪']);
    // 'abc' first occurs across the first two strings
    expect(column.indexOf('abc')).toBe(2);
    expect(column.indexOf('冰雪')).toBe(4);
    expect(column.indexOf('bc')).toBe(-1);
    expect(column.toJoined().lengths).toEqual(Uint32Array.from([2, 1, 3, 0, 2]));
  });
});
