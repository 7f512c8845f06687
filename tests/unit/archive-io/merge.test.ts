import { beforeEach, describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model/article';
import { mergeClips, mergeNotes } from '@/utils/archive-io/merge';
import { getClip, importClips } from '@/utils/archive/clip-store';
import type { JianbaoDatabase } from '@/utils/archive/db';
import { openTestArchive, seedArchive } from './helpers';

let db: JianbaoDatabase;
let stored: Clip[];
beforeEach(async () => {
  db = await openTestArchive();
  stored = await seedArchive(db);
});

/** The same article as it might come back from another browser's archive. */
function fromElsewhere(clip: Clip, changes: Partial<Clip>): Clip {
  return { ...structuredClone(clip), id: `elsewhere-${clip.id}`, ...changes };
}

describe('importClips merges by canonical URL', () => {
  it('counts added, merged and unchanged, and importing the same records again changes nothing', async () => {
    const newer = fromElsewhere(stored[1]!, {
      title: '新标题',
      textContent: '新的正文',
      contentHtml: '<p>新的正文</p>',
      updatedAt: '2026-01-01T00:00:00.000Z',
      tags: ['公安', '新闻'],
    });
    const same = structuredClone(stored[2]!);
    const fresh = fromElsewhere(stored[3]!, {
      url: 'https://news.example.cn/new.html',
      canonicalUrl: 'https://news.example.cn/new.html',
    });
    expect(await importClips(db, [newer, same, fresh])).toEqual({ added: 1, merged: 1, unchanged: 1 });
    expect(await importClips(db, [newer, same, fresh])).toEqual({ added: 0, merged: 0, unchanged: 3 });
    expect(await db.count('clips')).toBe(5);
  });

  it('the newer updatedAt wins, the other text is kept as a version, tags united, first clip time kept', async () => {
    const existing = stored[0]!;
    const incoming = fromElsewhere(existing, {
      title: '另一浏览器里的新版本',
      contentHtml: '<p>新版本正文</p>',
      textContent: '新版本正文',
      clippedAt: '2025-06-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      tags: ['吉林', '冰雪'],
      note: '另一边的笔记',
      versions: [],
    });
    await importClips(db, [incoming]);
    const merged = (await getClip(db, existing.id))!;
    expect(merged.id).toBe(existing.id);
    expect(merged.title).toBe('另一浏览器里的新版本');
    expect(merged.textContent).toBe('新版本正文');
    expect(merged.updatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(merged.clippedAt).toBe(existing.clippedAt);
    expect(merged.tags).toEqual(['旅游', '吉林', '冰雪']);
    expect(merged.note).toBe('另一边的笔记');
    expect(merged.versions.map((v) => v.title)).toEqual([existing.title, existing.versions[0]!.title]);
    expect(merged.versions[0]).toEqual({
      savedAt: existing.updatedAt,
      title: existing.title,
      contentHtml: existing.contentHtml,
      textContent: existing.textContent,
      snapshot: null,
    });
  });

  it('an older record keeps the archive text and adds its own text as a version', async () => {
    const existing = stored[1]!;
    const older = fromElsewhere(existing, {
      textContent: '旧的正文',
      contentHtml: '<p>旧的正文</p>',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(await importClips(db, [older])).toEqual({ added: 0, merged: 1, unchanged: 0 });
    const merged = (await getClip(db, existing.id))!;
    expect(merged.textContent).toBe(existing.textContent);
    expect(merged.versions).toEqual([
      {
        savedAt: '2024-01-01T00:00:00.000Z',
        title: existing.title,
        contentHtml: '<p>旧的正文</p>',
        textContent: '旧的正文',
        snapshot: null,
      },
    ]);
  });

  it('matches by id when the canonical URL differs (a record from before a URL rule changed)', async () => {
    const existing = stored[3]!;
    const renamed = {
      ...structuredClone(existing),
      canonicalUrl: 'https://news.example.cn/renamed.html',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(await importClips(db, [renamed])).toEqual({ added: 0, merged: 1, unchanged: 0 });
    expect((await getClip(db, existing.id))!.canonicalUrl).toBe('https://news.example.cn/renamed.html');
    expect(await db.count('clips')).toBe(4);
  });

  it('two records of the file that meet the same stored clip (one by URL, one by id) both merge into it', async () => {
    const existing = stored[3]!;
    const byUrl = fromElsewhere(existing, { tags: ['甲'], updatedAt: '2026-01-01T00:00:00.000Z' });
    const byId = {
      ...structuredClone(existing),
      canonicalUrl: 'https://news.example.cn/moved.html',
      tags: ['乙'],
      updatedAt: '2026-02-01T00:00:00.000Z',
    };
    expect(await importClips(db, [byUrl, byId])).toEqual({ added: 0, merged: 2, unchanged: 0 });
    const merged = (await getClip(db, existing.id))!;
    expect(merged.tags).toEqual(['公安', '甲', '乙']);
    expect(merged.canonicalUrl).toBe('https://news.example.cn/moved.html');
    expect(await db.count('clips')).toBe(4);
  });

  it('keeps at most five earlier versions, newest first', () => {
    const versions = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        savedAt: new Date(Date.UTC(2024, 0, from + i)).toISOString(),
        title: `v${from + i}`,
        contentHtml: '',
        textContent: `v${from + i}`,
        snapshot: null,
      }));
    const a = { ...stored[0]!, versions: versions(4, 1), updatedAt: '2025-03-01T00:00:00.000Z' };
    const b = {
      ...stored[0]!,
      textContent: 'b',
      versions: versions(4, 10),
      updatedAt: '2025-04-01T00:00:00.000Z',
    };
    const merged = mergeClips(a, b);
    expect(merged.versions.map((v) => v.title)).toEqual([a.title, 'v13', 'v12', 'v11', 'v10']);
  });
});

describe('mergeNotes', () => {
  it('keeps one note when they agree or one is empty, the longer when one extends the other, else both', () => {
    expect(mergeNotes(null, '旧')).toBe('旧');
    expect(mergeNotes('新', null)).toBe('新');
    expect(mergeNotes('同', '同')).toBe('同');
    expect(mergeNotes('笔记（补充）', '笔记')).toBe('笔记（补充）');
    expect(mergeNotes('笔记', '笔记（补充）')).toBe('笔记（补充）');
    expect(mergeNotes('新的', '旧的')).toBe('新的\n\n旧的');
  });
});
