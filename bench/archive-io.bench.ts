/**
 * `npm run bench archive-io`: export and import of 10,000 clips of ~3,000 Chinese characters each.
 *
 * Measured in Node (tsx), not in the browser: the store runs on fake-indexeddb (an in-memory
 * IndexedDB written in JS, slower than Chromium's), the pages' work (building the Blob, JSON.parse,
 * valibot, DOMPurify) runs on V8 as in the extension, DOMPurify on jsdom instead of the page's DOM.
 * Runtime messages are not part of the figures (their sizes are printed instead).
 */
import 'fake-indexeddb/auto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import type { WindowLike } from 'dompurify';
import { exportArchive, pageText } from '../utils/archive-io/export';
import { clipLine } from '../utils/archive-io/format';
import { blobText } from '../utils/archive-io/json-stream';
import { readArchive } from '../utils/archive-io/parse';
import type { Clip } from '../utils/model/article';
import { ClipSchema } from '../utils/model/clip-schema';
import { EXPORT_BLOB_PAGE_CHARS, exportPage, importClips } from '../utils/archive/clip-store';
import { EXPORT_PAGE_SIZE } from '../utils/archive-io/worker-io';
import { openArchive } from '../utils/archive/db';
import { sanitizeHtml } from '../utils/model/sanitize';
import { generator, storedClip } from './generate';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);
/** DOMPurify on jsdom is far slower than in a page; it is timed on a sample and scaled. */
const SANITIZE_SAMPLE = 200;

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
// A real GC before each phase, so "heap before" is live data, not garbage of the previous phase.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Runs `work`, sampling heap and RSS every 20 ms and at each `sample()` the work calls. */
async function measure<T>(label: string, work: (sample: () => void) => Promise<T> | T): Promise<T> {
  gc();
  const start = process.memoryUsage();
  let peakHeap = start.heapUsed;
  let peakRss = start.rss;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  try {
    return await work(sample);
  } finally {
    const ms = performance.now() - t0;
    sample();
    clearInterval(timer);
    console.log(
      `${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(7)} s   heap ${MB(start.heapUsed)} → peak ${MB(peakHeap)} (+${MB(peakHeap - start.heapUsed)})   peak RSS ${MB(peakRss)}`,
    );
  }
}

export default async function bench(): Promise<void> {
  console.log(
    `${CLIPS} clips × ~3,000 CJK characters (body as text and as HTML). Node ${process.version}, fake-indexeddb;` +
      ' heap = V8 heapUsed after a GC, then its peak sampled every 20 ms; Blob bytes live outside the V8 heap (see RSS).\n',
  );
  const gen = generator();
  const clips = Array.from({ length: CLIPS }, (_, i) => storedClip(gen, i));

  console.log('Pure serialisation and validation (page side, V8):');
  const lines = await measure(`  JSON.stringify ${CLIPS} clips (clipLine)`, () => clips.map(clipLine));
  const bytes = lines.reduce((n, line) => n + Buffer.byteLength(line) + 2, 0);
  lines.length = 0;
  await measure(`  valibot ClipSchema on ${CLIPS} clips`, () => {
    for (const clip of clips) if (!v.safeParse(ClipSchema, clip).success) throw new Error('invalid');
  });
  const window = new JSDOM('').window as unknown as WindowLike;
  const sample = clips.slice(0, SANITIZE_SAMPLE);
  let sanitizeMs = 0;
  await measure(`  DOMPurify (jsdom) on ${SANITIZE_SAMPLE} clips' HTML`, () => {
    const t0 = performance.now();
    for (const clip of sample) sanitizeHtml(clip.contentHtml, window);
    sanitizeMs = performance.now() - t0;
  });
  console.log(
    `  → DOMPurify on jsdom, scaled to ${CLIPS}: ~${(((sanitizeMs / SANITIZE_SAMPLE) * CLIPS) / 1000).toFixed(1)} s` +
      ` (${(sanitizeMs / SANITIZE_SAMPLE).toFixed(2)} ms per clip; a browser DOM is faster)\n`,
  );

  console.log('Through the store (fake-indexeddb):');
  const db = await openArchive(new IDBFactory());
  const added = await measure(`  import commit: ${CLIPS} new clips, one transaction`, () =>
    importClips(db, clips),
  );
  console.log(`    ${JSON.stringify(added)}`);
  // the import's index compaction runs in the background after the commit (in this same thread here)
  await measure(
    '  background index compaction after that import (none due: it wrote finished segments)',
    () => db.searchIndex.compact(),
  );

  let pages = 0;
  let largestPage = 0;
  const archive = await measure(`  export: ${CLIPS} clips, paged, Blob of parts`, (tick) =>
    exportArchive(
      {
        page: async (after) => {
          // what the worker's handler does: read a page, serialise it to the file's text
          const { text, ...page } = pageText(
            await exportPage(db, after, EXPORT_PAGE_SIZE, EXPORT_BLOB_PAGE_CHARS),
          );
          pages++;
          largestPage = Math.max(largestPage, text.length);
          tick();
          return { ...page, part: text };
        },
        byIds: async () => ({ part: '', count: 0 }),
      },
      { onProgress: tick },
    ),
  );
  console.log(
    `    file ${MB(archive.blob.size)} (${archive.blob.size} bytes, ${bytes} of them clip lines), ${pages} page requests, largest page message ${(largestPage / 1e6).toFixed(1)} M JSON characters`,
  );

  let batches = 0;
  let largest = 0;
  const parsedClips: Clip[] = [];
  const read = await measure(
    `  readArchive: the file streamed, JSON.parse + valibot + duplicate check (no sanitize)`,
    () =>
      readArchive(
        () => blobText(archive.blob),
        (html) => html,
        (batch) => {
          batches++;
          largest = Math.max(largest, batch.json.length);
          parsedClips.push(...batch.clips);
        },
      ),
  );
  if (!read.ok) throw new Error(`parse failed: ${JSON.stringify(read.error)}`);
  const parsed = { clips: parsedClips };
  console.log(
    `    ${batches} import chunk messages, largest ${(largest / 1e6).toFixed(1)} M JSON characters`,
  );

  const fresh = await openArchive(new IDBFactory());
  const summary = await measure(`  import commit into a fresh archive (${CLIPS} adds)`, () =>
    importClips(fresh, parsed.clips),
  );
  console.log(`    ${JSON.stringify(summary)}`);
  await measure(
    '  background index compaction after that import (none due: it wrote finished segments)',
    () => fresh.searchIndex.compact(),
  );
  const again = await measure(`  import the same file again (${CLIPS} merges → unchanged)`, () =>
    importClips(fresh, parsed.clips),
  );
  console.log(`    ${JSON.stringify(again)}`);
  console.log(`\nProcess peak RSS (getrusage maxrss): ${MB(process.resourceUsage().maxRSS * 1024)}`);
}
