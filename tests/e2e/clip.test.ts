import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFromToolbar,
  currentWorker,
  launch,
  serve,
  storedClips,
  waitFor,
  type Browser,
  type FixtureServer,
} from './harness';

// Code passed to worker.evaluate runs in the extension's service worker, where `chrome` is defined.
declare const chrome: typeof import('wxt/browser').browser;

const genericPage = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');

describe('clipping from the toolbar button', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve({
      '/news/2024/12/01/ski.html': genericPage,
      '/empty.html': '<html><body></body></html>',
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openAndClick(url: string) {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    const { popup, status, text } = await clipFromToolbar(browser, url);
    // The UI follows the browser's language, so expected strings come from the same _locales.
    const message = (key: string) =>
      popup.evaluate<string>(`chrome.i18n.getMessage(${JSON.stringify(key)}, ['@'])`);
    return { page, popup, status, text, message };
  }

  it('one click saves the article and the popup shows it', async () => {
    const url = `${server.base}/news/2024/12/01/ski.html?utm_source=wechat`;
    const { popup, status, text } = await openAndClick(url);
    expect(status).toBe('saved');
    expect(text).toContain('长白山冰雪季开幕 游客同比增长三成');
    const clips = await storedClips(browser);
    expect(clips).toHaveLength(1);
    expect(clips[0]!.title).toBe('长白山冰雪季开幕 游客同比增长三成');
    expect(clips[0]!.textContent).toContain('预计接待游客人数将比去年同期增长三成以上');
    expect(clips[0]!.canonicalUrl).toBe(`${server.base}/news/2024/12/01/ski.html`);
    await popup.close();
  });

  it('a second click on the same page offers an update instead of a duplicate', async () => {
    const url = `${server.base}/news/2024/12/01/ski.html`;
    const { popup, status, text, message } = await openAndClick(url);
    expect(status).toBe('exists');
    expect(text).toContain((await message('alreadySaved')).split('@')[0]);
    expect(await storedClips(browser)).toHaveLength(1);
    // "update" re-clips into the same record
    await popup.evaluate(`document.querySelector('[data-testid=clip-status] button').click()`);
    await waitFor(
      () =>
        popup.evaluate(`document.querySelector('[data-testid=clip-status]').dataset.status === 'updated'`),
      10_000,
      'update',
    );
    const clips = await storedClips(browser);
    expect(clips).toHaveLength(1);
    expect(clips[0]!.updatedAt).not.toBe(clips[0]!.clippedAt);
    await popup.close();
  });

  it('the popup opened on its own lists the archive', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByTestId('clip-list').waitFor();
    expect(await page.getByTestId('clip-list').locator('li').count()).toBe(1);
    expect(await page.getByTestId('clip-list').innerText()).toContain('长白山冰雪季开幕');
    // a look for whoever runs the suite; kept out of the work tree (`npm run screenshots` makes the README's)
    fs.mkdirSync('test-results', { recursive: true });
    await page.setViewportSize({ width: 400, height: 580 });
    await page.screenshot({ path: 'test-results/popup.png' });
    await page.close();
  });

  it('a page with no article says so and stores nothing', async () => {
    const { popup, status, text, message } = await openAndClick(`${server.base}/empty.html`);
    expect(status).toBe('failed');
    expect(text).toBe(await message('error_no_article'));
    expect(await storedClips(browser)).toHaveLength(1);
    await popup.close();
  });

  it('a chrome:// page gives a clear message', async () => {
    const { popup, status, text, message } = await openAndClick('chrome://version/');
    expect(status).toBe('failed');
    expect(text).toBe(await message('error_restricted_page'));
    await popup.close();
  });

  it('the shortcut and context-menu path saves through the same clip path and sets the badge', async () => {
    // Headless Chromium cannot press extension shortcuts or open context menus, so the test calls the
    // handler they share; the toolbar click before it grants activeTab as the shortcut would.
    const url = `${server.base}/news/2024/12/01/ski.html?from=timeline`;
    const { popup } = await openAndClick(url);
    await popup.close();
    const worker = await currentWorker(browser);
    const outcome = await worker.evaluate(async (pageUrl) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === pageUrl);
      const clip = (
        globalThis as unknown as {
          jianbaoClipAndBadge: (tab: unknown, mode: string) => Promise<{ status: string }>;
        }
      ).jianbaoClipAndBadge;
      const result = await clip(tab, 'page');
      return { status: result?.status, badge: await chrome.action.getBadgeText({ tabId: tab!.id }) };
    }, url);
    expect(outcome).toEqual({ status: 'updated', badge: '↻' });
    expect(await storedClips(browser)).toHaveLength(1);
  });
});
