/**
 * Images and page snapshots kept with clips. Each is a blob in the `assets` store under the SHA-256
 * of its bytes, so one image shared by many clips is stored once, and a record is addressable by
 * its hash alone (the ZIP export's `assets/<sha256>`, a replication attachment). The stored HTML of
 * a clip refers to a kept image as `assets/<sha256>`; the reader swaps in a blob: URL.
 */
import type { Article, CaptureNote, ClipAsset, ClipSnapshot } from '../model/article';
import type { PageImage, SnapshotPage } from '../extract/in-page';
import { IMAGES_BUDGET_MS, MAX_CLIP_IMAGE_BYTES, MAX_IMAGE_BYTES, MAX_IMAGES } from '../extract/in-page';
import { ASSET_PREFIX, mapImageSources } from '../model/asset-html';
import type { JianbaoDatabase } from './db';
import type { AssetRecord } from './records';
import { gzip, sha256Hex, SNAPSHOT_FORMAT } from '../model/snapshot';

export type { AssetRecord };

export const SNAPSHOT_TYPE = 'application/gzip';

/** A snapshot as stored: the pages as JSON, gzipped, under its hash. */
export async function snapshotAsset(
  pages: SnapshotPage[],
): Promise<{ record: AssetRecord; snapshot: ClipSnapshot }> {
  const json = JSON.stringify({ format: SNAPSHOT_FORMAT, version: 1, pages });
  const bytes = await gzip(json);
  const sha256 = await sha256Hex(bytes);
  return {
    record: {
      sha256,
      type: SNAPSHOT_TYPE,
      bytes: bytes.length,
      blob: new Blob([bytes], { type: SNAPSHOT_TYPE }),
    },
    snapshot: { sha256, bytes: bytes.length, htmlBytes: new TextEncoder().encode(json).length },
  };
}

/** What fetching an image gives: the bytes and the declared type, or why not. */
export type Fetched =
  | { ok: true; type: string; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; reason: 'too-large' | 'failed' | 'no-permission' };

export interface ImageSources {
  /** fetch an image the tab did not deliver, with the page's address as Referer */
  fetch(url: string, referrer: string, maxBytes: number, timeoutMs: number): Promise<Fetched>;
  /** pixel size of an image, or null when it cannot be decoded */
  dimensions(blob: Blob): Promise<{ width: number; height: number } | null>;
}

/** Tracking pixels and icons are not article images: not kept, removed from the stored HTML. */
export function isIconOrTracker(size: { width: number; height: number }): boolean {
  return size.width <= 2 || size.height <= 2 || (size.width <= 48 && size.height <= 48);
}

export interface KeptImages {
  article: Article;
  assets: ClipAsset[];
  records: AssetRecord[];
  notes: CaptureNote[];
}

/** The bytes of a base64 text. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Keeps the article's images: those the tab read (its own origin) and, for other hosts, those the
 * worker may fetch. Caps: MAX_IMAGE_BYTES each, MAX_CLIP_IMAGE_BYTES per clip, IMAGES_BUDGET_MS.
 * Icons and trackers are dropped; every image not kept for another reason gets a note.
 */
export async function keepImages(
  article: Article,
  pageUrl: string,
  fromTab: readonly PageImage[],
  sources: ImageSources,
  clock: () => number = () => Date.now(),
): Promise<KeptImages> {
  const started = clock();
  const tabBytes = new Map(fromTab.map((image) => [image.src, image]));
  const kept = new Map<string, string | null>();
  const assets: ClipAsset[] = [];
  const records = new Map<string, AssetRecord>();
  const notes: CaptureNote[] = [];
  let total = 0;
  const sources_ = [...new Set(article.images.map((image) => image.src))];
  for (const [index, src] of sources_.entries()) {
    if (!/^https?:/i.test(src)) continue;
    if (index >= MAX_IMAGES) {
      notes.push({ code: 'image-clip-cap', url: src });
      continue;
    }
    const left = IMAGES_BUDGET_MS - (clock() - started);
    const given = tabBytes.get(src);
    let fetched: Fetched;
    if (given) fetched = { ok: true, type: given.type, bytes: bytesOfBase64(given.base64) };
    else if (left <= 0) fetched = { ok: false, reason: 'failed' };
    else fetched = await sources.fetch(src, pageUrl, MAX_IMAGE_BYTES, left);
    if (!fetched.ok) {
      const code = fetched.reason === 'too-large' ? 'image-too-large' : (`image-${fetched.reason}` as const);
      notes.push({ code, url: src });
      continue;
    }
    if (!/^image\/[\w.+-]{1,60}$/.test(fetched.type)) {
      notes.push({ code: 'image-failed', url: src });
      continue;
    }
    if (fetched.bytes.length > MAX_IMAGE_BYTES) {
      notes.push({ code: 'image-too-large', url: src });
      continue;
    }
    const blob = new Blob([fetched.bytes], { type: fetched.type });
    const size = await sources.dimensions(blob);
    if (size && isIconOrTracker(size)) {
      kept.set(src, null);
      continue;
    }
    const sha256 = await sha256Hex(fetched.bytes);
    if (!records.has(sha256)) {
      if (total + fetched.bytes.length > MAX_CLIP_IMAGE_BYTES) {
        notes.push({ code: 'image-clip-cap', url: src });
        continue;
      }
      total += fetched.bytes.length;
      records.set(sha256, { sha256, type: fetched.type, bytes: fetched.bytes.length, blob });
    }
    kept.set(src, sha256);
    assets.push({ sha256, src, type: fetched.type, bytes: fetched.bytes.length });
  }
  const dropped = new Set([...kept].filter(([, sha]) => sha === null).map(([src]) => src));
  return {
    article: {
      ...article,
      contentHtml: mapImageSources(article.contentHtml, (src) => {
        const sha = kept.get(src);
        return sha === undefined ? undefined : sha && ASSET_PREFIX + sha;
      }),
      images: article.images.filter((image) => !dropped.has(image.src)),
    },
    assets,
    records: [...records.values()],
    notes,
  };
}

/** A stored asset, or undefined. */
export function getAsset(db: JianbaoDatabase, sha256: string): Promise<AssetRecord | undefined> {
  return db.get('assets', sha256);
}
