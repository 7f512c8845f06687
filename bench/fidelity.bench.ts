/**
 * `npm run bench fidelity`: what keeping the page costs.
 * 1. Bytes stored per clip on the corpus pages (jsdom): the record's text, the gzipped snapshot.
 *    The corpus holds HTML only, so image bytes are counted on the 10-image page of part 2.
 * 2. Click → stored with 10 images (5 on the page's host, 5 on a CDN that wants the Referer), in
 *    headless Chromium with host access granted, against the same page with "Keep images offline" off.
 * 3. Import and export of 1,000 clips with images and snapshots as a ZIP, against the same clips as
 *    a JSON file without them, through the archive page of the production build.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { zipSync } from 'fflate';
import { extractArticle } from '../utils/extract';
import { snapshotHtml } from '../utils/extract/in-page';
import { SNAPSHOT_FORMAT } from '../utils/model/snapshot';
import { ARCHIVE_TAIL, ARCHIVE_VERSION, archiveHead, clipLine } from '../utils/archive-io/format';
import type { Clip } from '../utils/model/article';
import {
  buildWithHostAccess,
  clickToolbarButton,
  currentWorker,
  launch,
  storedClips,
  waitFor,
  type Browser,
} from '../tests/e2e/harness';
import { png } from '../tests/fixtures/png';
import { benchPages } from './corpus-pages';
import { generator, storedClip } from './generate';
import { memorySampler } from './archive-io-chromium.bench';

const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function bytesPerClip(): void {
  const rows: Array<{ text: number; snapshot: number; images: number }> = [];
  for (const { html, url } of benchPages()) {
    const { window } = new JSDOM(html, { url });
    let article;
    try {
      article = extractArticle(window.document, url);
    } catch {
      continue;
    }
    const text = Buffer.byteLength(JSON.stringify(article));
    const json = JSON.stringify({
      format: SNAPSHOT_FORMAT,
      version: 1,
      pages: [{ url, html: snapshotHtml(window.document, url) }],
    });
    rows.push({ text, snapshot: zlib.gzipSync(json).length, images: article.images.length });
    window.close();
  }
  console.log(`1. bytes stored per clip, ${rows.length} corpus pages (jsdom):`);
  console.log(
    `   record (text and fields, JSON): median ${KB(median(rows.map((r) => r.text)))}, total ${KB(sum(rows.map((r) => r.text)))}`,
  );
  console.log(
    `   snapshot (gzipped):             median ${KB(median(rows.map((r) => r.snapshot)))}, total ${KB(sum(rows.map((r) => r.snapshot)))}`,
  );
  console.log(
    `   snapshot / record: ${(sum(rows.map((r) => r.snapshot)) / sum(rows.map((r) => r.text))).toFixed(2)}×; ` +
      `article images per page: median ${median(rows.map((r) => r.images))}, max ${Math.max(...rows.map((r) => r.images))} (bytes: see 2)`,
  );
}

const NEWS = 'news.example.cn';
const CDN = 'img.cdn.example.net';
const IMAGES = Array.from({ length: 10 }, (_, i) => png(400, 300, 100 + i));

function tenImagePage(n: number): string {
  const imgs = IMAGES.map((_, i) =>
    i < 5
      ? `<p><img src="/img/${n}/${i}.png" alt="图${i}"></p>`
      : `<p><img src="http://${CDN}/img/${n}/${i}.png" alt="图${i}"></p>`,
  );
  const para = (i: number) =>
    `<p>　　第${i}段：长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂，共赏雾凇奇观。</p>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>十图新闻${n}_示例新闻网</title></head><body>
  <h1>十图新闻${n}</h1><div class="info">2024-12-01 09:30 来源：示例日报</div>
  <div class="TRS_Editor">${imgs.map((img, i) => para(i) + img).join('')}</div></body></html>`;
}

async function clickToStored(): Promise<void> {
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url ?? '/', 'http://x');
    const page = /^\/a\/(\d+)\.html$/.exec(url.pathname);
    if (host === NEWS && page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(tenImagePage(Number(page[1])));
    }
    const image = /^\/img\/\d+\/(\d)\.png$/.exec(url.pathname);
    if (image && (host === NEWS || req.headers.referer?.startsWith(`http://${NEWS}/`))) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      return void res.end(IMAGES[Number(image[1])]);
    }
    res.writeHead(host === CDN ? 403 : 404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = buildWithHostAccess();
  const browser = await launch({
    extensionDir: dir,
    hostRules: [`MAP ${NEWS} 127.0.0.1:${port}`, `MAP ${CDN} 127.0.0.1:${port}`],
  });
  const times = { on: [] as number[], off: [] as number[] };
  let n = 0;
  try {
    for (let round = 0; round < 3; round++) {
      for (const mode of ['off', 'on'] as const) {
        const worker = await currentWorker(browser);
        await worker.evaluate((on) => chrome.storage.local.set({ 'fidelity.keepImages': on }), mode === 'on');
        const url = `http://${NEWS}/a/${++n}.html`;
        const tab = await browser.context.newPage();
        await tab.goto(url);
        await tab.bringToFront();
        const started = Date.now();
        await clickToolbarButton(browser, url);
        await waitFor(
          async () => {
            const clip = (await storedClips(browser)).find((c) => c.url === url) as
              { assets: unknown[] } | undefined;
            return clip && (mode === 'off' || clip.assets.length === 10);
          },
          60_000,
          `the clip of ${url}`,
        );
        times[mode].push(Date.now() - started);
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const bytes = sum(IMAGES.map((i) => i.length));
  console.log(
    `2. click → stored, a page with 10 images (${KB(bytes)} of PNG; 5 on its host, 5 on a CDN wanting the Referer), 3 runs each:`,
  );
  console.log(`   with images kept: median ${median(times.on)} ms (${times.on.join(', ')})`);
  console.log(
    `   text only (switch off, same process): median ${median(times.off)} ms (${times.off.join(', ')})`,
  );
  console.log(
    `   ratio: ${(median(times.on) / median(times.off)).toFixed(2)}×; images stored per clip: ${KB(bytes)}`,
  );
}

/** 1,000 clips with one ~60 kB image each (unique bytes) and a gzipped snapshot; and the same clips bare. */
function archives(dir: string, count: number): { zip: string; json: string; assets: number } {
  const gen = generator();
  const bare: Clip[] = [];
  const rich: Clip[] = [];
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    const clip = storedClip(gen, i);
    bare.push(clip);
    const image = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.alloc(60_000, i % 251),
      Buffer.from(String(i)),
    ]);
    const sha = createHash('sha256').update(image).digest('hex');
    const snapshot = zlib.gzipSync(
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        version: 1,
        pages: [{ url: clip.url, html: `<html><body>${clip.contentHtml}</body></html>` }],
      }),
    );
    const snapSha = createHash('sha256').update(snapshot).digest('hex');
    entries[`assets/${sha}`] = image;
    entries[`snapshots/${snapSha}.json.gz`] = snapshot;
    rich.push({
      ...clip,
      contentHtml: `${clip.contentHtml}<p><img src="assets/${sha}" alt="图"></p>`,
      assets: [
        { sha256: sha, src: `https://img.example.cn/${i}.jpg`, type: 'image/jpeg', bytes: image.length },
      ],
      snapshot: { sha256: snapSha, bytes: snapshot.length, htmlBytes: clip.contentHtml.length },
    });
  }
  const file = (clips: Clip[]) =>
    archiveHead({
      format: 'jianbao-archive',
      version: ARCHIVE_VERSION,
      exportedAt: new Date().toISOString(),
      count,
    }) +
    clips.map(clipLine).join(',\n') +
    ARCHIVE_TAIL;
  const json = path.join(dir, 'bare.json');
  fs.writeFileSync(json, file(bare));
  const zip = path.join(dir, 'rich.zip');
  fs.writeFileSync(
    zip,
    zipSync({ 'archive.json': new TextEncoder().encode(file(rich)), ...entries }, { level: 0 }),
  );
  return { zip, json, assets: Object.keys(entries).length };
}

