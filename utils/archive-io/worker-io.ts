/** The export source and import target of an extension page: the service worker, through messages. */
import { ask, type Ask } from '../protocol/worker-client';
import { BlobReceiver } from './blob-channel';
import type { ExportedText, ExportPart, ExportSource } from './export';
import type { ImportTarget } from './import';
import { joinBytes } from './index-blocks';
import type { AssetSource, ZipImportTarget } from './zip';
import { postableWorker, postingTo } from './worker-post';

/** Clips per export page request (the worker also stops a page at a number of characters). */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * Export pages from the worker; their text comes back as Blobs on a BroadcastChannel (see
 * blob-channel.ts), or in the replies themselves when `useBlobs` is false.
 */
export function workerExportSource({
  send = ask,
  useBlobs = true,
  pageSize = EXPORT_PAGE_SIZE,
}: { send?: Ask; useBlobs?: boolean; pageSize?: number } = {}): ExportSource {
  const receiver = useBlobs ? new BlobReceiver() : null;
  const received = async <T extends ExportedText>(
    request: (via: ReturnType<BlobReceiver['address']> | undefined) => Promise<T>,
  ): Promise<Omit<T, 'text'> & ExportPart> => {
    const via = receiver?.address();
    const reply = await request(via);
    const { text, ...rest } = reply;
    const part = via && reply.count > 0 ? await receiver!.expect(via.requestId) : text;
    return { ...rest, part };
  };
  return {
    page: (after) => received((via) => send('archive/export-page', { after, limit: pageSize, via })),
    byIds: (ids) => received((via) => send('archive/export-ids', { ids, via })),
    close: () => receiver?.close(),
  };
}

/**
 * Import chunks and index blocks go to the worker as they are, posted (see worker-post.ts), where
 * `post` resolves to a way to post; else as blob: URLs it fetches (or, with `useBlobUrls` false, as
 * text in the message): runtime messages are JSON-serialised, slow for megabytes.
 */
export function workerImportTarget({
  send = ask,
  useBlobUrls = true,
  post = async () => {
    const worker = await postableWorker();
    return worker && postingTo(worker, send);
  },
}: { send?: Ask; useBlobUrls?: boolean; post?: () => Promise<Ask | null> } = {}): ImportTarget {
  let posting: Promise<Ask | null> | undefined;
  const posted = () => (posting ??= post());
  return {
    begin: () => send('archive/import-begin', {}),
    takesText: async () => (await posted()) === null,
    chunk: async (importId, batch) => {
      const postRequest = await posted();
      if (postRequest) return postRequest('archive/import-chunk', { importId, records: batch.clips });
      const json = batch.json();
      if (!useBlobUrls) return send('archive/import-chunk', { importId, clips: json });
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      try {
        return await send('archive/import-chunk', { importId, url });
      } catch (error) {
        // A browser whose worker cannot fetch the page's blob: URL gets the text itself (a bad
        // record then fails again, with the same message).
        if (!/fetch/i.test(String((error as Error)?.message))) throw error;
        return send('archive/import-chunk', { importId, clips: json });
      } finally {
        URL.revokeObjectURL(url);
      }
    },
    index: async (importId, runs, parts) => {
      const postRequest = await posted();
      if (postRequest) {
        await postRequest('archive/import-index', {
          importId,
          runs,
          // the builders' parts are never shared memory
          bytes: joinBytes(parts) as Uint8Array<ArrayBuffer>,
        });
        return;
      }
      if (!useBlobUrls) {
        await send('archive/import-index', { importId, runs, data: base64(joinBytes(parts)) });
        return;
      }
      const url = URL.createObjectURL(new Blob(parts.map((part) => part as BlobPart)));
      try {
        await send('archive/import-index', { importId, runs, url });
      } finally {
        URL.revokeObjectURL(url);
      }
    },
    commit: (importId) => send('archive/import-commit', { importId }),
    abort: async (importId) => void (await send('archive/import-abort', { importId })),
  };
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The ZIP export's assets, from the worker (each a Blob on a BroadcastChannel). */
export function workerAssetSource({ send = ask }: { send?: Ask } = {}): AssetSource {
  const receiver = new BlobReceiver(60_000);
  return {
    refs: (ids) => send('archive/asset-refs', { ids: ids ? [...ids] : null }),
    get: (sha256) => fetchAsset(sha256, receiver, send),
  };
}

/** The ZIP import's target: records as for a JSON import, assets as blob: URLs the worker fetches. */
export function workerZipImportTarget({ send = ask }: { send?: Ask } = {}): ZipImportTarget {
  return {
    ...workerImportTarget({ send }),
    asset: async (importId, sha256, type, blob) => {
      const url = URL.createObjectURL(blob);
      try {
        await send('archive/import-asset', { importId, sha256, type, url });
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
}

/** A kept asset's bytes from the worker (a Blob on a BroadcastChannel), or null if not stored. */
export async function fetchAsset(
  sha256: string,
  receiver?: BlobReceiver,
  send: Ask = ask,
): Promise<Blob | null> {
  const own = receiver ?? new BlobReceiver(60_000);
  try {
    const via = own.address();
    const found = await send('assets/get', { sha256, via });
    return found ? await own.expect(via.requestId) : null;
  } finally {
    if (!receiver) own.close();
  }
}
