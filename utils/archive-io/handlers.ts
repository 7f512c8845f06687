/** The service worker's export and import handlers (entrypoints/background.ts spreads them in). */
import {
  assetRefsOf,
  EXPORT_BLOB_PAGE_CHARS,
  EXPORT_PAGE_CHARS,
  exportPage,
  getClips,
} from '../archive/clip-store';
import { bytesOfBase64 } from '../archive/assets';
import { sha256Hex } from '../model/snapshot';
import type { JianbaoDatabase } from '../archive/db';
import type { Handlers } from '../archive/message-router';
import { fetchImportChunk, fetchOwnBlob } from './blob-channel';
import { decodeBlock } from './index-blocks';
import { clipsText, exportReply, pageText, type ExportCursor, type ExportPageText } from './export';
import { ImportSessions } from './staging';
import { recordCount, timed } from './timing';

type ArchiveIoMessage =
  | 'archive/export-page'
  | 'archive/export-ids'
  | 'archive/import-begin'
  | 'archive/import-chunk'
  | 'archive/import-index'
  | 'archive/import-commit'
  | 'archive/import-abort'
  | 'archive/asset-refs'
  | 'archive/import-asset';

export function archiveIoHandlers(
  db: () => Promise<JianbaoDatabase>,
  imports = new ImportSessions(),
  /** the extension's origin: import chunks are fetched only from its own blob: URLs */
  origin: string = globalThis.location?.origin ?? '',
): Pick<Handlers, ArchiveIoMessage> {
  // An export asks for pages one after the other, each from where the last ended: the next page is
  // read and serialised while the page stores this one and asks again (a page read at most one
  // request earlier, which an export of a live archive already allows between its pages).
  let ahead: { key: string; text: Promise<ExportPageText> } | null = null;
  const keyOf = (after: ExportCursor | null, limit: number, blob: boolean) =>
    JSON.stringify([after, limit, blob]);
  // a page sent as a Blob crosses no message, so it may be larger
  const readPage = async (after: ExportCursor | null, limit: number, blob: boolean) =>
    pageText(await exportPage(await db(), after, limit, blob ? EXPORT_BLOB_PAGE_CHARS : EXPORT_PAGE_CHARS));
  /** A part of an import that fails ends it (nothing written), so the archive is free at once. */
  const failing = async <T>(importId: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      imports.abort(importId);
      throw error;
    }
  };
  return {
    'archive/export-page': async ({ after, limit, via }) => {
      const key = keyOf(after, limit, !!via);
      const text = ahead?.key === key ? ahead.text : readPage(after, limit, !!via);
      ahead = null;
      const page = await text;
      if (page.next) {
        const next = page.next;
        ahead = { key: keyOf(next, limit, !!via), text: readPage(next, limit, !!via) };
        ahead.text.catch(() => undefined);
      }
      return exportReply(page, via);
    },
    'archive/export-ids': async ({ ids, via }) =>
      exportReply(clipsText(await getClips(await db(), ids)), via),
    'archive/import-begin': async () => imports.begin(await db()),
    'archive/import-chunk': (chunk) =>
      failing(chunk.importId, async () => {
        const clips =
          'records' in chunk
            ? chunk.records
            : 'clips' in chunk
              ? chunk.clips
              : await timed('worker chunk fetch + check', () => fetchImportChunk(chunk.url, origin));
        return timed('worker chunk write', () => imports.get(chunk.importId).add(clips));
      }),
    'archive/import-index': (block) =>
      failing(block.importId, async () => {
        const bytes =
          'bytes' in block
            ? block.bytes
            : 'url' in block
              ? new Uint8Array(await (await fetchOwnBlob(block.url, origin)).arrayBuffer())
              : bytesOfBase64(block.data);
        const pieces = await timed('worker index decode', async () => decodeBlock(bytes));
        return (
          await timed('worker index write', () => imports.get(block.importId).addIndex(block.runs, pieces)),
          null
        );
      }),
    'archive/import-commit': ({ importId }) => {
      const writer = imports.take(importId);
      // for the benchmark: how many reads the writer made only to keep its transaction open
      return timed('worker commit', () => writer.commit()).finally(() =>
        recordCount('worker keep-alive reads', writer.keepAliveReads),
      );
    },
    'archive/asset-refs': async ({ ids }) => assetRefsOf(await db(), ids),
    'archive/import-asset': ({ importId, sha256, type, url }) =>
      failing(importId, async () => {
        const bytes = new Uint8Array(await (await fetchOwnBlob(url, origin, 'asset')).arrayBuffer());
        if ((await sha256Hex(bytes)) !== sha256) throw new Error(`asset ${sha256} does not match its hash`);
        const asset = { sha256, type, bytes: bytes.length, blob: new Blob([bytes], { type }) };
        return (await imports.get(importId).addAssets([asset]), null);
      }),
    'archive/import-abort': async ({ importId }) => (imports.abort(importId), null),
  };
}
