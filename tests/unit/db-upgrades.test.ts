import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getClip, listClips } from '@/utils/archive/clip-store';
import { DB_VERSION, openArchive } from '@/utils/archive/db';
import { searchArchive } from '@/utils/archive/search';
import { newClip } from '@/utils/archive/clip-store';
import { makeArticle } from './article-factory';

describe('database upgrades', () => {
  it('v1 → v2: every clip written by v1 is intact and searchable', async () => {
    const factory = new IDBFactory();
    // fixture data written by version 1's upgrade and v1's way of saving (a plain put)
    const v1 = await openArchive(factory, 'jianbao', 1);
    const clips = Array.from({ length: 30 }, (_, i) => {
      const url = `https://www.cnjiwang.com/a/${i}.html`;
      return newClip(
        makeArticle({
          url,
          canonicalUrl: url,
          title: `第${i}篇新闻`,
          textContent: `吉林省第${i}届冰雪节在长春开幕。${i === 7 ? '雾凇奇观吸引游客' : ''}`,
        }),
        new Date(Date.UTC(2024, 0, 1 + i)),
        `id-${i}`,
      );
    });
    for (const clip of clips) await v1.put('clips', clip);
    expect(v1.objectStoreNames.contains('searchDocs')).toBe(false);
    v1.close();

    const v2 = await openArchive(factory);
    expect(v2.version).toBe(DB_VERSION);
    for (const clip of clips) expect(await getClip(v2, clip.id)).toEqual(clip);
    expect((await listClips(v2, 0, 5)).total).toBe(30);
    const all = await searchArchive(v2, { query: '冰雪节', filters: {}, offset: 0, limit: 100 });
    expect(all.total).toBe(30);
    const one = await searchArchive(v2, { query: '雾凇奇观', filters: {}, offset: 0, limit: 100 });
    expect(one.hits.map((h) => h.id)).toEqual(['id-7']);
    const byTitle = await searchArchive(v2, { query: '第12篇', filters: {}, offset: 0, limit: 100 });
    expect(byTitle.hits.map((h) => h.id)).toEqual(['id-12']);
  });

  it('v2 → v3: each clip gets the precision its page stated, read from publishedRaw', async () => {
    const factory = new IDBFactory();
    const v2 = await openArchive(factory, 'jianbao', 2);
    const stated: Array<[string | null, string | null, string | null]> = [
      ['2007-08-20T00:00:00+08:00', '2007-08-20', 'day'],
      ['2019-03-20T11:58:00+08:00', '2019-03-20 11:58', 'minute'],
      ['2019-03-20T11:58:07+08:00', '2019年03月20日 11:58:07', 'second'],
      ['2020-05-06T07:00:00+08:00', '1588719600', 'second'],
      [null, null, null],
    ];
    const clips = stated.map(([publishedAt, publishedRaw], i) => {
      const url = `https://www.cnjiwang.com/p/${i}.html`;
      const clip = newClip(
        makeArticle({ url, canonicalUrl: url, publishedAt, publishedRaw }),
        new Date(),
        `p-${i}`,
      );
      // as version 2 stored it: the field did not exist
      delete (clip as Partial<typeof clip>).publishedPrecision;
      return clip;
    });
    for (const clip of clips) await v2.put('clips', clip);
    v2.close();

    const v3 = await openArchive(factory);
    for (const [i, [, , precision]] of stated.entries())
      expect((await getClip(v3, `p-${i}`))?.publishedPrecision).toBe(precision);
    // nothing else of the record changed
    const { publishedPrecision: _, ...rest } = (await getClip(v3, 'p-1'))!;
    const { publishedPrecision: __, ...before } = clips[1]!;
    expect(rest).toEqual(before);
  });
});
