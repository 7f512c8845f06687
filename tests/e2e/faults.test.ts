/**
 * Faults the browser causes: the service worker stopped in the middle of a clip, and many tabs
 * clipped at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachToActionPopup,
  clickToolbarButton,
  currentWorker,
  launch,
  serve,
  storedClips,
  waitFor,
  type Browser,
  type FixtureServer,
} from './harness';

const PARAGRAPH = '<p>　　这是一段足够长的中文新闻正文，用来构造体积很大的页面，让提取过程持续一段时间。</p>';
const article = (n: number, paragraphs = 6) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>第${n}篇新闻</title></head><body><h1>第${n}篇新闻</h1><div class="content">${`<p>　　第${n}篇新闻的正文段落，内容足够长，可以被识别为文章主体。</p>`.repeat(paragraphs)}</div></body></html>`;

describe('faults', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    const routes: Record<string, string> = {
      '/big.html': `<!doctype html><html><head><meta charset="utf-8"><title>大页面</title></head><body><h1>大页面</h1><div class="content">${PARAGRAPH.repeat(60_000)}</div></body></html>`,
    };
    for (let i = 0; i < 10; i++) routes[`/news/${i}.html`] = article(i);
    server = await serve(routes);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function statusOf(
    popup: Awaited<ReturnType<typeof attachToActionPopup>>,
    accept: (s: string) => boolean,
  ) {
    return waitFor(async () => {
      const status = await popup.evaluate<string | null>(
        `document.querySelector('[data-testid=clip-status]')?.dataset.status ?? null`,
      );
      return status && accept(status) ? status : null;
    }, 30_000);
  }

  it('a service worker stopped mid-clip leaves no record, and the next click clips normally', async () => {
    const url = `${server.base}/big.html`;
    const tab = await browser.context.newPage();
    await tab.goto(url);
    await clickToolbarButton(browser, url);
    const popup = await attachToActionPopup(browser);
    await statusOf(popup, (s) => s === 'clipping');
    // Stop every service worker, as Chrome does to an idle or misbehaving extension worker.
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const status = await statusOf(popup, (s) => s !== 'clipping');
    expect(status).toBe('failed');
    expect(await popup.evaluate(`document.querySelector('[data-testid=clip-status]').innerText`)).toBe(
      await popup.evaluate(`chrome.i18n.getMessage('error_interrupted')`),
    );
    await popup.close();
    expect(await storedClips(browser)).toEqual([]);

    await clickToolbarButton(browser, url);
    const again = await attachToActionPopup(browser);
    expect(await statusOf(again, (s) => s !== 'clipping')).toBe('saved');
    await again.close();
    const clips = await storedClips(browser);
    expect(clips).toHaveLength(1);
    expect(String(clips[0]!.textContent)).toContain('让提取过程持续一段时间');
    await tab.close();
  });

  it('ten tabs clipped at once give ten records and no duplicates', async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `${server.base}/news/${i}.html`);
    // A toolbar click grants activeTab on each tab (and clips it); the archive is then emptied so
    // that the ten concurrent clips below start from nothing.
    for (const url of urls) {
      const tab = await browser.context.newPage();
      await tab.goto(url);
      await clickToolbarButton(browser, url);
      const popup = await attachToActionPopup(browser);
      await statusOf(popup, (s) => s !== 'clipping');
      await popup.close();
    }
    const worker = await currentWorker(browser);
    await worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('jianbao');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction([...db.objectStoreNames], 'readwrite');
            for (const name of db.objectStoreNames) tx.objectStore(name).clear();
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(await storedClips(browser)).toEqual([]);

    const statuses = await worker.evaluate(async (pageUrls) => {
      const tabs = (await chrome.tabs.query({})).filter((t) => pageUrls.includes(t.url ?? ''));
      const clip = (
        globalThis as unknown as {
          jianbaoClipAndBadge: (tab: unknown, mode: string) => Promise<{ status: string }>;
        }
      ).jianbaoClipAndBadge;
      // Each URL twice at the same moment: the second of each pair must not duplicate the first.
      const outcomes = await Promise.all([...tabs, ...tabs].map((tab) => clip(tab, 'page')));
      return outcomes.map((o) => o.status);
    }, urls);
    expect(statuses.filter((s) => s === 'saved')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'updated')).toHaveLength(10);
    const clips = await storedClips(browser);
    expect(clips).toHaveLength(10);
    expect(new Set(clips.map((c) => c.canonicalUrl)).size).toBe(10);
  });
});
