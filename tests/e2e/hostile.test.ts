/**
 * Hostile pages: each payload, if it ever ran or loaded inside the extension, would leave a mark —
 * a global, a polluted prototype, or a request to the beacon server. Clipping, the popup and the
 * reader must leave none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFromToolbar,
  currentWorker,
  launch,
  serve,
  storedClips,
  type Browser,
  type FixtureServer,
} from './harness';

const FIXTURES = 'tests/fixtures/hostile';
const names = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace('.html', ''));

const MARK_CHECK = `(() => ({ pwned: globalThis.__jianbaoPwned ?? null, polluted: ({}).polluted ?? ({}).isAdmin ?? null }))()`;

describe('hostile pages', () => {
  let beacon: FixtureServer;
  let site: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    beacon = await serve({});
    const routes: Record<string, string> = {};
    for (const name of names) {
      routes[`/news/${name}.html`] = fs
        .readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8')
        .replaceAll('BEACON', `${beacon.base}/b`);
    }
    site = await serve(routes);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await beacon?.close();
  });

  it.each(names)('%s: clipped without running or loading anything in the extension', async (name) => {
    const url = `${site.base}/news/${name}.html`;
    const tab = await browser.context.newPage();
    // The page's own payloads are not under test: answer them in the tab with 204, which also keeps a
    // meta refresh from navigating the tab away from the article.
    await tab.route(`${beacon.base}/**`, (route) => route.fulfill({ status: 204 }));
    await tab.goto(url);
    await tab.waitForTimeout(100);
    beacon.requests.length = 0;

    const { popup, status } = await clipFromToolbar(browser, url);
    expect(status).toBe('saved');
    expect(await popup.evaluate(MARK_CHECK)).toEqual({ pwned: null, polluted: null });
    await popup.close();
    await tab.close();

    const clip = (await storedClips(browser)).find((c) => c.url === url)!;
    expect(clip).toBeDefined();
    const html = String(clip.contentHtml);
    expect(html).not.toMatch(/<(script|iframe|object|embed|style|link|meta|base|form|input|svg)\b/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:|BEACON|\/b\/|style=/i);
    for (const field of ['title', 'kicker', 'subtitle', 'source'])
      expect(String(clip[field] ?? '')).not.toMatch(/<[a-z]/i);
    expect(clip.authors).toEqual(expect.not.arrayContaining([expect.stringMatching(/</)]));

    // The archive list and the reader render this clip; nothing may run or load.
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await list.getByTestId('clip-list').waitFor();
    const reader = await browser.context.newPage();
    await reader.goto(
      `chrome-extension://${browser.extensionId}/reader.html?id=${encodeURIComponent(String(clip.id))}`,
    );
    await reader.locator('.reader-body').waitFor();
    await reader
      .locator('a')
      .first()
      .hover()
      .catch(() => {});
    await reader.waitForTimeout(300);
    for (const view of [list, reader])
      expect(await view.evaluate(MARK_CHECK)).toEqual({ pwned: null, polluted: null });
    const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId))!;
    expect(await worker.evaluate(MARK_CHECK)).toEqual({ pwned: null, polluted: null });
    await list.close();
    await reader.close();
    expect(beacon.requests).toEqual([]);
  });

  it('the reader sanitizes again: a stored record with raw hostile HTML still runs and loads nothing', async () => {
    // A record written by an older version or a hand-edited import, bypassing the clip path's sanitizer.
    const b = `${beacon.base}/b`;
    const hostileHtml =
      `<p>正文</p><img src="data:,x" onerror="globalThis.__jianbaoPwned='reader';fetch('${b}/reader-onerror')">` +
      `<svg onload="fetch('${b}/reader-svg')"></svg><iframe srcdoc="<script>fetch('${b}/reader-iframe')</script>"></iframe>` +
      `<p style="background:url(${b}/reader-css)">x</p><meta http-equiv="refresh" content="0;url=${b}/reader-refresh">` +
      `<a href="javascript:fetch('${b}/reader-js')">link</a><img src="data:,y" onload="fetch('${b}/reader-onload')">`;
    // Opening the archive page makes the worker create the database.
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await list.getByTestId('archive-count').waitFor();
    await list.close();
    const now = new Date().toISOString();
    const record = {
      id: 'hostile-record',
      host: 'x.example',
      url: 'https://x.example/h',
      canonicalUrl: 'https://x.example/h',
      title: '存量记录',
      kicker: null,
      subtitle: null,
      authors: [],
      editors: [],
      source: null,
      siteName: null,
      publishedAt: null,
      publishedRaw: null,
      section: [],
      articleId: null,
      lang: 'zh',
      excerpt: null,
      contentHtml: hostileHtml,
      textContent: '正文',
      images: [],
      pages: [],
      extractor: 'generic',
      clippedAt: now,
      updatedAt: now,
      tags: [],
      note: null,
      versions: [],
      assets: [],
      snapshot: null,
      notes: [],
      gone: null,
    };
    const worker = await currentWorker(browser);
    const id = await worker.evaluate(
      (clip) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('jianbao');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('clips', 'readwrite');
            tx.objectStore('clips').put(clip);
            tx.oncomplete = () => (db.close(), resolve(clip.id));
            tx.onerror = () => reject(tx.error);
          };
        }),
      record,
    );
    beacon.requests.length = 0;
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${id}`);
    await reader.locator('.reader-body').waitFor();
    // A click on every link in the body: a surviving javascript: URL would run now.
    await reader.evaluate(() =>
      document.querySelectorAll<HTMLAnchorElement>('.reader-body a').forEach((a) => a.click()),
    );
    await reader.waitForTimeout(500);
    expect(await reader.evaluate(MARK_CHECK)).toEqual({ pwned: null, polluted: null });
    expect(await reader.locator('.reader-body').innerHTML()).not.toMatch(
      /onerror|onload|iframe|style=|javascript:|<meta|<svg/,
    );
    await reader.close();
    expect(beacon.requests).toEqual([]);
  });
});
