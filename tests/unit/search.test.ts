import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '@/utils/model/article';
import { clearArchive, deleteClip, editClip, restoreClip, saveArticle } from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import {
  facets,
  neighbours,
  searchArchive,
  searchResultIds,
  type SearchFilters,
} from '@/utils/archive/search';
import { docsMatching, FLUSH_AT, MERGE_FANOUT, SegmentPieces } from '@/utils/archive/search-index';
import type { SegmentCatalog } from '@/utils/archive/records';
import { importClips, listClips, newClip } from '@/utils/archive/clip-store';
import { parseQuery } from '@/utils/archive/search-text';
import { makeArticle } from './article-factory';

let db: JianbaoDatabase;
beforeEach(async () => {
  db = await openArchive(new IDBFactory());
});

let day = 0;
async function save(overrides: Partial<Article>, update = false): Promise<string> {
  const url = overrides.url ?? `https://news.example.cn/a/${Math.random().toString(36).slice(2)}.html`;
  const outcome = await saveArticle(db, makeArticle({ url, canonicalUrl: url, ...overrides }), {
    update,
    now: new Date(Date.UTC(2025, 0, 1) + ++day * 86_400_000),
  });
  if (outcome.status === 'failed') throw new Error('save failed');
  return outcome.clip.id;
}

async function ids(query: string, filters: SearchFilters = {}): Promise<string[]> {
  const result = await searchArchive(db, { query, filters, offset: 0, limit: 1000 });
  return result.hits.map((h) => h.id);
}

const BODY =
  '　　本报讯 十二月一日，长白山冰雪季在池北区正式开幕。据景区管委会介绍，今年冰雪季共推出雪道四十余条，新增夜间滑雪项目，预计接待游客将增长30%以上。';

