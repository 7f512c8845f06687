/**
 * Pages that break naive extractors: each must end in a saved clip or a clear message within a few
 * seconds, never a hung tab or a broken record. Prints the time each took (the worst case is the
 * figure reported for the hardening issue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipFromToolbar, launch, serve, storedClips, type Browser, type FixtureServer } from './harness';

const PARAGRAPH =
  '<p>　　这是一段足够长的中文新闻正文，用来构造体积很大的页面，检查剪报在极端输入下是否依然可靠。</p>';
const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const PAGES: Record<string, { html: string; expect: 'saved' | 'failed' }> = {
  empty: { html: '', expect: 'failed' },
  'no-text': { html: page('无文字', '<div><img src="data:,"><br><hr></div>'), expect: 'failed' },
  frameset: {
    html: '<html><frameset cols="50%,50%"><frame src="/a"><frame src="/b"></frameset></html>',
    expect: 'failed',
  },
  '10mb': {
    html: page(
      '十兆页面',
      `<h1>十兆页面</h1><div class="content">${PARAGRAPH.repeat(10_000_000 / PARAGRAPH.length / 3)}</div>`,
    ),
    expect: 'saved',
  },
  'deep-10000': {
    html: page(
      '深层嵌套',
      `<h1>深层嵌套</h1>${'<div>'.repeat(10_000)}${PARAGRAPH.repeat(5)}${'</div>'.repeat(10_000)}`,
    ),
    expect: 'saved',
  },
  'paragraphs-200000': {
    html: page(
      '二十万段',
      `<h1>二十万段</h1><div class="content">${'<p>短段落。</p>'.repeat(200_000)}</div>`,
    ),
    expect: 'saved',
  },
};

describe('bad input pages', () => {
  let server: FixtureServer;
  let browser: Browser;
  const timings: Array<{ page: string; status: string; ms: number }> = [];

  beforeAll(async () => {
    server = await serve(
      Object.fromEntries(Object.entries(PAGES).map(([name, { html }]) => [`/${name}.html`, html])),
    );
    browser = await launch();
  });
  afterAll(async () => {
    console.log('\nbad-input clip times (toolbar click → popup result):');
    console.table(timings);
    await browser?.close();
    await server?.close();
  });

  it.each(Object.keys(PAGES))('%s: a clip or a clear message, promptly', async (name) => {
    const url = `${server.base}/${name}.html`;
    const tab = await browser.context.newPage();
    await tab.goto(url, { timeout: 60_000 });
    const started = Date.now();
    const { popup, status, text } = await clipFromToolbar(browser, url, 30_000);
    const ms = Date.now() - started;
    timings.push({ page: name, status, ms });
    // The tab still answers after the extraction.
    expect(await tab.evaluate(() => document.readyState)).toBe('complete');
    expect(status).toBe(PAGES[name]!.expect);
    expect(text.trim().length).toBeGreaterThan(0);
    await popup.close();
    await tab.close();
    const stored = (await storedClips(browser)).filter((c) => c.url === url);
    expect(stored).toHaveLength(status === 'saved' ? 1 : 0);
    if (stored[0]) expect(String(stored[0].textContent).length).toBeGreaterThan(0);
  });
});
