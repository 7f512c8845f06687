/**
 * The JSON Schema file (for other tools) and the valibot ClipSchema (what the extension enforces)
 * must accept and refuse the same records.
 */
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model/article';
import { ClipSchema } from '@/utils/model/clip-schema';
import { exportText, openTestArchive, seedArchive } from './helpers';
import { validateArchiveFile, validateClipRecord } from './schema-validator';

let good: Clip[];
beforeAll(async () => {
  const db = await openTestArchive();
  good = JSON.parse(await exportText(await seedArchive(db).then(() => db))).clips;
});

const mutations: Array<[string, (clip: Record<string, unknown>) => void]> = [
  ['a missing field', (c) => delete c.host],
  ['an unknown field', (c) => (c.extra = 1)],
  ['a number for a string', (c) => (c.title = 5)],
  ['null for a required string', (c) => (c.contentHtml = null)],
  ['a string for a list', (c) => (c.tags = '旅游')],
  ['an empty tag', (c) => (c.tags = [''])],
  ['a title over 2,000 characters', (c) => (c.title = '长'.repeat(2_001))],
  ['a date without time', (c) => (c.clippedAt = '2025-01-01')],
  ['a Chinese date', (c) => (c.publishedAt = '2024年12月1日 09:30')],
  ['an ftp URL', (c) => (c.url = 'ftp://news.example.cn/a.html')],
  ['a relative URL', (c) => (c.canonicalUrl = '/a/1001.html')],
  ['an empty id', (c) => (c.id = '')],
  [
    'a version with an extra field',
    (c) =>
      ((c.versions as object[])[0] = {
        savedAt: '2025-01-01T00:00:00Z',
        title: '',
        contentHtml: '',
        textContent: '',
        x: 1,
      }),
  ],
  ['an image without alt', (c) => (c.images = [{ src: 'a.jpg', caption: null }])],
  [
    '51 versions',
    (c) =>
      (c.versions = Array.from({ length: 51 }, () => ({
        savedAt: '2025-01-01T00:00:00Z',
        title: '',
        contentHtml: '',
        textContent: '',
      }))),
  ],
];

const goodVariants: Array<[string, (clip: Record<string, unknown>) => void]> = [
  ['as exported', () => undefined],
  ['a publish time with +08:00', (c) => (c.publishedAt = '2019-03-20T11:58:00+08:00')],
  ['a publish time with milliseconds and Z', (c) => (c.publishedAt = '2019-03-20T03:58:00.123Z')],
  ['null publish time', (c) => (c.publishedAt = null)],
  ['a title of exactly 2,000 characters', (c) => (c.title = '长'.repeat(2_000))],
  [
    'an HTTPS URL with an encoded Chinese path',
    (c) => (c.url = 'https://news.example.cn/%E6%96%B0%E9%97%BB.html'),
  ],
  ['no tags, no note, no versions', (c) => Object.assign(c, { tags: [], note: null, versions: [] })],
];

function variant(change: (clip: Record<string, unknown>) => void): Record<string, unknown> {
  const clip = structuredClone(good[0]!) as unknown as Record<string, unknown>;
  change(clip);
  return clip;
}

describe('JSON Schema and ClipSchema agree', () => {
  it.each(goodVariants)('both accept %s', (_, change) => {
    const clip = variant(change);
    expect(v.safeParse(ClipSchema, clip).success).toBe(true);
    expect(validateClipRecord(clip), JSON.stringify(validateClipRecord.errors)).toBe(true);
  });

  it.each(mutations)('both refuse %s', (_, change) => {
    const clip = variant(change);
    expect(v.safeParse(ClipSchema, clip).success).toBe(false);
    expect(validateClipRecord(clip)).toBe(false);
  });

  it('every seeded record passes both', () => {
    for (const clip of good) {
      expect(v.safeParse(ClipSchema, clip).success).toBe(true);
      expect(validateClipRecord(clip)).toBe(true);
    }
  });

  it('the schema declares every field of the clip record and no other', async () => {
    const { archiveJsonSchema } = await import('./schema-validator');
    const clipDef = archiveJsonSchema.$defs.clip;
    expect(Object.keys(clipDef.properties).sort()).toEqual(Object.keys(ClipSchema.entries).sort());
    // a field older files lack is optional in both
    const required = Object.entries(ClipSchema.entries)
      .filter(([, schema]) => schema.type !== 'optional')
      .map(([key]) => key);
    expect([...clipDef.required].sort()).toEqual(required.sort());
  });

  it('the file-level schema refuses another format, a newer version and a missing count', () => {
    const file = {
      format: 'jianbao-archive',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      count: 1,
      clips: [good[0]],
    };
    expect(validateArchiveFile(file)).toBe(true);
    expect(validateArchiveFile({ ...file, format: 'pocket' })).toBe(false);
    expect(validateArchiveFile({ ...file, version: 2 })).toBe(false);
    const { count: _count, ...noCount } = file;
    expect(validateArchiveFile(noCount)).toBe(false);
  });
});
