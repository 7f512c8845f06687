/**
 * The clip outlives the page, in the production build in real Chromium. Pages are served under real
 * hostnames (--host-resolver-rules): news.example.cn, and img.cdn.example.net as its image CDN, which
 * answers 403 to any request without news.example.cn's Referer (hotlink protection). The build is a
 * copy with the optional host permission granted, as after the user switched "Keep images offline" on.
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../fixtures/png';
import {
  buildWithHostAccess,
  clipFromToolbar,
  currentWorker,
  launch,
  storedClips,
  waitFor,
  type Browser,
} from './harness';

const NEWS = 'news.example.cn';
const CDN = 'img.cdn.example.net';
const para = (text: string) => `<p>　　${text}</p>`;
const BODY = [
  '长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂，共赏雾凇奇观。',
  '今年的冰雪季将持续到明年三月，期间举办滑雪比赛、冰雕展览和民俗表演等二十余项活动。',
  '景区负责人介绍，新建的索道和雪道已全部投入使用，接待能力比去年提高了三成。',
];

function imagesPage() {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>长白山冰雪季开幕_示例新闻网</title></head><body>
  <h1>长白山冰雪季开幕</h1><div class="info">2024-12-01 09:30 来源：示例日报</div>
  <div class="TRS_Editor">
    ${para(BODY[0]!)}
    <p><img src="/img/local.png" alt="开幕式"></p>
    ${para(BODY[1]!)}
    <p><img src="/img/blank.gif" data-src="http://${CDN}/pic/deferred.png" alt="雾凇"></p>
    <p><img srcset="http://${CDN}/pic/small.png 300w, http://${CDN}/pic/big.png 800w" alt="雪道"></p>
    <p><img src="http://${CDN}/pic/referer.png" alt="索道"></p>
    <p><img src="/img/icon.png" alt="">分享</p>
    <p><img src="http://${CDN}/t.gif?u=1" alt=""></p>
    ${para(BODY[2]!)}
  </div></body></html>`;
}

let changed = false;
let goneNow = false;
const GONE_PAGE =
  '<html><head><title>页面不存在</title></head><body><h1>抱歉，您访问的页面不存在</h1></body></html>';
function trsPage(n: number) {
  const text = (i: number) =>
    n === 2 && i === 2 && changed
      ? '第2页第2段：修改后的段落，景区宣布延长开放时间至晚上九点。'
      : `第${n}页第${i}段：长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂。`;
  const nav = ['content_200.htm', 'content_200_2.htm', 'content_200_3.htm']
    .map((href, i) => `<a href="${href}">${i + 1}</a>`)
    .join(' ');
  const next = n < 3 ? `<a href="content_200_${n + 1}.htm">下一页</a>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>冰雪季三页长文_示例新闻网</title></head><body>
  <h1>冰雪季三页长文</h1><div class="info">2024-12-02 10:00 来源：示例日报</div>
  <div class="TRS_Editor">${[1, 2, 3].map((i) => para(text(i))).join('')}</div>
  <div class="page">${nav} ${next}</div></body></html>`;
}

const files: Record<string, Buffer> = {
  [`${NEWS}/img/local.png`]: png(400, 300, 1),
  [`${NEWS}/img/blank.gif`]: png(1, 1, 9),
  [`${NEWS}/img/icon.png`]: png(16, 16, 2),
  [`${CDN}/pic/deferred.png`]: png(500, 300, 3),
  [`${CDN}/pic/small.png`]: png(300, 200, 4),
  [`${CDN}/pic/big.png`]: png(800, 500, 5),
  [`${CDN}/pic/referer.png`]: png(640, 480, 6),
  [`${CDN}/t.gif`]: png(1, 1, 7),
};

describe('the clip outlives the page', () => {
  let server: http.Server;
  let port = 0;
  let offline = false;
  const requests: Array<{ host: string; path: string; referer: string | null; status: number }> = [];
  let browser: Browser;
  let extensionDir: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const host = (req.headers.host ?? '').split(':')[0]!;
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const referer = req.headers.referer ?? null;
      const send = (status: number, type: string, body: string | Buffer) => {
        requests.push({ host, path, referer, status });
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (offline) return void req.socket.destroy();
      if (host === NEWS && path === '/a/images.html')
        return goneNow
          ? send(404, 'text/html; charset=utf-8', GONE_PAGE)
          : send(200, 'text/html; charset=utf-8', imagesPage());
      const trs = /^\/xw\/content_200(?:_(\d))?\.htm$/.exec(path);
      if (host === NEWS && trs) return send(200, 'text/html; charset=utf-8', trsPage(Number(trs[1] ?? 1)));
      const file = files[`${host}${path}`];
      if (!file) return send(404, 'text/plain', 'not found');
      if (host === CDN && !referer?.startsWith(`http://${NEWS}/`))
        return send(403, 'text/plain', 'hotlinking refused');
      return send(200, path.endsWith('.gif') ? 'image/gif' : 'image/png', file);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    extensionDir = buildWithHostAccess();
    browser = await launch({
      extensionDir,
      hostRules: [`MAP ${NEWS} 127.0.0.1:${port}`, `MAP ${CDN} 127.0.0.1:${port}`],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (extensionDir) fs.rmSync(extensionDir, { recursive: true, force: true });
  });

  async function clip(url: string) {
    const tab = await browser.context.newPage();
    await tab.goto(url);
    await tab.bringToFront();
    const result = await clipFromToolbar(browser, url, 60_000);
    await result.popup.close();
    return { ...result, tab };
  }

  /** Reloads the tab showing `url` and clips it again through the worker's shared clip path (update). */
  async function reloadAndClip(url: string): Promise<{ status: string; error?: { code: string } }> {
    await browser.context
      .pages()
      .find((p) => p.url() === url)!
      .reload();
    const worker = await currentWorker(browser);
    return worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      const clip = (
        globalThis as unknown as { jianbaoClipAndBadge: (tab: unknown, mode: string) => Promise<never> }
      ).jianbaoClipAndBadge;
      return clip(tab, 'page');
    }, url);
  }

  const clipByUrl = async (url: string) =>
    (await storedClips(browser)).find((c) => c.url === url) as Record<string, never> & {
      id: string;
      contentHtml: string;
      textContent: string;
      assets: Array<{ sha256: string; src: string; bytes: number }>;
      notes: unknown[];
      pages: string[];
      versions: Array<{ textContent: string; snapshot: string | null }>;
      snapshot: { sha256: string } | null;
      gone: unknown;
    };

  it('keeps 4 article images (same origin, lazy, srcset, a CDN that needs the Referer), not the icon or tracker', async () => {
    const url = `http://${NEWS}/a/images.html`;
    const { status } = await clip(url);
    expect(status).toBe('saved');
    const stored = await clipByUrl(url);
    expect(stored.assets.map((a) => a.src).sort()).toEqual(
      [
        `http://${NEWS}/img/local.png`,
        `http://${CDN}/pic/big.png`,
        `http://${CDN}/pic/deferred.png`,
        `http://${CDN}/pic/referer.png`,
      ].sort(),
    );
    expect(stored.notes).toEqual([]);
    expect(stored.contentHtml).not.toMatch(/icon\.png|t\.gif/);
    expect(stored.contentHtml.match(/src="assets\/[0-9a-f]{64}"/g)).toHaveLength(4);
    expect(stored.contentHtml).not.toMatch(/src="http/);
    // the CDN was asked with the page's Referer (and refused the browser's own request without it)
    const cdnHits = requests.filter((r) => r.host === CDN && r.path === '/pic/referer.png');
    expect(cdnHits.some((r) => r.status === 200 && r.referer === url)).toBe(true);
    // blobs are in the assets store, deduplicated, with the right bytes
    const worker = await currentWorker(browser);
    const assets = await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('jianbao');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<Array<{ sha256: string; bytes: number; type: string }>>((resolve) => {
        const get = db.transaction('assets').objectStore('assets').getAll();
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      return all.map(({ sha256, bytes, type }) => ({ sha256, bytes, type }));
    });
    for (const asset of stored.assets) expect(assets.map((a) => a.sha256)).toContain(asset.sha256);
    expect(assets.find((a) => a.sha256 === stored.assets[0]!.sha256)!.bytes).toBe(
      files[`${NEWS}/img/local.png`]!.length,
    );
    expect(stored.snapshot).not.toBeNull();
  });

  it('the reader shows the kept images with the network cut off, and requests nothing from any host', async () => {
    const stored = await clipByUrl(`http://${NEWS}/a/images.html`);
    offline = true;
    await browser.context.setOffline(true);
    const before = requests.length;
    const reader = await browser.context.newPage();
    try {
      const outside: string[] = [];
      reader.on('request', (request) => {
        if (!/^(chrome-extension|blob|data):/.test(request.url())) outside.push(request.url());
      });
      await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${stored.id}`);
      const images = await waitFor(
        () =>
          reader.evaluate(() => {
            const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-testid=reader-body] img')];
            return imgs.length === 4 && imgs.every((img) => img.complete && img.naturalWidth > 0)
              ? imgs.map((img) => ({ src: img.src, width: img.naturalWidth }))
              : null;
          }),
        20_000,
        'the kept images in the reader',
      );
      expect(images.every((img) => img.src.startsWith('blob:'))).toBe(true);
      expect(images.map((i) => i.width).sort((a, b) => a - b)).toEqual([400, 500, 640, 800]);
      await reader.waitForTimeout(500);
      expect(outside).toEqual([]);
      expect(requests.length).toBe(before);
    } finally {
      offline = false;
      await browser.context.setOffline(false);
      await reader.close();
    }
  });

  it('a 3-page TRS article becomes one clip with the three bodies in order', async () => {
    const url = `http://${NEWS}/xw/content_200.htm`;
    const { status } = await clip(url);
    expect(status).toBe('saved');
    const stored = await clipByUrl(url);
    expect(stored.pages).toEqual([
      url,
      `http://${NEWS}/xw/content_200_2.htm`,
      `http://${NEWS}/xw/content_200_3.htm`,
    ]);
    const order = [...stored.textContent.matchAll(/第(\d)页第(\d)段/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(order).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
  });

  it('re-clipping after a paragraph changed keeps two versions', async () => {
    const url = `http://${NEWS}/xw/content_200.htm`;
    changed = true;
    const outcome = (await reloadAndClip(url)).status;
    expect(outcome).toBe('updated');
    const stored = await clipByUrl(url);
    expect(stored.textContent).toContain('修改后的段落');
    expect(stored.versions).toHaveLength(1);
    expect(stored.versions[0]!.textContent).toContain('第2页第2段：长白山');
    expect(stored.versions[0]!.snapshot).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the reader lists the versions and shows the changed paragraph as removed and added', async () => {
    const stored = await clipByUrl(`http://${NEWS}/xw/content_200.htm`);
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${stored.id}`);
    await reader.waitForSelector('[data-testid=diff]');
    expect(await reader.locator('[data-testid=version-list] li').count()).toBe(2);
    const removed = await reader.locator('[data-kind=removed]').allInnerTexts();
    const added = await reader.locator('[data-kind=added]').allInnerTexts();
    expect(removed).toEqual(['第2页第2段：长白山冰雪季在池北区正式开幕，来自全国各地的滑雪爱好者齐聚一堂。']);
    expect(added).toEqual(['第2页第2段：修改后的段落，景区宣布延长开放时间至晚上九点。']);
    expect(await reader.locator('[data-kind=same]').count()).toBe(8);
    await reader.close();
  });

  it('re-extracts from the snapshot in the reader: shows the changed field, then saves it', async () => {
    const url = `http://${NEWS}/a/images.html`;
    const stored = await clipByUrl(url);

    // as if an older extractor had read the source wrong
    const worker = await currentWorker(browser);
    await worker.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('jianbao');
        open.onsuccess = () => resolve(open.result);
      });
      const tx = db.transaction('clips', 'readwrite');
      const store = tx.objectStore('clips');
      const clip = await new Promise<Record<string, unknown>>((resolve) => {
        const get = store.get(id);
        get.onsuccess = () => resolve(get.result);
      });
      store.put({ ...clip, source: '旧的来源' });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, stored.id);
    offline = true;
    const reader = await browser.context.newPage();
    try {
      await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${stored.id}`);
      await reader.click('[data-testid=reextract-run]');
      await reader.waitForSelector('[data-testid=reextract-changes]');
      const fields = await reader
        .locator('[data-testid=reextract-changes] [data-field]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-field')));
      expect(fields).toEqual(['source']);
      expect(await reader.locator('[data-field=source] ins').innerText()).toBe('示例日报');
      await reader.click('[data-testid=reextract-save]');
      await waitFor(
        async () => (await clipByUrl(url)).source === ('示例日报' as never),
        10_000,
        'the saved field',
      );
      const saved = await clipByUrl(url);
      // the kept images still show: the re-extracted body points at the same assets
      expect(saved.contentHtml.match(/src="assets\/[0-9a-f]{64}"/g)).toHaveLength(4);
    } finally {
      offline = false;
      await reader.close();
    }
  });

  it('a page now gone (404, 页面不存在) marks the clip and never overwrites it', async () => {
    const url = `http://${NEWS}/a/images.html`;
    const before = await clipByUrl(url);
    goneNow = true;
    try {
      const outcome = await reloadAndClip(url);
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'page-gone' } });
      const after = await clipByUrl(url);
      expect(after.gone).toMatchObject({ status: 404 });
      expect(after.textContent).toBe(before.textContent);
      expect(after.contentHtml).toBe(before.contentHtml);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.waitForSelector(`[data-clip-id="${before.id}"] [data-testid=mark-gone]`);
      await popup.waitForSelector('[data-testid=mark-changed]');
      await popup.close();
    } finally {
      goneNow = false;
    }
  });

  it('ZIP round trip: export, import into a fresh profile, export again: identical, image bytes included', async () => {
    const exportFrom = async (b: Browser, file: string) => {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/manage.html`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=export-zip]'),
      ]);
      await download.saveAs(file);
      await page.close();
      return unzipSync(new Uint8Array(fs.readFileSync(file)));
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-zip-'));
    const fresh = await launch({ extensionDir });
    try {
      const first = await exportFrom(browser, path.join(dir, 'first.zip'));
      const names = Object.keys(first);
      expect(names[0]).toBe('archive.json');
      const archive = JSON.parse(new TextDecoder().decode(first['archive.json']));
      expect(archive).toMatchObject({ version: 2, count: 2 });
      // the 4 images of the first clip; snapshots of both clips and of the TRS clip’s earlier version
      expect(names.filter((n) => n.startsWith('assets/'))).toHaveLength(4);
      expect(names.filter((n) => n.startsWith('snapshots/')).length).toBeGreaterThanOrEqual(3);
      expect(
        Buffer.from(first[`assets/${(await clipByUrl(`http://${NEWS}/a/images.html`)).assets[0]!.sha256}`]!),
      ).toEqual(files[`${NEWS}/img/local.png`]);

      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/manage.html`);
      await page.setInputFiles('[data-testid=import-zip]', path.join(dir, 'first.zip'));
      const status = await page.waitForSelector('[data-testid=zip-status]');
      expect(await status.getAttribute('data-ok')).toBe('true');
      await page.close();

      const second = await exportFrom(fresh, path.join(dir, 'second.zip'));
      expect(Object.keys(second)).toEqual(names);
      for (const name of names.filter((n) => n !== 'archive.json')) {
        expect(Buffer.from(second[name]!).equals(Buffer.from(first[name]!))).toBe(true);
      }
      const again = JSON.parse(new TextDecoder().decode(second['archive.json']));
      expect({ ...again, exportedAt: null }).toEqual({ ...archive, exportedAt: null });
    } finally {
      await fresh.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
