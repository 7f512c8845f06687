/** The service worker's export and import handlers (entrypoints/background.ts spreads them in). */
import { exportPage, getClips, importClips } from '../archive/clip-store';
import type { JianbaoDatabase } from '../archive/db';
import type { Handlers } from '../archive/message-router';
import { fetchImportChunk } from './blob-channel';
import { clipsText, exportReply, pageText, type ExportCursor, type ExportPageText } from './export';
import { ImportStaging } from './staging';

type ArchiveIoMessage =
  | 'archive/export-page'
  | 'archive/export-ids'
  | 'archive/import-begin'
  | 'archive/import-chunk'
  | 'archive/import-commit'
  | 'archive/import-abort';

export function archiveIoHandlers(
  db: () => Promise<JianbaoDatabase>,
  imports = new ImportStaging(),
  /** the extension's origin: import chunks are fetched only from its own blob: URLs */
  origin: string = globalThis.location?.origin ?? '',
): Pick<Handlers, ArchiveIoMessage> {
  // An export asks for pages one after the other, each from where the last ended: the next page is
  // read and serialised while the page stores this one and asks again (a page read at most one
  // request earlier, which an export of a live archive already allows between its pages).
  let ahead: { key: string; text: Promise<ExportPageText> } | null = null;
  const keyOf = (after: ExportCursor | null, limit: number) => JSON.stringify([after, limit]);
  const readPage = async (after: ExportCursor | null, limit: number) =>
    pageText(await exportPage(await db(), after, limit));
  return {
    'archive/export-page': async ({ after, limit, via }) => {
      const key = keyOf(after, limit);
      const text = ahead?.key === key ? ahead.text : readPage(after, limit);
      ahead = null;
      const page = await text;
      if (page.next) {
        const next = page.next;
        ahead = { key: keyOf(next, limit), text: readPage(next, limit) };
        ahead.text.catch(() => undefined);
      }
      return exportReply(page, via);
    },
    'archive/export-ids': async ({ ids, via }) =>
      exportReply(clipsText(await getClips(await db(), ids)), via),
    'archive/import-begin': async () => imports.begin(),
    'archive/import-chunk': async (chunk) => {
      const clips = 'clips' in chunk ? chunk.clips : await fetchImportChunk(chunk.url, origin);
      return (imports.add(chunk.importId, clips), null);
    },
    'archive/import-commit': async ({ importId }) => {
      const { clips, index } = imports.take(importId);
      return importClips(await db(), clips, index);
    },
    'archive/import-abort': async ({ importId }) => (imports.abort(importId), null),
  };
}