describe('searchArchive', () => {
  it('finds a clip by every substring of two to six CJK characters of its body, in the tail and in segments', async () => {
    const id = await save({ title: '标题', textContent: BODY });
    await save({ title: '另一篇', textContent: '吉林市举办雾凇节，游客络绎不绝。' });
    const chars = [...BODY.replace(/[^\p{Script=Han}]/gu, '|')];
    const substrings = new Set<string>();
    for (let i = 0; i < chars.length; i++) {
      for (let n = 2; n <= 6 && i + n <= chars.length; n++) {
        const s = chars.slice(i, i + n).join('');
        if (!s.includes('|')) substrings.add(s);
      }
    }
    expect(substrings.size).toBeGreaterThan(200);
    for (const s of substrings) expect(await ids(s), s).toContain(id);
    await db.searchIndex.compact({ force: true });
    for (const s of substrings) expect(await ids(s), s).toContain(id);
  });

  it('searches every field: kicker, subtitle, source, authors, editors, tags and note', async () => {
    const id = await save({
      title: '主标题',
      kicker: '引题文字在这里',
      subtitle: '——访白山市副市长',
      source: '中国吉林网',
      authors: ['张三丰'],
      editors: ['梁欢欢'],
      textContent: '正文。',
    });
    await editClip(db, id, { tags: ['冬季旅游'], note: '值得再读一遍' });
    for (const q of ['引题', '副市长', '吉林网', '张三丰', '梁欢欢', '冬季旅游', '再读']) {
      expect(await ids(q), q).toEqual([id]);
    }
  });

  it('finds Latin words and numbers, full-width or not, in any case', async () => {
    const id = await save({ textContent: '会议讨论了ＷＴＯ规则和G20议程，共有1234名代表。' });
    for (const q of ['wto', 'WTO', 'g20', '1234', 'Ｇ２０']) expect(await ids(q), q).toEqual([id]);
    // a finished word (a space after it) is whole; the word being typed is also a prefix
    expect(await ids('123 ')).toEqual([]);
    expect(await ids('123')).toEqual([id]);
    // a lone character next to a number is checked in the text, not looked up
    expect(await ids('有1234名')).toEqual([id]);
  });

  it('several terms must all match, and bigrams found apart do not make a phrase', async () => {
    const both = await save({ title: '一', textContent: '长白山冰雪季开幕。' });
    await save({ title: '二', textContent: '长白山的秋天。' });
    await save({ title: '三', textContent: '冰雪覆盖，雪季漫长。' });
    expect(await ids('长白山 冰雪季')).toEqual([both]);
    expect(await ids('冰雪季')).toEqual([both]);
    await db.searchIndex.compact({ force: true });
    expect(await ids('冰雪季')).toEqual([both]);
  });

  it('the index itself tells a phrase from its bigrams found apart, by their positions', async () => {
    await save({ title: '一', textContent: '长白山冰雪季开幕。' });
    await save({ title: '二', textContent: '冰雪覆盖，雪季漫长。' });
    const [phrase] = parseQuery('冰雪季');
    const [bigrams] = parseQuery('冰雪');
    const count = async (term: typeof phrase) =>
      (await docsMatching(db.searchIndex, await db.searchIndex.snapshot(), term!)).size;
    expect([await count(phrase), await count(bigrams)]).toEqual([1, 2]);
    await db.searchIndex.compact({ force: true });
    expect([await count(phrase), await count(bigrams)]).toEqual([1, 2]);
  });

  it('tells a phrase from its bigrams at every position modulo 256, however common its first bigram', async () => {
    // the phrase at each of 256 offsets (so across the wrap from 255 to 0), after its first bigram
    // many times: the check starts from the rarest bigram, whichever it is
    const lead = '甲乙，'.repeat(20);
    const clips = Array.from({ length: 256 }, (_, n) =>
      newClip(
        makeArticle({
          url: `https://x.example/${n}`,
          canonicalUrl: `https://x.example/${n}`,
          title: '标题',
          textContent: `${lead}${','.repeat(n)}甲乙丙丁`,
        }),
        new Date(Date.UTC(2025, 0, 1) + n * 60_000),
        `p${n}`,
      ),
    );
    await importClips(db, clips);
    for (let n = 0; n < 3; n++)
      await save({ title: '标题', textContent: `${lead}${','.repeat(n)}甲乙丙，丙丁，乙丙丁` });
    const [phrase] = parseQuery('甲乙丙丁');
    const count = async () =>
      (await docsMatching(db.searchIndex, await db.searchIndex.snapshot(), phrase!)).size;
    expect(await count()).toBe(256);
    await db.searchIndex.compact({ force: true });
    expect(await count()).toBe(256);
  });

  it('ranks title and kicker hits first, then newest first', async () => {
    const oldBody = await save({ title: '其他', textContent: '雾凇节开幕' });
    const titleHit = await save({ title: '雾凇节开幕了', textContent: '正文' });
    // the list of clips is loaded here, then kept in order as clips are added
    expect(await ids('')).toEqual([titleHit, oldBody]);
    const newBody = await save({ title: '另外', textContent: '雾凇节开幕式' });
    const kickerHit = await save({ title: '无关', kicker: '雾凇节', textContent: '正文' });
    expect(await ids('雾凇节')).toEqual([kickerHit, titleHit, newBody, oldBody]);
    expect(await ids('')).toEqual([kickerHit, newBody, titleHit, oldBody]);
  });

  it('returns a snippet and title marks for the hit', async () => {
    await save({ title: '长白山冰雪季开幕', textContent: BODY });
    const [hit] = (await searchArchive(db, { query: '冰雪季', filters: {}, offset: 0, limit: 1 })).hits;
    expect(hit!.titleMarks.map(([a, b]) => hit!.title.slice(a, b))).toEqual(['冰雪季']);
    const snippet = hit!.snippet!;
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toContain('冰雪季');
  });

  it('combines filters with the query', async () => {
    const jilin = await save({
      source: '中国吉林网',
      section: ['第一新闻'],
      publishedAt: '2024-03-01T08:00:00+08:00',
      textContent: '冰雪旅游',
    });
    const other = await save({
      source: '新华社',
      section: ['国内'],
      publishedAt: '2024-05-01T08:00:00+08:00',
      textContent: '冰雪旅游',
    });
    await editClip(db, other, { tags: ['收藏'], note: null });
    expect(await ids('冰雪', { source: '中国吉林网' })).toEqual([jilin]);
    expect(await ids('冰雪', { section: '国内' })).toEqual([other]);
    expect(await ids('冰雪', { tag: '收藏' })).toEqual([other]);
    expect(await ids('冰雪', { publishedFrom: '2024-04-01' })).toEqual([other]);
    expect(await ids('冰雪', { publishedTo: '2024-03-01' })).toEqual([jilin]);
    expect(await ids('', { source: '新华社' })).toEqual([other]);
    expect(await ids('', { clippedFrom: '2000-01-01', clippedTo: '2100-01-01' })).toHaveLength(2);
    expect(await ids('', { clippedTo: '2000-01-01' })).toEqual([]);
    expect((await facets(db)).sources.map((f) => f.value).sort()).toEqual(['中国吉林网', '新华社']);
  });

  it('counts facets once while the archive is unchanged, and again after each change', async () => {
    const first = await save({ source: '新华社' });
    await editClip(db, first, { tags: ['冬'], note: null });
    const counted = await facets(db);
    // kept: every popup opened on the same archive asks for these
    expect(await facets(db)).toBe(counted);
    expect(await facets(db, { filters: { tag: '冬' } })).not.toBe(counted);
    await save({ source: '新华社' });
    expect((await facets(db)).sources).toEqual([{ value: '新华社', count: 2 }]);
    await editClip(db, first, { tags: ['夏'], note: null });
    expect((await facets(db)).tags).toEqual([{ value: '夏', count: 1 }]);
    await deleteClip(db, first);
    expect(await facets(db)).toMatchObject({ sources: [{ value: '新华社', count: 1 }], tags: [] });
  });

  it('follows re-clips, edits, deletes and undo', async () => {
    const url = 'https://news.example.cn/a/1.html';
    const id = await save({ url, textContent: '旧的正文写着雾凇' });
    expect(await ids('雾凇')).toEqual([id]);
    await db.searchIndex.compact({ force: true });
    await save({ url, textContent: '新的正文写着冰灯' }, true);
    expect(await ids('雾凇')).toEqual([]);
    expect(await ids('冰灯')).toEqual([id]);
    const deleted = await deleteClip(db, id);
    expect(await ids('冰灯')).toEqual([]);
    expect(await restoreClip(db, deleted!)).toMatchObject({ restored: true });
    expect(await ids('冰灯')).toEqual([id]);
  });

  it('clearing the archive clears its index, and numbering carries on safely', async () => {
    await save({ title: '一', textContent: '雾凇奇观' });
    await db.searchIndex.compact({ force: true });
    await clearArchive(db);
    expect(await ids('雾凇')).toEqual([]);
    const again = await save({ title: '二', textContent: '雾凇又来' });
    expect(await ids('雾凇')).toEqual([again]);
  });

  it('imported clips are searchable, merged ones by their new text', async () => {
    const url = 'https://news.example.cn/a/merge.html';
    const id = await save({ url, title: '原题', textContent: '原文写着雾凇' });
    const stored = (await db.get('clips', id))!;
    const fresh = newClip(
      makeArticle({
        url: 'https://x.example/new',
        canonicalUrl: 'https://x.example/new',
        title: '新的',
        textContent: '导入的冰灯',
      }),
      new Date(Date.UTC(2025, 1, 1)),
      'imported',
    );
    const newer = {
      ...stored,
      textContent: '合并后写着冰雕',
      updatedAt: new Date(Date.UTC(2030, 0, 1)).toISOString(),
    };
    expect(await importClips(db, [fresh, newer])).toMatchObject({ added: 1, merged: 1 });
    expect(await ids('冰灯')).toEqual(['imported']);
    expect(await ids('冰雕')).toEqual([id]);
    expect((await listClips(db, 0, 1)).total).toBe(2);
  });

  it('lists every id of a result, in rank order, for exporting it (more than one batch of checks)', async () => {
    const expected: string[] = [];
    let titleHit = '';
    for (let i = 0; i < 300; i++) {
      const id = await save({
        title: i === 7 ? '冰雪季在标题里' : `第${i}篇`,
        source: i % 2 ? '中国吉林网' : '新华社',
        textContent: i % 3 === 0 ? `长白山冰雪季，第${i}天` : `冰雪与雪季，第${i}天`,
      });
      if (i === 7) titleHit = id;
      else if (i % 3 === 0 && i % 2) expected.push(id);
    }
    const search = { query: '冰雪季', filters: { source: '中国吉林网' } };
    const all = await searchResultIds(db, search);
    // the title hit first, then newest first: the same order the popup lists
    expect(all).toEqual([titleHit, ...expected.reverse()]);
    expect(all).toEqual(await ids(search.query, search.filters));
    expect(await searchResultIds(db, { query: '', filters: {} })).toHaveLength(300);
    expect(await searchResultIds(db, { query: '不存在的词', filters: {} })).toEqual([]);
  });

  it('gives the neighbours of a clip in a result list', async () => {
    const a = await save({ title: '一', textContent: '雾凇一' });
    const b = await save({ title: '二', textContent: '雾凇二' });
    const c = await save({ title: '三', textContent: '雾凇三' });
    expect(await neighbours(db, b, '雾凇', {})).toEqual({ previous: c, next: a, position: 1, total: 3 });
  });

  it('stays exact across segment flushes and merges, dropping dead docs', async () => {
    const n = FLUSH_AT * MERGE_FANOUT + 10;
    const saved: string[] = [];
    for (let i = 0; i < n; i++) {
      saved.push(
        await save({
          title: `第${i}号`,
          textContent: `编号${i}的文章，主题词甲乙${i % 7 === 0 ? '丙丁' : ''}`,
        }),
      );
    }
    await deleteClip(db, saved[0]!);
    await db.searchIndex.compact({ force: true });
    const catalog = (await db.get('segments', [0, 0])) as { segments: Array<{ level: number }> };
    expect(catalog.segments.some((s) => s.level >= 1)).toBe(true);
    expect(await db.count('indexTail')).toBe(0);
    const expected = saved.filter((_, i) => i % 7 === 0 && i !== 0);
    expect((await ids('甲乙丙丁')).sort()).toEqual(expected.sort());
    expect(await ids(`第${n - 1}号`)).toEqual([saved[n - 1]]);
  }, 60_000);

  it('an import merges segments whose doc ranges interleave (a tail flushed after an import)', async () => {
    const saved: string[] = [];
    const saveNumbered = async (i: number) =>
      saved.push(
        await save({ title: `第${i}号`, textContent: `编号${i}的文章，甲乙${i % 5 === 0 ? '丙丁' : ''}` }),
      );
    // a few docs in the tail, then an import (newer docs, in a segment), then the tail flushes: the
    // level-0 segments then hold docs below and above the import's
    for (let i = 0; i < 10; i++) await saveNumbered(i);
    const imported = Array.from({ length: FLUSH_AT }, (_, i) =>
      newClip(
        makeArticle({
          url: `https://x.example/${i}`,
          canonicalUrl: `https://x.example/${i}`,
          title: `导入${i}`,
          textContent: `导入${i}甲乙丙丁`,
        }),
        new Date(Date.UTC(2024, 0, 1) + i * 60_000),
        `imported-${i}`,
      ),
    );
    await importClips(db, imported);
    for (let i = 10; i < FLUSH_AT * MERGE_FANOUT; i++) await saveNumbered(i);
    await db.searchIndex.compact({ force: true });
    const catalog = (await db.get('segments', [0, 0])) as SegmentCatalog;
    expect(catalog.segments.map((s) => s.level).sort()).toEqual([0, 1]);
    const expected = [...saved.filter((_, i) => i % 5 === 0), ...imported.map((c) => c.id)];
    expect((await ids('甲乙丙丁')).sort()).toEqual(expected.sort());
    for (const i of [0, 9, 10, FLUSH_AT * MERGE_FANOUT - 1])
      expect(await ids(`第${i}号`)).toEqual([saved[i]]);
  }, 60_000);
});

