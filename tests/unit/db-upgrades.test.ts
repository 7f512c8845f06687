import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getClip, listClips } from '@/utils/archive/clip-store';
import { DB_VERSION, openArchive } from '@/utils/archive/db';
import { searchArchive } from '@/utils/archive/search';
import { newClip } from '@/utils/archive/clip-store';
import { makeArticle } from './article-factory';

describe('database upgrades', () => {
  it('v1 → current: every clip written by v1 is intact and searchable', async () => {
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

  it('v3 → v4: the first index layout (tail, 1,024-shard segments with 4-byte ends, whole words) is rebuilt', async () => {
    const factory = new IDBFactory();
    const v3 = await openArchive(factory, 'jianbao', 3);
    const clips = Array.from({ length: 40 }, (_, i) => {
      const url = `https://www.example.com/a/${i}.html`;
      return newClip(
        makeArticle({
          url,
          canonicalUrl: url,
          title: i % 2 ? `New Sanctions ${i}` : `第${i}篇新闻`,
          textContent: `吉林省第${i}届冰雪节在长春开幕。Café talks`,
        }),
        new Date(Date.UTC(2024, 0, 1 + i)),
        `id-${i}`,
      );
    });
    // the index as versions 2 and 3 wrote it: clips, their summaries, a tail record with whole words, and a
    // segment in the first layout (no shard count in the catalog, `ends` instead of `lengths`)
    for (const [i, clip] of clips.entries()) {
      await v3.put('clips', clip);
      await v3.put('searchDocs', { ...clip, doc: i + 1, textLength: 10 } as never);
    }
    await v3.put('indexTail', { doc: 40, terms: 'sanctions\n冰雪', positions: new Uint8Array([0, 1, 3]) });
    await v3.put(
      'segments',
      { keys: '冰雪', ends: new Uint32Array([3]), data: new Uint8Array([1, 1, 3]) } as never,
      [1, 77],
    );
    await v3.put('segments', { nextSegment: 2, segments: [{ id: 1, level: 0, docs: 39 }] } as never, [0, 0]);
    await v3.put('indexMeta', { nextDoc: 41, changes: 80, clips: 40 }, 'state');
    v3.close();

    const v4 = await openArchive(factory);
    expect(v4.version).toBe(DB_VERSION);
    for (const clip of clips) expect(await getClip(v4, clip.id)).toEqual(clip);
    expect(await v4.count('indexTail')).toBe(0);
    expect(await v4.count('searchDocs')).toBe(40);
    expect((await listClips(v4, 0, 5)).total).toBe(40);
    const catalog = (await v4.get('segments', [0, 0])) as { segments: Array<{ id: number; shards: number }> };
    expect(catalog.segments.length).toBeGreaterThan(0);
    expect(catalog.segments.every((s) => s.shards > 0)).toBe(true);
    for (const record of await v4.getAll('segments')) {
      if ('keys' in record) expect(Object.keys(record).sort()).toEqual(['data', 'keys', 'lengths']);
    }
    const search = async (query: string) =>
      (await searchArchive(v4, { query, filters: {}, offset: 0, limit: 100 })).hits.map((h) => h.id).sort();
    expect(await search('冰雪节')).toHaveLength(40);
    expect(await search('sanction ')).toEqual(
      clips
        .filter((_, i) => i % 2)
        .map((c) => c.id)
        .sort(),
    );
    expect(await search('cafe ')).toHaveLength(40);
    expect(await search('第12篇')).toEqual(['id-12']);
  });
});
