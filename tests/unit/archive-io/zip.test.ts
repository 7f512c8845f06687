/**
 * The ZIP archive through the real handlers over fake-indexeddb: export → wipe → import → export is
 * identical (image and snapshot bytes included), v1 JSON files still import, and a ZIP with a
 * missing or altered asset is refused whole with the archive untouched.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { clearArchive, saveArticle } from '@/utils/archive/clip-store';
import { snapshotAsset } from '@/utils/archive/assets';
import { sha256Hex } from '@/utils/model/snapshot';
import type { JianbaoDatabase } from '@/utils/archive/db';
import { exportZip, importZip } from '@/utils/archive-io/zip';
import { workerAssetSource, workerZipImportTarget } from '@/utils/archive-io/worker-io';
import type { Ask } from '@/utils/protocol/worker-client';
import { send } from '@/utils/protocol/messages';
import { makeArticle } from '../article-factory';
import { EXPORTED_AT, openTestArchive, runtimeFor, sanitize, sourceFor } from './helpers';

// Node's fetch cannot read blob: URLs; give the worker's fetch the page's blobs as a browser would.
const blobs = new Map<string, Blob>();
beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:chrome-extension://ext/${crypto.randomUUID()}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void blobs.delete(url));
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (url: string) =>
    blobs.has(url) ? new Response(blobs.get(url)) : realFetch(url),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// Node's BroadcastChannel refuses Blobs posted from several channels at once; browsers take them.
const NODE_IN_FLIGHT = 1;

const png = (seed: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, seed, seed + 1, 7, 7, 7]);

async function seed(db: JianbaoDatabase) {
  for (let i = 0; i < 3; i++) {
    const url = `https://news.example.cn/a/${i}.html`;
    const bytes = png(i % 2); // clips 0 and 2 share an image: stored once
    const sha = await sha256Hex(bytes);
    const { record, snapshot } = await snapshotAsset([
      { url, html: `<html><body><p>第${i}篇</p></body></html>` },
    ]);
    await saveArticle(
      db,
      makeArticle({
        url,
        canonicalUrl: url,
        title: `第${i}篇`,
        contentHtml: sanitize(`<p>第${i}篇</p><img src="assets/${sha}" alt="图">`),
        textContent: `第${i}篇`,
      }),
      {
        update: false,
        now: new Date(Date.UTC(2025, 0, 1 + i)),
        newId: () => `clip-${i}`,
        capture: {
          assets: [
            { sha256: sha, src: `https://img.example.cn/${i}.png`, type: 'image/png', bytes: bytes.length },
          ],
          snapshot,
          notes: [],
        },
        assets: [
          {
            sha256: sha,
            type: 'image/png',
            bytes: bytes.length,
            blob: new Blob([bytes], { type: 'image/png' }),
          },
          record,
        ],
      },
    );
  }
}

function io(db: JianbaoDatabase) {
  const runtime = runtimeFor(db);
  const ask: Ask = (type, payload) => send(type, payload, runtime);
  return {
    source: sourceFor(db),
    assets: workerAssetSource({ send: ask }),
    target: workerZipImportTarget({ send: ask }),
  };
}

async function entriesOf(blob: Blob) {
  const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return Object.fromEntries(
    Object.entries(entries).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]),
  );
}

describe('ZIP export and import', () => {
  it('round trip: export → wipe → import → export gives the same bytes', async () => {
    const db = await openTestArchive();
    await seed(db);
    const first = await exportZip(io(db).source, io(db).assets, {
      now: EXPORTED_AT,
      assetsInFlight: NODE_IN_FLIGHT,
    });
    expect(first.count).toBe(3);
    expect(first.fileName).toMatch(/\.zip$/);
    const entries = await entriesOf(first.blob);
    const names = Object.keys(entries);
    expect(names[0]).toBe('archive.json');
    expect(names.filter((n) => n.startsWith('assets/'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('snapshots/'))).toHaveLength(3);
    expect(JSON.parse(Buffer.from(entries['archive.json']!, 'base64').toString()).version).toBe(2);

    await clearArchive(db);
    await db.clear('assets');
    const imported = await importZip(first.blob, { sanitize, target: io(db).target });
    expect(imported).toEqual({ ok: true, summary: { added: 3, merged: 0, unchanged: 0 } });
    expect(await db.count('assets')).toBe(5);
    const second = await exportZip(io(db).source, io(db).assets, {
      now: EXPORTED_AT,
      assetsInFlight: NODE_IN_FLIGHT,
    });
    expect(
      Buffer.from(await second.blob.arrayBuffer()).equals(Buffer.from(await first.blob.arrayBuffer())),
    ).toBe(true);
  });

  it('refuses a ZIP whose asset is missing or altered, and changes nothing', async () => {
    const db = await openTestArchive();
    await seed(db);
    const good = unzipSync(
      new Uint8Array(
        await (
          await exportZip(io(db).source, io(db).assets, { assetsInFlight: NODE_IN_FLIGHT })
        ).blob.arrayBuffer(),
      ),
    );
    const target = await openTestArchive();
    const image = Object.keys(good).find((n) => n.startsWith('assets/'))!;

    const { [image]: _dropped, ...missing } = good;
    const noAsset = await importZip(new Blob([zipSync(missing)]), { sanitize, target: io(target).target });
    expect(noAsset).toMatchObject({ ok: false, error: { code: 'missing-asset', sha256: image.slice(7) } });

    const altered = { ...good, [image]: strToU8('not the image') };
    const badHash = await importZip(new Blob([zipSync(altered)]), { sanitize, target: io(target).target });
    expect(badHash).toEqual({ ok: false, error: { code: 'bad-asset', name: image } });

    const notZip = await importZip(new Blob(['{"format":"jianbao-archive"}']), {
      sanitize,
      target: io(target).target,
    });
    expect(notZip).toMatchObject({ ok: false, error: { code: 'bad-zip' } });
    expect(await target.count('clips')).toBe(0);
    expect(await target.count('assets')).toBe(0);
  });

  it('the worker checks each asset’s hash itself', async () => {
    const db = await openTestArchive();
    const target = io(db).target;
    const importId = await target.begin();
    await expect(target.asset(importId, 'a'.repeat(64), 'image/png', new Blob([png(1)]))).rejects.toThrow(
      /hash/,
    );
  });
});
