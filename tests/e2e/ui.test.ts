/**
 * The extension's pages as a user meets them, in headless Chromium against the production build: the
 * library (sort, facets narrowing each other, bulk tag, bulk delete and Undo), the reader's controls
 * kept across clips, the settings page, the popup's success card with Undo and its live region, and
 * axe-core on every page in both languages, light and dark.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFromToolbar,
  launch,
  serve,
  storedClips,
  waitFor,
  type Browser,
  type FixtureServer,
} from './harness';
import { showcaseClips } from './showcase-clips';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const genericPage = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');
const SHOWCASE = showcaseClips();
const titleOf = (id: string) => SHOWCASE.find((c) => c.id === id)!.title;

describe('the library, reader, settings and popup', () => {
  let browser: Browser;
  let server: FixtureServer;
  let control: Page;
  const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

  async function setSettings(settings: Record<string, unknown>) {
    await control.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  }

  beforeAll(async () => {
    server = await serve({ '/news/ski.html': genericPage });
    browser = await launch();
    control = await browser.context.newPage();
    await control.goto(url('manage.html'));
    for (const clip of SHOWCASE) {
      const reply = await control.evaluate(
        (record) => chrome.runtime.sendMessage({ type: 'clip/restore', payload: { clip: record } }),
        clip,
      );
      expect(reply).toMatchObject({ ok: true, value: { restored: true } });
    }
    await setSettings({ uiLanguage: 'en' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openLibrary(query = ''): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url(`library.html${query}`));
    await page.locator('[data-testid=clip-list] li .clip-title').first().waitFor({ timeout: 20_000 });
    return page;
  }
  const listedTitles = (page: Page) => page.locator('[data-testid=clip-list] li .clip-title').allInnerTexts();
  const untilListed = (page: Page, expected: string[], what: string) =>
    waitFor(async () => JSON.stringify(await listedTitles(page)) === JSON.stringify(expected), 15_000, what);
  const chipCount = async (page: Page, group: string, value: string) =>
    Number(
      (
        await page
          .locator(`[data-filter=${group}][data-value="${value}"] .count`)
          .innerText({ timeout: 15_000 })
      ).replace(/\D/g, ''),
    );

  it('the library sorts by title, publish date and source, and keeps the order in its address', async () => {
    const library = await openLibrary();
    expect(await library.evaluate(() => document.documentElement.lang)).toBe('en');
    // a page that stated only a date is listed without a time; one with a time keeps it
    const metaOf = (id: string) => library.locator(`[data-clip-id="${id}"] .clip-meta`).innerText();
    expect(await metaOf('showcase-2')).toMatch(/Dec 31, 2024 ·/);
    expect(await metaOf('showcase-1')).toMatch(/Mar 12, 2025, 9:30 AM/);
    await library.getByTestId('sort').selectOption('title');
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    const byTitle = SHOWCASE.map((c) => c.title).sort(collator.compare);
    await untilListed(library, byTitle, 'titles in collation order');
    expect(new URL(library.url()).searchParams.get('sort')).toBe('title');

    await library.getByTestId('sort').selectOption('published-asc');
    const byPublished = [...SHOWCASE]
      .sort((a, b) => Date.parse(a.publishedAt!) - Date.parse(b.publishedAt!))
      .map((c) => c.title);
    await untilListed(library, byPublished, 'oldest publication first');

    // a reload (or the reader's way back) returns to the same list
    await library.reload();
    await untilListed(library, byPublished, 'the order after a reload');
    await library.close();
  });

  it('facets count within each other and narrow each other', async () => {
    const library = await openLibrary();
    expect(await chipCount(library, 'source', '江城晚报')).toBe(3);
    await library.locator('[data-filter=source][data-value="江城晚报"]').click();
    await waitFor(async () => (await listedTitles(library)).length === 3, 15_000, 'three clips of 江城晚报');
    // sections are now counted among 江城晚报's clips, and choosing one narrows further
    await waitFor(
      async () => (await chipCount(library, 'section', '旅游')) === 2,
      15_000,
      '旅游 counted as 2',
    );
    expect(await chipCount(library, 'section', '城市')).toBe(1);
    await library.locator('[data-filter=section][data-value="旅游"]').click();
    await waitFor(
      async () => (await listedTitles(library)).length === 2,
      15_000,
      'source + section: 2 clips',
    );
    expect((await listedTitles(library)).sort()).toEqual(
      [titleOf('showcase-2'), titleOf('showcase-5')].sort(),
    );
    // the source chips are counted within the chosen section: every source of a 旅游 clip is offered
    await waitFor(
      async () => (await chipCount(library, 'source', '江城晚报')) === 2,
      15_000,
      'sources in 旅游',
    );
    await library.getByTestId('clear-filters').click();
    await waitFor(async () => (await listedTitles(library)).length === SHOWCASE.length, 15_000, 'all again');
    await library.close();
  });

  it('bulk tag adds a tag to the selected clips, keeping their own', async () => {
    const library = await openLibrary();
    const rows = ['showcase-3', 'showcase-4'].map((id) => library.locator(`[data-clip-id="${id}"]`));
    for (const row of rows) await row.getByTestId('row-check').check();
    expect(await library.getByTestId('selected-count').innerText()).toContain('2');
    await library.getByTestId('bulk-tag').click();
    await library.getByTestId('bulk-tag-input').fill('精选, review');
    await library.getByTestId('bulk-tag-apply').click();
    await waitFor(
      async () => {
        const clips = await storedClips(browser);
        return ['showcase-3', 'showcase-4'].every((id) => {
          const tags = clips.find((c) => c.id === id)!.tags as string[];
          return tags.includes('精选') && tags.includes('review');
        });
      },
      15_000,
      'the tags stored',
    );
    const stored = await storedClips(browser);
    expect(stored.find((c) => c.id === 'showcase-3')!.tags).toEqual(['农业', '精选', 'review']);
    expect(stored.filter((c) => (c.tags as string[]).includes('精选'))).toHaveLength(2);
    await waitFor(
      async () => (await chipCount(library, 'tag', '精选').catch(() => 0)) === 2,
      15_000,
      'the tag chip',
    );
    await library.close();
  });

  it('bulk delete removes the selected clips and Undo brings them back', async () => {
    const library = await openLibrary();
    for (const id of ['showcase-6', 'showcase-9']) {
      await library.locator(`[data-clip-id="${id}"]`).getByTestId('row-check').check();
    }
    await library.getByTestId('bulk-delete').click();
    await library.getByTestId('undo-bar').waitFor();
    expect(await library.getByTestId('undo-bar').innerText()).toContain('2');
    await waitFor(
      async () => (await storedClips(browser)).length === SHOWCASE.length - 2,
      15_000,
      'two deleted',
    );
    await waitFor(
      async () => (await listedTitles(library)).length === SHOWCASE.length - 2,
      15_000,
      'rows gone',
    );
    // the undo bar sits in a live region, so the deletion is announced
    expect(await library.locator('[role=status]:has([data-testid=undo-bar])').count()).toBe(1);
    await library.getByTestId('undo').click();
    await waitFor(
      async () => (await storedClips(browser)).length === SHOWCASE.length,
      15_000,
      'both restored',
    );
    await waitFor(async () => (await listedTitles(library)).length === SHOWCASE.length, 15_000, 'rows back');
    await library.close();
  });

  it('the keyboard moves focus through the rows; Tab reaches the row’s delete button, and Undo follows', async () => {
    const library = await openLibrary();
    await library.getByTestId('search-box').focus();
    await library.keyboard.press('ArrowDown');
    await library.keyboard.press('ArrowDown');
    const focused = await library.evaluate(() => document.activeElement?.closest('li')?.dataset.index);
    expect(focused).toBe('1');
    await library.keyboard.press('Tab');
    expect(await library.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('delete');
    // deleting from the keyboard puts focus on Undo; Enter there brings the clip back
    await library.keyboard.press('Enter');
    await waitFor(
      () => library.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'undo'),
      10_000,
      'focus on Undo',
    );
    await library.keyboard.press('Enter');
    await waitFor(async () => (await storedClips(browser)).length === SHOWCASE.length, 15_000, 'restored');
    await library.close();
  });

  it('the reader’s size, typeface and theme are kept for the next clip, and it links back to its list', async () => {
    const reader = await browser.context.newPage();
    await reader.goto(url('reader.html?id=showcase-8&sort=title'));
    await reader.getByTestId('reader-body').waitFor();
    // an English clip is drawn as English: left-aligned, no CJK tracking
    expect(await reader.getByTestId('reader').getAttribute('lang')).toBe('en');
    const paragraph = reader.locator('[data-testid=reader-body] p').first();
    expect(await paragraph.evaluate((p) => getComputedStyle(p).textAlign)).toBe('start');
    expect(await reader.getByTestId('reading-time').innerText()).toMatch(/1 min/);
    await reader.locator('[data-testid=reader-controls] summary').click();
    await reader.getByTestId('reader-larger').click();
    await reader.getByTestId('reader-font-serif').check();
    await reader.getByTestId('reader-theme-sepia').check();
    expect(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(246, 239, 225)',
    );
    expect(new URL((await reader.getByTestId('reader-back').getAttribute('href'))!).search).toBe(
      '?sort=title',
    );
    await waitFor(
      async () => {
        const stored = await reader.evaluate(() => chrome.storage.local.get('settings'));
        const look = (stored.settings as { reader?: Record<string, unknown> } | undefined)?.reader;
        return look?.theme === 'sepia' && look.font === 'serif' && look.fontSize === 20;
      },
      10_000,
      'the look stored',
    );

    const next = await browser.context.newPage();
    await next.goto(url('reader.html?id=showcase-1'));
    await next.getByTestId('reader-body').waitFor();
    const look = await next.evaluate(() => ({
      theme: document.documentElement.dataset.readerTheme,
      font: getComputedStyle(document.querySelector('.reader')!).fontFamily,
      size: getComputedStyle(document.querySelector('.reader')!).fontSize,
    }));
    expect(look.theme).toBe('sepia');
    expect(look.font).toMatch(/Serif/i);
    expect(look.size).toBe('20px');
    // Chinese is justified with strict line breaking
    expect(await next.getByTestId('reader').getAttribute('lang')).toBe('zh-CN');
    const cjk = next.locator('[data-testid=reader-body] p').first();
    expect(await cjk.evaluate((p) => getComputedStyle(p).textAlign)).toBe('justify');
    await next.close();
    await reader.close();
    await setSettings({ uiLanguage: 'en' });
  });

  it('settings: the language, the toolbar click and default tags are kept', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('settings').waitFor();
    expect(await options.locator('h1').innerText()).toBe('Jianbao settings');
    await options.getByTestId('setting-toolbar-preview').check();
    await options.getByTestId('setting-default-tags').fill('收藏, 待读');
    await options.getByTestId('setting-default-tags').blur();
    await waitFor(
      async () => (await options.getByTestId('settings-status').innerText()).length > 0,
      10_000,
      'the saved status',
    );
    await options.reload();
    await options.getByTestId('settings').waitFor();
    expect(await options.getByTestId('setting-toolbar-preview').isChecked()).toBe(true);
    expect(await options.getByTestId('setting-default-tags').inputValue()).toBe('收藏, 待读');
    expect(await options.getByTestId('storage-breakdown').innerText()).toContain(String(SHOWCASE.length));
    // switching to Chinese reloads the page in Chinese, with <html lang> to match
    await Promise.all([
      options.waitForEvent('load'),
      options.getByTestId('setting-language').selectOption('zh_CN'),
    ]);
    await options.getByTestId('settings').waitFor();
    expect(await options.locator('h1').innerText()).toBe('剪报设置');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await options.close();
    await setSettings({ uiLanguage: 'en' });
  });

  it('the popup’s success card: Open, Original, Undo, announced in a live region', async () => {
    await setSettings({ uiLanguage: 'en' });
    const page = await browser.context.newPage();
    const articleUrl = `${server.base}/news/ski.html`;
    await page.goto(articleUrl);
    await page.bringToFront();
    const { popup, status } = await clipFromToolbar(browser, articleUrl, 30_000);
    expect(status).toBe('saved');
    const card = await popup.evaluate<{ live: string; open: string; original: string; title: string }>(`({
      live: document.querySelector('[data-testid=popup-live]').textContent,
      open: document.querySelector('[data-testid=clip-open]').href,
      original: [...document.querySelectorAll('[data-testid=clip-status] a')].map((a) => a.href).join(' '),
      title: document.querySelector('[data-testid=clip-status-title]').textContent,
    })`);
    expect(card.title).toBe('长白山冰雪季开幕 游客同比增长三成');
    expect(card.live).toBe(`Saved: ${card.title}`);
    expect(card.open).toMatch(/\/reader\.html\?id=/);
    expect(card.original).toContain(articleUrl);
    const id = new URL(card.open).searchParams.get('id');
    expect((await storedClips(browser)).some((c) => c.id === id)).toBe(true);

    await popup.evaluate(`document.querySelector('[data-testid=clip-undo]').click()`);
    await waitFor(
      async () =>
        (await popup.evaluate<string>(
          `document.querySelector('[data-testid=clip-status]').dataset.status`,
        )) === 'undone',
      10_000,
      'the undone card',
    );
    expect(
      await popup.evaluate<string>(`document.querySelector('[data-testid=popup-live]').textContent`),
    ).toBe('Removed from your archive.');
    expect((await storedClips(browser)).some((c) => c.id === id)).toBe(false);
    await popup.close();
    await page.close();
  });

  describe('axe-core finds no serious or critical problem', () => {
    const pages = [
      ['popup', 'popup.html', '[data-testid=clip-list] li .clip-title'],
      ['library', 'library.html', '[data-testid=clip-list] li .clip-title'],
      ['reader', 'reader.html?id=showcase-1', '[data-testid=reader-body]'],
      ['settings', 'options.html', '[data-testid=storage-breakdown]'],
    ] as const;
    for (const language of ['en', 'zh_CN'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`in ${language}, ${scheme}`, async () => {
          await setSettings({ uiLanguage: language });
          const problems: string[] = [];
          for (const [name, path, ready] of pages) {
            const page = await browser.context.newPage();
            await page.emulateMedia({ colorScheme: scheme });
            await page.goto(url(path));
            await page.locator(ready).first().waitFor({ timeout: 20_000 });
            expect(await page.evaluate(() => document.documentElement.lang)).toBe(
              language === 'en' ? 'en' : 'zh-CN',
            );
            await page.evaluate(axeSource);
            const violations = await page.evaluate(async () => {
              const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
            });
            problems.push(...violations.map((v) => `${name}: ${v}`));
            await page.close();
          }
          expect(problems).toEqual([]);
        });
      }
    }
  });
});
