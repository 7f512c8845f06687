import { beforeEach, describe, expect, it } from 'vitest';
import { exportArchive } from '@/utils/archive-io/export';
import { archiveFileName } from '@/utils/archive-io/format';
import { importArchiveFile } from '@/utils/archive-io/import';
import { getClip } from '@/utils/archive/clip-store';
import type { JianbaoDatabase } from '@/utils/archive/db';
import {
  EXPORTED_AT,
  exportText,
  openTestArchive,
  sanitize,
  seedArchive,
  sourceFor,
  targetFor,
} from './helpers';
import { schemaErrors, validateArchiveFile } from './schema-validator';

let db: JianbaoDatabase;
beforeEach(async () => {
  db = await openTestArchive();
});

const withoutExportedAt = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":"…"');

describe('export → wipe → import → export', () => {
  it('gives the same file except for exportedAt', async () => {
    const seeded = await seedArchive(db);
    const first = await exportText(db);
    expect(schemaErrors(validateArchiveFile, JSON.parse(first))).toBe('');

    const wiped = await openTestArchive();
    expect(await wiped.count('clips')).toBe(0);
    const outcome = await importArchiveFile(new Blob([first]), { sanitize, target: targetFor(wiped) });
    expect(outcome).toEqual({ ok: true, summary: { added: 4, merged: 0, unchanged: 0 } });

    const second = await exportText(wiped, { now: new Date('2027-05-06T07:08:09.000Z') });
    expect(schemaErrors(validateArchiveFile, JSON.parse(second))).toBe('');
    expect(second).not.toBe(first);
    expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));
    // and the records are the ones stored, field for field
    for (const clip of seeded) expect(await getClip(wiped, clip.id)).toEqual(clip);
  });

  it('writes the documented header and every stored field, Chinese text unescaped', async () => {
    const seeded = await seedArchive(db);
    const text = await exportText(db);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'count', 'clips']);
    expect(file).toMatchObject({
      format: 'jianbao-archive',
      version: 2,
      exportedAt: EXPORTED_AT.toISOString(),
    });
    expect(file.count).toBe(4);
    expect(text).toContain('长白山冰雪季在池北区正式开幕');
    // oldest first; equal clip times in id order
    expect(file.clips.map((c: { id: string }) => c.id)).toEqual(['clip-0', 'clip-1', 'clip-2', 'clip-3']);
    const first = file.clips[0];
    expect(first).toEqual(seeded[0]);
    expect(first.versions).toHaveLength(1);
    expect(first.versions[0].title).toBe('长白山新闻 第1篇');
    expect(file.clips[1].note).toBe('要点：\n1. 雾凇\n2. “冰城”');
    expect(file.clips[2].tags).toEqual(['旅游', '吉林']);
    // one clip per line: the file diffs well and is easy to inspect
    expect(text.split('\n')).toHaveLength(4 + 3);
  });

  it('gives the same file whether pages come back as Blobs on a BroadcastChannel or as text in replies', async () => {
    await seedArchive(db);
    const viaBlobs = await exportArchive(sourceFor(db, 2, true), { now: EXPORTED_AT });
    const viaText = await exportArchive(sourceFor(db, 2, false), { now: EXPORTED_AT });
    expect(await viaBlobs.blob.text()).toBe(await viaText.blob.text());
    const ids = ['clip-3', 'clip-1'];
    const selectedViaBlobs = await exportArchive(sourceFor(db, 2, true), { now: EXPORTED_AT, ids });
    const selectedViaText = await exportArchive(sourceFor(db, 2, false), { now: EXPORTED_AT, ids });
    expect(await selectedViaBlobs.blob.text()).toBe(await selectedViaText.blob.text());
  });

  it('exports only the given ids, in their order, skipping ids no longer stored', async () => {
    await seedArchive(db);
    const file = JSON.parse(await exportText(db, { ids: ['clip-2', 'gone', 'clip-0'] }));
    expect(file.count).toBe(2);
    expect(file.clips.map((c: { id: string }) => c.id)).toEqual(['clip-2', 'clip-0']);
    expect(schemaErrors(validateArchiveFile, file)).toBe('');
  });

  it('exports an empty archive as a valid file with no clips', async () => {
    const file = JSON.parse(await exportText(db));
    expect(file).toMatchObject({ count: 0, clips: [] });
    expect(schemaErrors(validateArchiveFile, file)).toBe('');
  });

  it('names the file jianbao-YYYYMMDD-HHmm.json in local time', () => {
    expect(archiveFileName(new Date(2026, 0, 2, 3, 4, 59))).toBe('jianbao-20260102-0304.json');
    expect(archiveFileName(new Date(2026, 10, 26, 23, 5))).toBe('jianbao-20261126-2305.json');
  });

  it('sanitizes HTML again on the way in: a hostile record is stored harmless', async () => {
    await seedArchive(db);
    const file = JSON.parse(await exportText(db));
    file.clips[0].contentHtml =
      '<p onclick="steal()">正文<img src=x onerror="alert(1)"><script>alert(2)</script></p>';
    file.clips[0].versions[0].contentHtml =
      '<a href="javascript:alert(3)">链接</a><iframe srcdoc="x"></iframe>';
    const wiped = await openTestArchive();
    const outcome = await importArchiveFile(new Blob([JSON.stringify(file)]), {
      sanitize,
      target: targetFor(wiped),
    });
    expect(outcome.ok).toBe(true);
    const clip = (await getClip(wiped, 'clip-0'))!;
    expect(clip.contentHtml).toContain('正文');
    expect(clip.contentHtml).not.toMatch(/onclick|onerror|<script|alert/);
    expect(clip.versions[0]!.contentHtml).not.toMatch(/javascript:|iframe|srcdoc/);
    expect(clip.versions[0]!.contentHtml).toContain('链接');
  });
});