describe('Latin words as people type them', () => {
  it('finds plural and inflected forms through the English stem, both ways', async () => {
    const plural = await save({
      title: 'New Sanctions on Steel',
      textContent: 'The ministers were sanctioning exports.',
    });
    const singular = await save({ title: 'One sanction', textContent: 'Obama on gun control' });
    expect((await ids('sanction ')).sort()).toEqual([plural, singular].sort());
    expect((await ids('Sanctions ')).sort()).toEqual([plural, singular].sort());
    expect(await ids('obama guns ')).toEqual([singular]);
    expect(await ids('exported ')).toEqual([plural]);
    // the word as stored is what is highlighted
    const [hit] = (await searchArchive(db, { query: 'sanction ', filters: {}, offset: 0, limit: 1 })).hits;
    expect(hit!.titleMarks.map(([a, b]) => hit!.title.slice(a, b))).toEqual(['sanction']);
  });

  it('finds the word being typed by its beginning, and finished words whole', async () => {
    const mine = await save({ title: 'Minecraft servers', textContent: '一款游戏' });
    const mind = await save({ title: 'Mind the gap', textContent: '地铁' });
    expect(await ids('Minec')).toEqual([mine]);
    expect((await ids('min')).sort()).toEqual([mine, mind].sort());
    expect(await ids('min ')).toEqual([]);
    // longer than the longest indexed prefix: looked up by its start, then checked in the text
    expect(await ids('minecraft')).toEqual([mine]);
    expect(await ids('minecraftx')).toEqual([]);
    // a whole word typed is also found by its stem
    expect(await ids('minecrafts')).toEqual([mine]);
    expect(await ids('minecraf 游戏')).toEqual([]);
    expect(await ids('游戏 minecraf')).toEqual([mine]);
    await db.searchIndex.compact({ force: true });
    expect(await ids('Minec')).toEqual([mine]);
  });

  it('folds case and diacritics; CJK stays exact', async () => {
    const cafe = await save({
      title: 'Café Società',
      textContent: 'Über die Brücke. 東京で会議が開かれた。',
    });
    for (const q of ['cafe ', 'CAFÉ ', 'societa ', 'uber', 'brucke '])
      expect(await ids(q), q).toEqual([cafe]);
    expect(await ids('会議')).toEqual([cafe]);
    // Japanese voicing marks are not folded away: が is not か
    expect(await ids('議か')).toEqual([]);
    expect(await ids('議が')).toEqual([cafe]);
  });
});