async function importExport(file: string, kind: 'zip' | 'json', dir: string) {
  const userDataDir = path.join(dir, `profile-${kind}`);
  const browser: Browser = await launch({ userDataDir });
  const memory = memorySampler(userDataDir);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
    await page.getByTestId('archive-total').waitFor();
    const t0 = Date.now();
    if (kind === 'zip') {
      await page.getByTestId('import-zip').setInputFiles(file);
      await page.getByTestId('zip-status').waitFor({ timeout: 600_000 });
      const ok = await page.getByTestId('zip-status').getAttribute('data-ok');
      if (ok !== 'true') throw new Error(await page.getByTestId('zip-status').innerText());
    } else {
      await page.getByTestId('import-file').setInputFiles(file);
      await page.locator('[data-testid=io-status]:not([data-state=busy])').waitFor({ timeout: 600_000 });
    }
    const importMs = Date.now() - t0;
    memory.reset();
    const t1 = Date.now();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await page.getByTestId(kind === 'zip' ? 'export-zip' : 'export-json').click();
    const saved = path.join(dir, `exported-${kind}`);
    await (await download).saveAs(saved);
    const exportMs = Date.now() - t1;
    return { importMs, exportMs, size: fs.statSync(saved).size, memory: memory.report() };
  } finally {
    memory.stop();
    await browser.close();
  }
}

export default async function bench(): Promise<void> {
  console.log('Figures from a shared, loaded 2-core machine: compare the ratios, not the absolute times.\n');
  bytesPerClip();
  await clickToStored();
  const count = Number(process.env.BENCH_CLIPS ?? 1_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-fidelity-'));
  try {
    const { zip, json, assets } = archives(dir, count);
    const withImages = await importExport(zip, 'zip', dir);
    const bare = await importExport(json, 'json', dir);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`3. ${count} clips through the archive page (production build, headless Chromium):`);
    console.log(
      `   ZIP with ${assets} images and snapshots (${KB(fs.statSync(zip).size)}): import ${s(withImages.importMs)}, export ${s(withImages.exportMs)} (${KB(withImages.size)})`,
    );
    console.log(`     export memory: ${withImages.memory}`);
    console.log(
      `   JSON, same clips, no images (${KB(fs.statSync(json).size)}): import ${s(bare.importMs)}, export ${s(bare.exportMs)}`,
    );
    console.log(
      `   ratio ZIP/JSON: import ${(withImages.importMs / bare.importMs).toFixed(2)}×, export ${(withImages.exportMs / bare.exportMs).toFixed(2)}×`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
