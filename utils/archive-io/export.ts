/**
 * Export in the extension page: pulls clips from the service worker a page at a time and builds the
 * file as a Blob of per-page Blobs, so no single string ever holds the whole archive.
 */
import type { Clip } from '../model/article';
import { deliverBlob, type BlobDelivery } from './blob-channel';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_TAIL,
  ARCHIVE_VERSION,
  archiveFileName,
  archiveHead,
  clipLine,
} from './format';

/** Where the last page ended: the export walks the clippedAt index, oldest first, id breaking ties. */
export interface ExportCursor {
  clippedAt: string;
  id: string;
}

export interface ExportPage {
  clips: Clip[];
  /** null after the last page */
  next: ExportCursor | null;
  /** clips in the archive when the export began (for progress), on its first page; else null */
  total: number | null;
}

/** Clips already as file text: their lines joined by ",\n" (see pageText). */
export interface ExportedText {
  text: string;
  count: number;
}

export interface ExportPageText extends ExportedText {
  next: ExportCursor | null;
  total: number | null;
}

/**
 * The service worker serialises each page to the file's text itself: one string crosses the
 * message channel far faster than the same clips as objects, and the page only has to store it.
 */
export function clipsText(clips: readonly Clip[]): ExportedText {
  return { text: clips.map(clipLine).join(',\n'), count: clips.length };
}

export function pageText(page: ExportPage): ExportPageText {
  return { ...clipsText(page.clips), next: page.next, total: page.total };
}

/** The worker's answer: the text itself, or (given a delivery address) the text as a Blob sent there. */
export function exportReply<T extends ExportedText>(reply: T, via: BlobDelivery | undefined): T {
  if (!via || reply.count === 0) return reply;
  deliverBlob(via, new Blob([reply.text], { type: 'application/json' }));
  return { ...reply, text: '' };
}

/** A run of clip lines for the file, as text or as a Blob the worker made of it. */
export interface ExportPart {
  part: string | Blob;
  count: number;
}

export interface ExportPagePart extends ExportPart {
  next: ExportCursor | null;
  total: number | null;
}

export interface ExportSource {
  page(after: ExportCursor | null): Promise<ExportPagePart>;
  /** the clips with these ids, in this order; ids no longer in the archive are skipped */
  byIds(ids: string[]): Promise<ExportPart>;
  /** called once the export is done (or failed) */
  close?(): void;
}

export interface ExportOptions {
  /** export only these clips (e.g. the current search result); the whole archive when absent */
  ids?: readonly string[];
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportedArchive {
  blob: Blob;
  fileName: string;
  count: number;
}

/** ids per `byIds` request: keeps each runtime message well under Chrome's 64 MiB limit. */
export const IDS_PER_REQUEST = 100;

/** Time spent waiting for the worker, as performance measures the benchmark adds up. */
async function timed<T>(request: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await request();
  } finally {
    performance.measure('jianbao-export:request', { start, end: performance.now() });
  }
}

export async function exportArchive(
  source: ExportSource,
  options: ExportOptions = {},
): Promise<ExportedArchive> {
  const now = options.now ?? new Date();
  const pages: Blob[] = [];
  let count = 0;
  const addPage = ({ part, count: clips }: ExportPart) => {
    if (clips === 0) return;
    pages.push(new Blob(count === 0 ? [part] : [',\n', part], { type: 'application/json' }));
    count += clips;
  };

  try {
    if (options.ids) {
      const ids = options.ids;
      for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
        addPage(await timed(() => source.byIds(ids.slice(i, i + IDS_PER_REQUEST))));
        options.onProgress?.(Math.min(i + IDS_PER_REQUEST, ids.length), ids.length);
      }
    } else {
      let after: ExportCursor | null = null;
      let total = 0;
      do {
        const page: ExportPagePart = await timed(() => source.page(after));
        addPage(page);
        after = page.next;
        total = page.total ?? total;
        options.onProgress?.(count, Math.max(total, count));
      } while (after);
    }
  } finally {
    source.close?.();
  }

  // The head carries the count, so it is written last, in front of the pages already built.
  const head = archiveHead({
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    count,
  });
  return {
    blob: new Blob([head, ...pages, ARCHIVE_TAIL], { type: 'application/json' }),
    fileName: archiveFileName(now),
    count,
  };
}