describe('import-built segments', () => {
  const articles = Array.from({ length: 300 }, (_, i) =>
    makeArticle({
      url: `https://news.example.cn/${i}.html`,
      canonicalUrl: `https://news.example.cn/${i}.html`,
      title: i % 11 === 0 ? `长白山冰雪季 第${i}篇` : `第${i}篇 Sanctions report`,
      source: i % 2 ? '中国吉林网' : '新华社',
      textContent: `${i % 3 === 0 ? '长白山冰雪季' : '长白 山冰 雪季'}，第${i}天。Minecraft players ${i % 4 ? 'sanctioned' : 'cafés'}`,
    }),
  );
  const queries = [
    '长白山冰雪季',
    '冰雪',
    '白山',
    '第17',
    'sanction',
    'minec',
    'cafe ',
    '雪季 player',
    '不存在',
    '',
  ];

  async function results(database: JianbaoDatabase) {
    const out: Record<string, unknown> = {};
    for (const query of queries) {
      out[query] = await searchArchive(database, { query, filters: {}, offset: 0, limit: 400 });
      out[`${query}|src`] = await searchArchive(database, {
        query,
        filters: { source: '新华社' },
        offset: 0,
        limit: 400,
      });
    }
    out.facets = await facets(database);
    return out;
  }

  it('give search results identical to those of the same clips saved one by one', async () => {
    const oneByOne = db;
    const clips = [];
    for (const [i, article] of articles.entries()) {
      const outcome = await saveArticle(oneByOne, article, {
        update: false,
        now: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        newId: () => `clip-${i}`,
      });
      if (outcome.status !== 'saved') throw new Error('save failed');
      clips.push((await oneByOne.get('clips', `clip-${i}`))!);
    }
    await oneByOne.searchIndex.compact();
    const imported = await openArchive(new IDBFactory());
    expect(await importClips(imported, clips)).toEqual({ added: 300, merged: 0, unchanged: 0 });
    // no tail and nothing left for compaction: the import wrote finished segments
    expect(await imported.count('indexTail')).toBe(0);
    expect(((await imported.get('segments', [0, 0])) as SegmentCatalog).segments.length).toBeGreaterThan(0);
    expect(await results(imported)).toEqual(await results(oneByOne));
    // the same with the segments built ahead (as the archive page builds them)
    const staged = new SegmentPieces();
    for (const clip of clips) staged.add(clip);
    staged.close();
    expect(staged.count).toBe(300);
    const prebuilt = await openArchive(new IDBFactory());
    expect(await importClips(prebuilt, clips, staged)).toEqual({
      added: 300,
      merged: 0,
      unchanged: 0,
    });
    expect(await prebuilt.count('indexTail')).toBe(0);
    expect(await results(prebuilt)).toEqual(await results(oneByOne));
    // segments built in several pieces (of 64 docs here; BUILD_PIECE in use), renumbered together
    const pieces = new SegmentPieces(64);
    for (const clip of clips) pieces.add(clip);
    pieces.close();
    expect(pieces.pieces).toHaveLength(5);
    const inPieces = await openArchive(new IDBFactory());
    await saveArticle(inPieces, articles[0]!, { update: false, newId: () => 'before' });
    await deleteClip(inPieces, 'before');
    expect(await importClips(inPieces, clips, pieces)).toMatchObject({ added: 300 });
    expect(await results(inPieces)).toEqual(await results(oneByOne));
    // and after both have compacted everything
    await oneByOne.searchIndex.compact({ force: true });
    await imported.searchIndex.compact({ force: true });
    expect(await results(imported)).toEqual(await results(oneByOne));
  }, 120_000);

  async function everyStore(database: JianbaoDatabase) {
    const stores = ['clips', 'searchDocs', 'indexTail', 'segments', 'indexMeta'] as const;
    return Object.fromEntries(
      await Promise.all(
        stores.map(async (store) => [
          store,
          [await database.getAllKeys(store), await database.getAll(store)],
        ]),
      ),
    );
  }

  it('an import that fails, in the clips or in the index, leaves the archive and its index as they were', async () => {
    for (const article of articles.slice(0, 20)) await saveArticle(db, article, { update: false });
    // the search's doc table, kept as a search keeps it (a cache the import reads first)
    await db.searchIndex.docTable();
    await db.searchIndex.settled();
    const before = await everyStore(db);
    const fresh = articles.slice(20, 60).map((article, i) => newClip(article, new Date(), `fresh-${i}`));
    // a value IndexedDB cannot store: the last put fails after every other request was made
    const unstorable = { ...fresh.at(-1)!, id: 'bad', canonicalUrl: 'https://bad.example/', extra: () => 1 };
    await expect(importClips(db, [...fresh, unstorable])).rejects.toThrow();
    expect(await everyStore(db)).toEqual(before);
    // a record the indexer cannot read: it throws while the clips' puts are already queued
    const unreadable = {
      ...fresh.at(-1)!,
      id: 'bad',
      canonicalUrl: 'https://bad.example/',
      textContent: null,
    };
    await expect(importClips(db, [...fresh, unreadable as unknown as (typeof fresh)[0]])).rejects.toThrow();
    expect(await everyStore(db)).toEqual(before);
    // and the same import without the bad record goes through
    expect(await importClips(db, fresh)).toMatchObject({ added: 40 });
    expect((await ids('长白山冰雪季')).length).toBeGreaterThan(0);
  });
});
