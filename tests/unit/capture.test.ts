/**
 * Kept images, snapshots and gone pages: keepImages over fake image sources (the real decoding and
 * fetching run in the e2e suite), the stored HTML's references, the clip path with a capture, the DB
 * upgrade that adds the assets store, and v1 files importing as v2 records.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepImages, snapshotAsset, type ImageSources } from '@/utils/archive/assets';
import { readSnapshot, sha256Hex } from '@/utils/model/snapshot';
import { assetRefs, imageRefs, mapImageSources } from '@/utils/model/asset-html';
import { clipTab, type ClipDependencies } from '@/utils/archive/clip-service';
import { getClip, newClip } from '@/utils/archive/clip-store';
import { openArchive, UPGRADES, type JianbaoDatabase } from '@/utils/archive/db';
import { MAX_IMAGE_BYTES, type InPageResult } from '@/utils/extract/in-page';
import { parseArchive } from '@/utils/archive-io/parse';
import type { Clip } from '@/utils/model/article';
import { makeArticle } from './article-factory';
import { sanitize } from './archive-io/helpers';

const PAGE = 'https://news.example.cn/a/1.html';
const CDN = 'https://img.cdn.example.net';
const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

function fakeSources(files: Record<string, { bytes: Uint8Array; size: [number, number]; type?: string }>) {
  const sizes = new Map<string, [number, number]>();
  const sources: ImageSources = {
    fetch: vi.fn(async (url: string) => {
      if (url.includes('/forbidden/')) return { ok: false, reason: 'no-permission' } as const;
      const file = files[url];
      if (!file) return { ok: false, reason: 'failed' } as const;
      if (file.bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' } as const;
      const copy = new Uint8Array(file.bytes);
      sizes.set(String(copy.length) + copy[0], file.size);
      return { ok: true as const, type: file.type ?? 'image/png', bytes: copy };
    }),
    dimensions: async (blob: Blob) => {
      const b = new Uint8Array(await blob.arrayBuffer());
      const size = sizes.get(String(b.length) + b[0]);
      return size ? { width: size[0], height: size[1] } : { width: 800, height: 600 };
    },
  };
  return sources;
}

describe('stored HTML refers to kept images', () => {
  it('rewrites src, removes icons, and is not fooled by > or quotes in attributes', () => {
    const html =
      '<p>甲</p><img alt="a > b &quot;c&quot;" src="https://x.cn/1.jpg?a=1&amp;b=2"><img src="https://x.cn/icon.png" alt="">' +
      '<img src="https://x.cn/other.jpg">';
    const out = mapImageSources(html, (src) =>
      src === 'https://x.cn/1.jpg?a=1&b=2'
        ? `assets/${'a'.repeat(64)}`
        : src.endsWith('icon.png')
          ? null
          : undefined,
    );
    expect(out).toBe(
      `<p>甲</p><img alt="a > b &quot;c&quot;" src="assets/${'a'.repeat(64)}"><img src="https://x.cn/other.jpg">`,
    );
    expect(imageRefs(out)).toEqual(['a'.repeat(64)]);
    expect(mapImageSources(out, () => '')).toBe('<p>甲</p><img alt="a > b &quot;c&quot;"><img>');
    expect(mapImageSources('<img src="x">', () => 'a"><script>')).toBe('<img src="a&quot;><script>">');
  });
});

describe('keepImages', () => {
  it('keeps the tab’s and the CDN’s images by hash, drops icons and trackers, notes the rest', async () => {
    const photo = bytes(5_000, 1);
    const article = makeArticle({
      url: PAGE,
      contentHtml: [
        `<img src="https://news.example.cn/p/1.jpg">`,
        `<img src="${CDN}/2.jpg">`,
        `<img src="${CDN}/same-as-1.jpg">`,
        `<img src="${CDN}/icon.png">`,
        `<img src="${CDN}/pixel.gif">`,
        `<img src="${CDN}/forbidden/3.jpg">`,
        `<img src="${CDN}/huge.jpg">`,
      ].join(''),
      images: [
        'https://news.example.cn/p/1.jpg',
        `${CDN}/2.jpg`,
        `${CDN}/same-as-1.jpg`,
        `${CDN}/icon.png`,
        `${CDN}/pixel.gif`,
        `${CDN}/forbidden/3.jpg`,
        `${CDN}/huge.jpg`,
      ].map((src) => ({ src, alt: null, caption: null })),
    });
    const sources = fakeSources({
      [`${CDN}/2.jpg`]: { bytes: bytes(7_000, 2), size: [640, 480], type: 'image/jpeg' },
      [`${CDN}/same-as-1.jpg`]: { bytes: photo, size: [640, 480], type: 'image/jpeg' },
      [`${CDN}/icon.png`]: { bytes: bytes(300, 3), size: [16, 16] },
      [`${CDN}/pixel.gif`]: { bytes: bytes(43, 4), size: [1, 1], type: 'image/gif' },
      [`${CDN}/huge.jpg`]: { bytes: bytes(MAX_IMAGE_BYTES + 1, 5), size: [9000, 9000] },
    });
    const fromTab = [{ src: 'https://news.example.cn/p/1.jpg', type: 'image/jpeg', base64: base64(photo) }];
    const kept = await keepImages(article, PAGE, fromTab, sources);

    const photoSha = await sha256Hex(new Uint8Array(photo));
    const twoSha = await sha256Hex(new Uint8Array(bytes(7_000, 2)));
    expect(kept.records.map((r) => r.sha256).sort()).toEqual([photoSha, twoSha].sort());
    expect(kept.assets.map((a) => [a.src, a.sha256])).toEqual([
      ['https://news.example.cn/p/1.jpg', photoSha],
      [`${CDN}/2.jpg`, twoSha],
      [`${CDN}/same-as-1.jpg`, photoSha],
    ]);
    expect(kept.article.contentHtml).toBe(
      `<img src="assets/${photoSha}"><img src="assets/${twoSha}"><img src="assets/${photoSha}">` +
        `<img src="${CDN}/forbidden/3.jpg"><img src="${CDN}/huge.jpg">`,
    );
    expect(kept.article.images.map((i) => i.src)).not.toContain(`${CDN}/icon.png`);
    expect(kept.notes).toEqual([
      { code: 'image-no-permission', url: `${CDN}/forbidden/3.jpg` },
      { code: 'image-too-large', url: `${CDN}/huge.jpg` },
    ]);
    // the tab's own image was not fetched again
    expect(sources.fetch).not.toHaveBeenCalledWith(
      'https://news.example.cn/p/1.jpg',
      PAGE,
      expect.anything(),
      expect.anything(),
    );
  });

  it('refuses what is not an image', async () => {
    const article = makeArticle({ images: [{ src: `${CDN}/x.jpg`, alt: null, caption: null }] });
    const sources = fakeSources({
      [`${CDN}/x.jpg`]: { bytes: bytes(100), size: [100, 100], type: 'text/html' },
    });
    const kept = await keepImages(article, PAGE, [], sources);
    expect(kept.records).toEqual([]);
    expect(kept.notes).toEqual([{ code: 'image-failed', url: `${CDN}/x.jpg` }]);
  });
});

describe('snapshots', () => {
  it('gzip round trip, addressed by the hash of the stored bytes', async () => {
    const pages = [{ url: PAGE, html: '<!DOCTYPE html>\n<html><body><p>长白山</p></body></html>' }];
    const { record, snapshot } = await snapshotAsset(pages);
    const stored = new Uint8Array(await record.blob.arrayBuffer());
    expect(snapshot.sha256).toBe(await sha256Hex(stored));
    expect(snapshot.bytes).toBe(stored.length);
    expect(stored[0]).toBe(0x1f); // gzip magic
    expect(await readSnapshot(record.blob)).toEqual(pages);
    await expect(readSnapshot(new Blob(['not gzip']))).rejects.toThrow();
  });
});

describe('the clip path keeps the capture', () => {
  let db: JianbaoDatabase;
  let result: InPageResult;
  const executeScript = vi.fn(async (injection: { files?: string[] }) =>
    injection.files ? [{ result: undefined }] : [{ result }],
  );
  const photo = bytes(2_000, 9);
  const deps: ClipDependencies = {
    images: fakeSources({ [`${CDN}/2.jpg`]: { bytes: photo, size: [500, 300], type: 'image/jpeg' } }),
    keepImages: async () => true,
    withReferer: vi.fn(async (_referrer, _hosts, work) => work()),
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    db = await openArchive(new IDBFactory());
    result = {
      ok: true,
      article: makeArticle({
        url: PAGE,
        canonicalUrl: PAGE,
        contentHtml: `<p>第一段</p><img src="${CDN}/2.jpg">`,
        images: [{ src: `${CDN}/2.jpg`, alt: null, caption: null }],
      }),
      capture: {
        images: [],
        snapshot: [{ url: PAGE, html: '<html><body><p>第一段</p></body></html>' }],
        notes: [{ code: 'pages-timeout', url: 'https://news.example.cn/a/1_3.html' }],
        gone: null,
      },
    };
  });

  it('stores images and snapshot with the clip, keeps old snapshots with versions, marks a gone page', async () => {
    const saved = await clipTab(db, { id: 1, url: PAGE }, 'page', false, deps);
    expect(saved.status).toBe('saved');
    const id = (saved as { clip: { id: string } }).clip.id;
    const clip = (await getClip(db, id))!;
    const sha = await sha256Hex(new Uint8Array(photo));
    expect(clip.contentHtml).toBe(`<p>第一段</p><img src="assets/${sha}">`);
    expect(clip.assets).toEqual([
      { sha256: sha, src: `${CDN}/2.jpg`, type: 'image/jpeg', bytes: photo.length },
    ]);
    expect(clip.notes).toEqual([{ code: 'pages-timeout', url: 'https://news.example.cn/a/1_3.html' }]);
    expect(clip.snapshot).not.toBeNull();
    expect(deps.withReferer).toHaveBeenCalledWith(PAGE, ['img.cdn.example.net'], expect.any(Function));
    const stored = await db.getAll('assets');
    expect(stored.map((a) => a.sha256).sort()).toEqual([sha, clip.snapshot!.sha256].sort());
    expect(assetRefs(clip).sort()).toEqual([sha, clip.snapshot!.sha256].sort());

    // the page changes: the old text is kept as a version with its snapshot
    const first = result as Extract<InPageResult, { ok: true }>;
    result = {
      ...first,
      article: { ...first.article, textContent: '第一段（改）', contentHtml: '<p>第一段（改）</p>' },
      capture: {
        ...first.capture,
        snapshot: [{ url: PAGE, html: '<html><body><p>第一段（改）</p></body></html>' }],
      },
    };
    expect((await clipTab(db, { id: 1, url: PAGE }, 'page', true, deps)).status).toBe('updated');
    const updated = (await getClip(db, id))!;
    expect(updated.versions).toHaveLength(1);
    expect(updated.versions[0]!.snapshot).toBe(clip.snapshot!.sha256);
    expect(updated.snapshot!.sha256).not.toBe(clip.snapshot!.sha256);

    // the page is gone: the clip is marked, its text untouched
    result = { ok: false, error: { code: 'page-gone', detail: '' }, gone: { status: 404 } };
    const gone = await clipTab(db, { id: 1, url: PAGE }, 'page', true, deps);
    expect(gone).toMatchObject({ status: 'failed', error: { code: 'page-gone' } });
    const marked = (await getClip(db, id))!;
    expect(marked.gone).toMatchObject({ status: 404 });
    expect(marked.textContent).toBe(updated.textContent);
    expect(marked.versions).toEqual(updated.versions);
  });

  it('refuses a malformed capture', async () => {
    const good = result as Extract<InPageResult, { ok: true }>;
    result = { ...good, capture: { ...good.capture, snapshot: [{ url: 'javascript:alert(1)', html: '' }] } };
    const outcome = await clipTab(db, { id: 1, url: PAGE }, 'page', false, deps);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'internal' } });
  });
});

describe('upgrades', () => {
  it('a clip stored before the assets store exists gains empty capture fields', async () => {
    const factory = new IDBFactory();
    // the version just before the assets upgrade (later upgrades may follow it)
    const before = await openArchive(
      factory,
      'jianbao',
      UPGRADES.findIndex((upgrade) => /createObjectStore\(["']assets/.test(upgrade.toString())),
    );
    const {
      assets: _a,
      snapshot: _s,
      notes: _n,
      gone: _g,
      ...old
    } = newClip(makeArticle(), new Date(), 'old-1');
    const oldVersion = { savedAt: new Date().toISOString(), title: 't', contentHtml: '', textContent: 't' };
    await before.put('clips', { ...old, versions: [oldVersion] } as unknown as Clip);
    before.close();
    const db = await openArchive(factory);
    expect(db.objectStoreNames.contains('assets')).toBe(true);
    const clip = (await getClip(db, 'old-1'))!;
    expect(clip).toMatchObject({ assets: [], snapshot: null, notes: [], gone: null });
    expect(clip.versions[0]!.snapshot).toBeNull();
  });

  it('a version 1 file imports as version 2 records', async () => {
    const {
      assets: _a,
      snapshot: _s,
      notes: _n,
      gone: _g,
      ...old
    } = newClip(makeArticle(), new Date(), 'v1-1');
    const file = {
      format: 'jianbao-archive',
      version: 1,
      exportedAt: new Date().toISOString(),
      count: 1,
      clips: [old],
    };
    const parsed = await parseArchive(JSON.stringify(file), sanitize);
    expect(parsed).toMatchObject({
      ok: true,
      clips: [{ id: 'v1-1', assets: [], snapshot: null, notes: [], gone: null }],
    });
  });
});
