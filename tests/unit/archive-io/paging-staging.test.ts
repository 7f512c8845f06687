import { beforeEach, describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model/article';
import { BlobReceiver, deliverBlob } from '@/utils/archive-io/blob-channel';
import { exportArchive } from '@/utils/archive-io/export';
import { canonicalClip, clipLine } from '@/utils/archive-io/format';
import { ImportSessions } from '@/utils/archive-io/staging';
import { EXPORT_PAGE_CHARS, exportPage, importClips } from '@/utils/archive/clip-store';
import type { JianbaoDatabase } from '@/utils/archive/db';
import { openTestArchive, seedArchive, sourceFor } from './helpers';

let db: JianbaoDatabase;
let seeded: Clip[];
beforeEach(async () => {
  db = await openTestArchive();
  seeded = await seedArchive(db);
});

/**
 * A clip whose exported line is about `chars` characters longer than its base's. The bulk is in the
 * body HTML, which the search index does not read: indexing megabytes of text made this test take
 * ~4 s (vitest's limit is 5 s) and time out on a loaded machine, and paging is what it is about.
 */
function bigClip(base: Clip, i: number, chars: number): Clip {
  return {
    ...base,
    id: `big-${String(i).padStart(3, '0')}`,
    url: `https://news.example.cn/big/${i}.html`,
    canonicalUrl: `https://news.example.cn/big/${i}.html`,
    clippedAt: '2025-03-01T00:00:00.000Z',
    contentHtml: `<p>${'长'.repeat(chars)}</p>`,
    textContent: '长春',
  };
}

describe('export pages', () => {
  it('walks every clip once, whatever the page size, ties in clip time broken by id', async () => {
    await importClips(
      db,
      Array.from({ length: 7 }, (_, i) => bigClip(seeded[0]!, i, 10)),
    );
    const everything = (await exportArchive(sourceFor(db, 500))).count;
    expect(everything).toBe(11);
    for (const size of [1, 2, 3, 4, 10]) {
      const ids: string[] = [];
      let after = null;
      do {
        const page = await exportPage(db, after, size);
        ids.push(...page.clips.map((c) => c.id));
        after = page.next;
      } while (after);
      expect(ids).toHaveLength(11);
      expect(new Set(ids).size).toBe(11);
      expect(ids.slice(4)).toEqual([
        'big-000',
        'big-001',
        'big-002',
        'big-003',
        'big-004',
        'big-005',
        'big-006',
      ]);
    }
  });

  it('counts the archive on the first page only (a count reads the whole store), and progress keeps it', async () => {
    const first = await exportPage(db, null, 2);
    expect(first.total).toBe(4);
    const second = await exportPage(db, first.next, 2);
    expect(second.total).toBeNull();
    const progress: Array<[number, number]> = [];
    await exportArchive(sourceFor(db, 1), { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress.map(([, total]) => total)).toEqual(progress.map(() => 4));
    expect(progress.map(([done]) => done).slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it('stops a page at about EXPORT_PAGE_CHARS characters, but returns at least one clip', async () => {
    const half = Math.ceil(EXPORT_PAGE_CHARS / 2);
    await importClips(
      db,
      [0, 1, 2].map((i) => bigClip(seeded[0]!, i, half)),
    );
    const first = await exportPage(db, { clippedAt: seeded[3]!.clippedAt, id: seeded[3]!.id }, 500);
    expect(first.clips.map((c) => c.id)).toEqual(['big-000', 'big-001']);
    const huge = await exportPage(db, null, 1);
    expect(huge.clips).toHaveLength(1);
    // three clips of 2 M characters each are indexed on import: generous on a loaded machine
  }, 60_000);
});

describe('the Blob channel from the worker', () => {
  it('hands each request its own Blob, whether it arrives before or after the page waits for it', async () => {
    const receiver = new BlobReceiver();
    const first = receiver.address();
    const second = receiver.address();
    deliverBlob(second, new Blob(['第二']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const waiting = receiver.expect(first.requestId);
    deliverBlob(first, new Blob(['第一']));
    expect(await (await waiting).text()).toBe('第一');
    expect(await (await receiver.expect(second.requestId)).text()).toBe('第二');
    receiver.close();
  });

  it('gives up on a Blob that never comes', async () => {
    const receiver = new BlobReceiver(50);
    await expect(receiver.expect(receiver.address().requestId)).rejects.toThrow(/no data/);
    receiver.close();
  });
});

describe('the file format', () => {
  it('writes keys in schema order whatever order they were stored in', () => {
    const clip = seeded[0]!;
    const shuffled = Object.fromEntries(Object.entries(clip).reverse()) as unknown as Clip;
    expect(clipLine(shuffled)).toBe(clipLine(clip));
    expect(Object.keys(canonicalClip(shuffled))[0]).toBe('title');
  });
});

describe('import sessions', () => {
  it('open one transaction per import, hand it over once, and forget ended imports', async () => {
    const sessions = new ImportSessions();
    const id = await sessions.begin(db);
    expect(
      await sessions.get(id).add([{ ...seeded[0]!, id: 'x', canonicalUrl: 'https://x.example/1' }]),
    ).toEqual([true]);
    const writer = sessions.take(id);
    expect(() => sessions.take(id)).toThrow(/unknown import/);
    writer.abort();
    const aborted = await sessions.begin(db);
    sessions.abort(aborted);
    expect(() => sessions.get(aborted)).toThrow(/unknown import/);
    expect(await db.get('clips', 'x')).toBeUndefined();
  });
});
