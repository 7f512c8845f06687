/** The export source and import target of an extension page: the service worker, through messages. */
import type { MessageType, RequestInputOf, ResponseOf } from '../protocol/messages';
import { ask } from '../protocol/worker-client';
import { BlobReceiver } from './blob-channel';
import type { ExportedText, ExportPart, ExportSource } from './export';
import type { ImportTarget } from './import';

/** Clips per export page request (the worker also stops a page at about 4 M characters). */
export const EXPORT_PAGE_SIZE = 200;

type Ask = <T extends MessageType>(type: T, payload: RequestInputOf<T>) => Promise<ResponseOf<T>>;

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
 * Import chunks go to the worker as blob: URLs it fetches (or, with `useBlobUrls` false, as text in
 * the message): runtime messages are JSON-serialised, slow for megabytes.
 */
export function workerImportTarget({
  send = ask,
  useBlobUrls = true,
}: { send?: Ask; useBlobUrls?: boolean } = {}): ImportTarget {
  return {
    begin: () => send('archive/import-begin', {}),
    chunk: async (importId, json) => {
      if (!useBlobUrls) return void (await send('archive/import-chunk', { importId, clips: json }));
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      try {
        await send('archive/import-chunk', { importId, url });
      } catch {
        // A browser whose worker cannot fetch the page's blob: URL gets the text itself (a bad
        // record then fails again, with the same message).
        await send('archive/import-chunk', { importId, clips: json });
      } finally {
        URL.revokeObjectURL(url);
      }
    },
    commit: (importId) => send('archive/import-commit', { importId }),
    abort: async (importId) => void (await send('archive/import-abort', { importId })),
  };
}
