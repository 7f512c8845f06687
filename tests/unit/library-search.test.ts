/** The library's sort orders and the facets that narrow each other (utils/archive/search.ts). */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '@/utils/model/article';
import { saveArticle } from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { facets, searchArchive, searchResultIds, type SortOrder } from '@/utils/archive/search';
import { makeArticle } from './article-factory';

let db: JianbaoDatabase;
let day = 0;
beforeEach(async () => {
  db = await openArchive(new IDBFactory());
  day = 0;
});

async function save(overrides: Partial<Article>): Promise<void> {
  const url = `https://news.example.cn/a/${Math.random().toString(36).slice(2)}.html`;
  const outcome = await saveArticle(db, makeArticle({ url, canonicalUrl: url, ...overrides }), {
    update: false,
    now: new Date(Date.UTC(2025, 0, 1) + ++day * 86_400_000),
  });
  if (outcome.status === 'failed') throw new Error('save failed');
}

const titles = async (sort: SortOrder, query = '') =>
  (await searchArchive(db, { query, filters: {}, offset: 0, limit: 100, sort })).hits.map((h) => h.title);

describe('sort orders', () => {
  beforeEach(async () => {
    // clipped in this order (a, b, c, d); published in another
    await save({ title: 'b 吉林新闻', source: '乙报', publishedAt: '2024-03-01T08:00:00+08:00' });
    await save({ title: 'a 吉林新闻', source: '甲报', publishedAt: null });
    await save({ title: 'd 吉林新闻', source: '甲报', publishedAt: '2024-01-01T23:30:00-05:00' });
    await save({ title: 'c 吉林新闻', source: '丙报', publishedAt: '2024-01-02T10:00:00+08:00' });
  });

  it('orders by clip time either way, by title, and by source (ties newest clip first)', async () => {
    expect(await titles('clipped-desc')).toEqual(['c 吉林新闻', 'd 吉林新闻', 'a 吉林新闻', 'b 吉林新闻']);
    expect(await titles('clipped-asc')).toEqual(['b 吉林新闻', 'a 吉林新闻', 'd 吉林新闻', 'c 吉林新闻']);
    expect(await titles('title')).toEqual(['a 吉林新闻', 'b 吉林新闻', 'c 吉林新闻', 'd 吉林新闻']);
    const bySource = await searchArchive(db, { query: '', filters: {}, offset: 0, limit: 9, sort: 'source' });
    expect(bySource.hits.map((h) => h.source)).toEqual(
      ['乙报', '甲报', '甲报', '丙报'].sort(new Intl.Collator('zh-CN').compare),
    );
  });

  it('orders by the instant of publication across offsets; clips without one go last', async () => {
    // d: 2024-01-02T04:30Z, c: 2024-01-02T02:00Z
    expect(await titles('published-desc')).toEqual(['b 吉林新闻', 'd 吉林新闻', 'c 吉林新闻', 'a 吉林新闻']);
    expect(await titles('published-asc')).toEqual(['c 吉林新闻', 'd 吉林新闻', 'b 吉林新闻', 'a 吉林新闻']);
  });

  it('sorts a search result too, and the ids of a result follow the order', async () => {
    expect(await titles('title', '吉林')).toEqual(['a 吉林新闻', 'b 吉林新闻', 'c 吉林新闻', 'd 吉林新闻']);
    const ids = await searchResultIds(db, { query: '', filters: {}, sort: 'clipped-asc' });
    const hits = await searchArchive(db, {
      query: '',
      filters: {},
      offset: 0,
      limit: 9,
      sort: 'clipped-asc',
    });
    expect(ids).toEqual(hits.hits.map((h) => h.id));
  });
});

describe('facets narrow each other', () => {
  beforeEach(async () => {
    await save({ title: '一', source: '甲报', section: ['经济'], textContent: '长春汽车' });
    await save({ title: '二', source: '甲报', section: ['旅游'], textContent: '雾凇' });
    await save({ title: '三', source: '乙报', section: ['经济'], textContent: '长春汽车' });
    await save({ title: '四', source: '乙报', section: ['体育'], textContent: '冰球' });
  });

  const counts = (facet: Array<{ value: string; count: number }>) =>
    Object.fromEntries(facet.map((f) => [f.value, f.count]));

  it('counts each group within the other groups’ filters, never within its own', async () => {
    const all = await facets(db);
    expect(counts(all.sources)).toEqual({ 甲报: 2, 乙报: 2 });
    const bySource = await facets(db, { filters: { source: '甲报' } });
    // the sections offered are those of 甲报's clips; the sources stay all offered
    expect(counts(bySource.sections)).toEqual({ 经济: 1, 旅游: 1 });
    expect(counts(bySource.sources)).toEqual({ 甲报: 2, 乙报: 2 });
    const bySection = await facets(db, { filters: { section: '经济' } });
    expect(counts(bySection.sources)).toEqual({ 甲报: 1, 乙报: 1 });
    // and every count is what choosing that chip shows
    const shown = await searchArchive(db, {
      query: '',
      filters: { source: '甲报', section: '经济' },
      offset: 0,
      limit: 9,
    });
    expect(shown.total).toBe(counts(bySource.sections)['经济']);
  });

  it('counts within a query', async () => {
    const found = await facets(db, { query: '汽车' });
    expect(counts(found.sources)).toEqual({ 甲报: 1, 乙报: 1 });
    expect(counts(found.sections)).toEqual({ 经济: 2 });
  });
});
