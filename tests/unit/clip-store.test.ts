import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteClip,
  editClip,
  getClip,
  listClips,
  MAX_VERSIONS,
  restoreClip,
  saveArticle,
  storeCounts,
} from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { RESULT_PAGE, searchArchive } from '@/utils/archive/search';
import { makeArticle } from './article-factory';

let db: JianbaoDatabase;
beforeEach(async () => {
  db = await openArchive(new IDBFactory());
});

describe('saveArticle', () => {
  it('saves a new article as a clip with archive fields', async () => {
    const outcome = await saveArticle(db, makeArticle(), {
      update: false,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(outcome.status).toBe('saved');
    if (outcome.status !== 'saved') return;
    const clip = await getClip(db, outcome.clip.id);
    expect(clip).toMatchObject({
      title: '长白山冰雪季开幕',
      host: 'news.example.cn',
      clippedAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      tags: [],
      note: null,
      versions: [],
    });
  });

  it('reports an existing canonical URL instead of duplicating it', async () => {
    await saveArticle(db, makeArticle(), { update: false });
    const again = await saveArticle(
      db,
      makeArticle({
        url: 'https://news.example.cn/a/202401/1001.html?x=1',
        canonicalUrl: 'https://news.example.cn/a/202401/1001.html',
      }),
      { update: false },
    );
    expect(again.status).toBe('exists');
    expect((await listClips(db, 0, 10)).total).toBe(1);
  });

  it('updates in place: keeps the first clip time, tags and note, keeps the old text as a version', async () => {
    const first = await saveArticle(db, makeArticle(), {
      update: false,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    const id = first.status === 'saved' ? first.clip.id : '';
    const stored = (await getClip(db, id))!;
    await db.put('clips', { ...stored, tags: ['旅游'], note: '读过' });
    const second = await saveArticle(
      db,
      makeArticle({ textContent: '新的正文', contentHtml: '<p>新的正文</p>' }),
      {
        update: true,
        now: new Date('2025-02-01T00:00:00Z'),
      },
    );
    expect(second.status).toBe('updated');
    const clip = (await getClip(db, id))!;
    expect(clip.clippedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(clip.updatedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(clip.textContent).toBe('新的正文');
    expect(clip.tags).toEqual(['旅游']);
    expect(clip.note).toBe('读过');
    expect(clip.versions).toEqual([
      {
        savedAt: '2025-01-01T00:00:00.000Z',
        title: '长白山冰雪季开幕',
        contentHtml: '<p>长白山冰雪季在池北区正式开幕。</p>',
        textContent: '长白山冰雪季在池北区正式开幕。',
        snapshot: null,
      },
    ]);
  });

  it('keeps at most MAX_VERSIONS earlier texts', async () => {
    await saveArticle(db, makeArticle(), { update: false });
    for (let i = 0; i < MAX_VERSIONS + 3; i++) {
      await saveArticle(db, makeArticle({ textContent: `版本${i}` }), { update: true });
    }
    const [summary] = (await listClips(db, 0, 1)).clips;
    expect((await getClip(db, summary!.id))!.versions).toHaveLength(MAX_VERSIONS);
  });

  it('ten concurrent saves of different and equal URLs leave no duplicates', async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `https://news.example.cn/a/${i % 7}.html`);
    const outcomes = await Promise.all(
      urls.map((url) => saveArticle(db, makeArticle({ url, canonicalUrl: url }), { update: false })),
    );
    expect(outcomes.filter((o) => o.status === 'saved')).toHaveLength(7);
    expect(outcomes.filter((o) => o.status === 'exists')).toHaveLength(3);
    expect((await listClips(db, 0, 100)).total).toBe(7);
  });
});

describe('listClips', () => {
  it('lists newest first, a page at a time', async () => {
    for (let i = 0; i < 5; i++) {
      const url = `https://news.example.cn/a/${i}.html`;
      await saveArticle(db, makeArticle({ url, canonicalUrl: url, title: `第${i}篇` }), {
        update: false,
        now: new Date(Date.UTC(2025, 0, 1 + i)),
      });
    }
    const first = await listClips(db, 0, 2);
    expect(first.total).toBe(5);
    expect(first.clips.map((c) => c.title)).toEqual(['第4篇', '第3篇']);
    expect((await listClips(db, 2, 2)).clips.map((c) => c.title)).toEqual(['第2篇', '第1篇']);
  });

  it("gives the popup's first pages as the search's doc table lists them, ties and edits included", async () => {
    // clips saved in the same millisecond (an import, a fast machine) and clips edited since
    const ids: string[] = [];
    const save = async (i: number) => {
      const url = `https://news.example.cn/a/${i}.html`;
      const outcome = await saveArticle(db, makeArticle({ url, canonicalUrl: url, title: `第${i}篇` }), {
        update: false,
        now: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 4) - (i >= 30 ? 6 : 0))),
      });
      if (outcome.status === 'saved') ids.push(outcome.clip.id);
    };
    for (let i = 0; i < 30; i++) await save(i);
    // the table is built now; what follows reaches it as changes on top
    await searchArchive(db, { query: '', filters: {}, offset: 0, limit: 1 });
    for (let i = 30; i < 36; i++) await save(i);
    for (const id of [ids[5]!, ids[28]!, ids[1]!, ids[33]!])
      await editClip(db, id, { tags: ['改过'], note: null });
    for (const [offset, limit] of [
      [0, RESULT_PAGE],
      [RESULT_PAGE, RESULT_PAGE],
      [24, RESULT_PAGE],
    ] as const) {
      const listed = await listClips(db, offset, limit);
      const searched = await searchArchive(db, { query: '', filters: {}, offset, limit });
      expect(listed.total).toBe(searched.total);
      expect(listed.clips.map((c) => c.id)).toEqual(searched.hits.map((h) => h.id));
      expect(listed.clips).toEqual(
        searched.hits.map(({ titleMarks: _marks, snippet: _snippet, ...summary }) => summary),
      );
    }
  });
});

describe('editClip, deleteClip, restoreClip', () => {
  it('cleans tags and note', async () => {
    const saved = await saveArticle(db, makeArticle(), { update: false });
    const id = saved.status === 'saved' ? saved.clip.id : '';
    const summary = await editClip(db, id, { tags: [' 旅游 ', '旅游', '', '冬季  活动'], note: '  读过  ' });
    expect(summary?.tags).toEqual(['旅游', '冬季 活动']);
    expect((await getClip(db, id))!.note).toBe('读过');
    expect(await editClip(db, 'missing', { tags: [], note: null })).toBeNull();
  });

  it('undo restores the record exactly, unless the page was clipped again meanwhile', async () => {
    const saved = await saveArticle(db, makeArticle(), { update: false });
    const id = saved.status === 'saved' ? saved.clip.id : '';
    const original = (await getClip(db, id))!;
    const deleted = await deleteClip(db, id);
    expect(deleted).toEqual(original);
    expect(await getClip(db, id)).toBeUndefined();
    expect(await restoreClip(db, deleted!)).toMatchObject({ restored: true });
    expect(await getClip(db, id)).toEqual(original);

    await deleteClip(db, id);
    await saveArticle(db, makeArticle(), { update: false });
    expect(await restoreClip(db, deleted!)).toEqual({ restored: false, reason: 'exists' });
    expect((await listClips(db, 0, 10)).total).toBe(1);
  });
});

describe('storeCounts', () => {
  it("gives each store's record count, the clips' from the index's own count (a store count reads every clip)", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const url = `https://news.example.cn/c/${i}.html`;
      const outcome = await saveArticle(db, makeArticle({ url, canonicalUrl: url, title: `第${i}篇` }), {
        update: false,
      });
      if (outcome.status === 'saved') ids.push(outcome.clip.id);
    }
    await deleteClip(db, ids[0]!);
    const counts = await storeCounts(db);
    expect(counts.clips).toBe(2);
    expect(counts.clips).toBe(await db.count('clips'));
    expect(counts.searchDocs).toBe(2);
  });
});
