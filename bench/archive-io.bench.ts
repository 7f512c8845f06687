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
import type { Clip } from '../utils/article';
import { exportArchive } from '../utils/archive-io/export';
import { clipLine } from '../utils/archive-io/format';
import { chunkClips } from '../utils/archive-io/import';
import { parseArchive } from '../utils/archive-io/parse';
import { ClipSchema } from '../utils/clip-schema';
import { exportPage, importClips } from '../utils/clip-store';
import { openArchive } from '../utils/db';
import { sanitizeHtml } from '../utils/sanitize';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);
const CHARS = 3_000;
/** DOMPurify on jsdom is far slower than in a page; it is timed on a sample and scaled. */
const SANITIZE_SAMPLE = 200;

// A fixed pseudo-random stream, so every run measures the same archive.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
function chineseText(chars: number): string {
  const paragraphs: string[] = [];
  let left = chars;
  while (left > 0) {
    const length = Math.min(left, 80 + Math.floor(random() * 200));
    let p = '\u3000\u3000';
    for (let i = 0; i < length - 1; i++) p += HANZI[Math.floor(random() * HANZI.length)];
    paragraphs.push(p + '。');
    left -= length;
  }
  return paragraphs.join('\n');
}

function makeClip(i: number): Clip {
  const text = chineseText(CHARS);
  const url = `https://news.example.cn/a/${2020 + (i % 5)}/${100_000 + i}.html`;
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return {
    title: `长白山新闻第${i}号 ${text.slice(2, 20)}`,
    kicker: i % 3 === 0 ? '“冰雪季”系列报道：' : null,
    subtitle: null,
    authors: ['李明'],
    editors: ['赵雪'],
    source: '示例日报',
    siteName: '示例新闻网',
    publishedAt: '2024-12-01T09:30:00+08:00',
    publishedRaw: '2024-12-01 09:30',
    section: ['新闻', '旅游'],
    articleId: String(100_000 + i),
    url,
    canonicalUrl: url,
    lang: 'zh-CN',
    excerpt: text.slice(0, 60),
    contentHtml: text
      .split('\n')
      .map((p) => `<p>${p}</p>`)
      .join(''),
    textContent: text,
    images: [],
    pages: [],
    extractor: 'generic',
    id: `clip-${String(i).padStart(6, '0')}`,
    host: 'news.example.cn',
    clippedAt: at,
    updatedAt: at,
    tags: i % 4 === 0 ? ['旅游', '吉林'] : [],
    note: i % 10 === 0 ? '要点：雾凇' : null,
    versions: [],
  };
}

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
    `${CLIPS} clips × ${CHARS} CJK characters (body as text and as HTML). Node ${process.version}, fake-indexeddb;` +
      ' heap = V8 heapUsed after a GC, then its peak sampled every 20 ms; Blob bytes live outside the V8 heap (see RSS).\n',
  );
  const clips = Array.from({ length: CLIPS }, (_, i) => makeClip(i));

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

  let pages = 0;
  let largestPage = 0;
  const archive = await measure(`  export: ${CLIPS} clips, paged, Blob of parts`, (tick) =>
    exportArchive(
      {
        page: async (after) => {
          const page = await exportPage(db, after, 200);
          pages++;
          largestPage = Math.max(largestPage, JSON.stringify(page).length);
          tick();
          return page;
        },
        byIds: async () => [],
      },
      { onProgress: tick },
    ),
  );
  console.log(
    `    file ${MB(archive.blob.size)} (${archive.blob.size} bytes, ${bytes} of them clip lines), ${pages} page requests, largest page message ${(largestPage / 1e6).toFixed(1)} M JSON characters`,
  );

  const text = await measure('  read the file back into a string (blob.text())', () => archive.blob.text());
  const parsed = await measure(`  parseArchive: JSON.parse + valibot + duplicate check (no sanitize)`, () =>
    parseArchive(text, (html) => html),
  );
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.error)}`);
  const chunks = chunkClips(parsed.clips);
  console.log(
    `    ${chunks.length} import chunk messages, largest ${(Math.max(...chunks.map((c) => JSON.stringify(c).length)) / 1e6).toFixed(1)} M JSON characters`,
  );

  const fresh = await openArchive(new IDBFactory());
  const summary = await measure(`  import commit into a fresh archive (${CLIPS} adds)`, () =>
    importClips(fresh, parsed.clips),
  );
  console.log(`    ${JSON.stringify(summary)}`);
  const again = await measure(`  import the same file again (${CLIPS} merges → unchanged)`, () =>
    importClips(fresh, parsed.clips),
  );
  console.log(`    ${JSON.stringify(again)}`);
  console.log(`\nProcess peak RSS (getrusage maxrss): ${MB(process.resourceUsage().maxRSS * 1024)}`);
}
