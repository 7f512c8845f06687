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
import {
  CLIP_WRITE_STORES,
  compactIndex,
  decodeShard,
  docsMatching,
  FLUSH_AT,
  indexClips,
  LEGACY_SHARDS,
  MERGE_FANOUT,
  readSnapshot,
  shardsFor,
  termHash,
  type SegmentCatalog,
  type SegmentShard,
} from '@/utils/archive/search-index';
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
    await compactIndex(db, { force: true });
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
    expect(await ids('123')).toEqual([]);
    // a lone character next to a number is checked in the text, not looked up
    expect(await ids('有1234名')).toEqual([id]);
  });

  it('several terms must all match, and bigrams found apart do not make a phrase', async () => {
    const both = await save({ title: '一', textContent: '长白山冰雪季开幕。' });
    await save({ title: '二', textContent: '长白山的秋天。' });
    await save({ title: '三', textContent: '冰雪覆盖，雪季漫长。' });
    expect(await ids('长白山 冰雪季')).toEqual([both]);
    expect(await ids('冰雪季')).toEqual([both]);
    await compactIndex(db, { force: true });
    expect(await ids('冰雪季')).toEqual([both]);
  });

  it('the index itself tells a phrase from its bigrams found apart, by their positions', async () => {
    await save({ title: '一', textContent: '长白山冰雪季开幕。' });
    await save({ title: '二', textContent: '冰雪覆盖，雪季漫长。' });
    const [phrase] = parseQuery('冰雪季');
    const [bigrams] = parseQuery('冰雪');
    const count = async (term: typeof phrase) => (await docsMatching(db, await readSnapshot(db), term!)).size;
    expect([await count(phrase), await count(bigrams)]).toEqual([1, 2]);
    await compactIndex(db, { force: true });
    expect([await count(phrase), await count(bigrams)]).toEqual([1, 2]);
  });

  it('ranks title and kicker hits first, then newest first', async () => {
    const oldBody = await save({ title: '其他', textContent: '雾凇节开幕' });
    const titleHit = await save({ title: '雾凇节开幕了', textContent: '正文' });
    const newBody = await save({ title: '另外', textContent: '雾凇节开幕式' });
    const kickerHit = await save({ title: '无关', kicker: '雾凇节', textContent: '正文' });
    expect(await ids('雾凇节')).toEqual([kickerHit, titleHit, newBody, oldBody]);
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

  it('follows re-clips, edits, deletes and undo', async () => {
    const url = 'https://news.example.cn/a/1.html';
    const id = await save({ url, textContent: '旧的正文写着雾凇' });
    expect(await ids('雾凇')).toEqual([id]);
    await compactIndex(db, { force: true });
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
    await compactIndex(db, { force: true });
    await clearArchive(db);
    expect(await ids('雾凇')).toEqual([]);
    const again = await save({ title: '二', textContent: '雾凇又来' });
    expect(await ids('雾凇')).toEqual([again]);
  });

  it("indexClips indexes a batch in the writer's transaction (the import path)", async () => {
    const existing = await save({ title: '旧', textContent: '旧文雾凇' });
    const stored = (await db.get('clips', existing))!;
    const batch = [
      { ...stored, textContent: '更新后写着冰灯' },
      ...[1, 2, 3].map((i) =>
        newClip(
          makeArticle({
            url: `https://x.example/${i}`,
            canonicalUrl: `https://x.example/${i}`,
            title: `导入${i}`,
            textContent: `导入正文${i}号雾凇岛`,
          }),
          new Date(Date.UTC(2025, 5, i)),
          `imported-${i}`,
        ),
      ),
    ];
    const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
    await Promise.all([...batch.map((clip) => tx.objectStore('clips').put(clip)), indexClips(tx, batch)]);
    await tx.done;
    expect((await ids('雾凇岛')).sort()).toEqual(['imported-1', 'imported-2', 'imported-3']);
    expect(await ids('冰灯')).toEqual([existing]);
    expect(await ids('旧文')).toEqual([]);
    expect((await listClips(db, 0, 1)).total).toBe(4);
    await compactIndex(db, { force: true });
    expect((await ids('导入正文2号')).sort()).toEqual(['imported-2']);
  });

  it('searches a tail left large by an import (read as stored) exactly as a small one', async () => {
    const count = FLUSH_AT * 2 + 40;
    const batch = Array.from({ length: count }, (_, i) =>
      newClip(
        makeArticle({
          url: `https://x.example/${i}`,
          canonicalUrl: `https://x.example/${i}`,
          title: `导入${i}`,
          textContent: `第${i}篇：白山松水${i % 3 === 0 ? '长白山冰雪季' : '长白 山冰 雪季'}，cba 联赛`,
        }),
        new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        `imported-${i}`,
      ),
    );
    const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
    await Promise.all([...batch.map((clip) => tx.objectStore('clips').put(clip)), indexClips(tx, batch)]);
    await tx.done;
    expect((await readSnapshot(db)).tail.size).toBe(count);
    const phrase = batch.filter((_, i) => i % 3 === 0).map((c) => c.id);
    const sorted = (list: string[]) => [...list].sort();
    // a phrase whose bigrams also stand apart, a term that is a part of longer terms, a Latin word
    expect(sorted(await ids('长白山冰雪季'))).toEqual(sorted(phrase));
    expect(await ids('白山')).toHaveLength(count);
    expect(await ids('cba')).toHaveLength(count);
    expect(await ids(`第${count - 1}篇`)).toEqual([`imported-${count - 1}`]);
    // and the same answers once compaction has turned the tail into segments
    await compactIndex(db, { force: true });
    expect((await readSnapshot(db)).tail.size).toBe(0);
    expect(sorted(await ids('长白山冰雪季'))).toEqual(sorted(phrase));
    expect(await ids('白山')).toHaveLength(count);
  }, 60_000);

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
    await compactIndex(db, { force: true });
    const catalog = (await db.get('segments', [0, 0])) as { segments: Array<{ level: number }> };
    expect(catalog.segments.some((s) => s.level >= 1)).toBe(true);
    expect(await db.count('indexTail')).toBe(0);
    const expected = saved.filter((_, i) => i % 7 === 0 && i !== 0);
    expect((await ids('甲乙丙丁')).sort()).toEqual(expected.sort());
    expect(await ids(`第${n - 1}号`)).toEqual([saved[n - 1]]);
  }, 60_000);

  it('reads and merges segments written with the old fixed 1,024 shards alongside new ones', async () => {
    const saved: string[] = [];
    const saveNumbered = async (i: number) =>
      saved.push(
        await save({
          title: `第${i}号`,
          textContent: `编号${i}的文章，主题词甲乙${i % 5 === 0 ? '丙丁' : ''}`,
        }),
      );
    for (let i = 0; i < FLUSH_AT * 2; i++) await saveNumbered(i);
    await compactIndex(db, { force: true });
    // rewrite those level-0 segments as an older version stored them: 1,024 shards, no count
    const before = (await db.get('segments', [0, 0])) as SegmentCatalog;
    for (const segment of before.segments) {
      const shards = (await db.getAll(
        'segments',
        IDBKeyRange.bound([segment.id, 0], [segment.id, Infinity]),
      )) as SegmentShard[];
      const byShard = new Map<number, Array<[string, Uint8Array]>>();
      for (const shard of shards) {
        const decoded = decodeShard(shard);
        decoded.terms.forEach((term, i) => {
          const postings = decoded.data.slice(i === 0 ? 0 : decoded.ends[i - 1], decoded.ends[i]);
          const legacy = termHash(term) % LEGACY_SHARDS;
          byShard.set(legacy, [...(byShard.get(legacy) ?? []), [term, postings]]);
        });
      }
      await db.delete('segments', IDBKeyRange.bound([segment.id, 0], [segment.id, Infinity]));
      for (const [legacy, entries] of byShard) {
        entries.sort(([a], [b]) => (a < b ? -1 : 1));
        const ends = new Uint32Array(entries.length);
        const data = new Uint8Array(entries.reduce((n, [, p]) => n + p.length, 0));
        let at = 0;
        entries.forEach(([, postings], i) => {
          data.set(postings, at);
          ends[i] = at += postings.length;
        });
        const record: SegmentShard = { keys: entries.map(([t]) => t).join('\n'), ends, data };
        await db.put('segments', record, [segment.id, legacy]);
      }
      delete segment.shards;
    }
    await db.put('segments', before, [0, 0]);
    const expected = () => saved.filter((_, i) => i % 5 === 0);
    expect((await ids('甲乙丙丁')).sort()).toEqual(expected().sort());

    // two more level-0 segments, written the new way: the four merge into one of level 1
    for (let i = FLUSH_AT * 2; i < FLUSH_AT * 4; i++) await saveNumbered(i);
    await compactIndex(db, { force: true });
    const after = (await db.get('segments', [0, 0])) as SegmentCatalog;
    expect(after.segments).toEqual([
      expect.objectContaining({ level: 1, docs: FLUSH_AT * 4, shards: shardsFor(1) }),
    ]);
    expect((await ids('甲乙丙丁')).sort()).toEqual(expected().sort());
    for (const i of [0, 7, FLUSH_AT * 2 - 1, FLUSH_AT * 4 - 1])
      expect(await ids(`第${i}号`)).toEqual([saved[i]]);
    expect(await db.count('segments')).toBeLessThanOrEqual(shardsFor(1) + 1);
  }, 60_000);
});
