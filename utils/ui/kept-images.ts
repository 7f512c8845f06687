/**
 * The reader's images: kept copies only. Stored HTML points a kept image at `assets/<sha256>`; here
 * each becomes a blob: URL of the copy the worker hands over. An image that was not kept loses its
 * src (its alt text shows), so reading a clip requests nothing from any host — the extension pages'
 * CSP (img-src 'self' blob: data:) would refuse it anyway.
 */
import { ASSET_PREFIX, imageRefs, mapImageSources } from '../model/asset-html';
import { BlobReceiver } from '../archive-io/blob-channel';
import { fetchAsset } from '../archive-io/worker-io';

/** Blob URLs of the kept images `html` refers to (missing ones are left out). */
export async function keptImageUrls(html: string): Promise<Map<string, string>> {
  const refs = imageRefs(html);
  const urls = new Map<string, string>();
  if (refs.length === 0) return urls;
  const receiver = new BlobReceiver(30_000);
  try {
    await Promise.all(
      refs.map(async (sha256) => {
        const blob = await fetchAsset(sha256, receiver);
        if (blob) urls.set(sha256, URL.createObjectURL(blob));
      }),
    );
  } finally {
    receiver.close();
  }
  return urls;
}

/** `html` (already sanitized) with kept images at their blob: URLs and every other image's src dropped. */
export function withKeptImages(html: string, urls: ReadonlyMap<string, string>): string {
  return mapImageSources(html, (src) => {
    if (src.startsWith('data:image/')) return undefined;
    if (src.startsWith(ASSET_PREFIX)) return urls.get(src.slice(ASSET_PREFIX.length)) ?? '';
    return '';
  });
}
