/**
 * The archive end to end in real headless Chromium: clip three Chinese news pages from three sites,
 * find one by four characters of its body, filter by source, read it in the reader, re-clip without
 * a duplicate, delete with undo.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFromToolbar,
  CLIP_STATUS,
  launch,
  serve,
  storedClips,
  waitFor,
  type Browser,
  type FixtureServer,
} from './harness';

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

const PAGES = {
  wusong: {
    host: 'www.cnjiwang.com',
    path: '/jlxw/202412/3100001.html',
    html: fixture('jilin-wusong.html'),
    title: '吉林雾凇冰雪节开幕 中外游客共赏雾凇奇观',
  },
  metro: {
    host: 'news.cncn.example',
    path: '/city/2025/03/12/metro.html',
    html: fixture('changchun-metro.html'),
    title: '长春地铁六号线全线贯通 预计明年通车运营',
  },
  rice: {
    host: 'www.yanbian.example',
    path: '/nongye/2025-09/rice.html',
    html: fixture('yanbian-rice.html'),
    title: '延边水稻喜获丰收 智慧农业助力增产增收',
  },
};
type Key = keyof typeof PAGES;
const urlOf = (key: Key) => `http://${PAGES[key].host}${PAGES[key].path}`;

describe('the archive: search, filters, reader, re-clip, delete with undo', () => {
  let server: FixtureServer;
  let browser: Browser;
  let archive: Page;

  beforeAll(async () => {
    server = await serve(Object.fromEntries(Object.values(PAGES).map((p) => [p.path, p.html])));
    browser = await launch({
      hostRules: Object.values(PAGES).map((p) => `MAP ${p.host} 127.0.0.1:${server.port}`),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function clip(key: Key, expected: string, update = false) {
    const page = await browser.context.newPage();
    await page.goto(urlOf(key));
    await page.bringToFront();
    const { popup, status } = await clipFromToolbar(browser, urlOf(key));
    expect(status).toBe(expected);
    if (update) {
      await popup.evaluate(`document.querySelector('[data-testid=clip-status] button').click()`);
      await waitFor(async () => (await popup.evaluate(CLIP_STATUS)) === 'updated', 10_000, 'update');
    }
    await popup.close();
    await page.close();
  }

  /** Titles listed in the archive page, in order. */
  const listedTitles = () => archive.locator('[data-testid=clip-list] li .clip-title').allInnerTexts();

  it('clips three pages from three sites', async () => {
    await clip('wusong', 'saved');
    await clip('metro', 'saved');
    await clip('rice', 'saved');
    const clips = await storedClips(browser);
    expect(clips.map((c) => c.title).sort()).toEqual(
      Object.values(PAGES)
        .map((p) => p.title)
        .sort(),
    );
    const metro = clips.find((c) => c.title === PAGES.metro.title)!;
    expect(metro.textContent).toContain('盾构机顺利出洞');
  });

  it('finds a clip by four characters from its body, with the hit highlighted', async () => {
    archive = await browser.context.newPage();
    await archive.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await archive.getByTestId('clip-list').waitFor();
    await waitFor(async () => (await listedTitles()).length === 3, 10_000, 'three clips listed');
    // the first page was asked for by the head script, before the React bundle ran, and answered
    const [asked, bundle, answered] = await archive.evaluate(() =>
      ['jianbao:list-requested', 'jianbao:script', 'jianbao:list-received'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
      ),
    );
    expect(asked).toBeLessThan(bundle!);
    expect(answered).toBeGreaterThan(asked!);
    // "/" focuses the search box
    await archive.keyboard.press('/');
    expect(await archive.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'search-box',
    );
    await archive.keyboard.type('盾构掘进');
    await waitFor(
      async () => JSON.stringify(await listedTitles()) === JSON.stringify([PAGES.metro.title]),
      10_000,
      'only the metro clip',
    );
    const marks = await archive.locator('[data-testid=clip-list] li mark').allInnerTexts();
    expect(marks).toContain('盾构掘进');
    // several terms AND: one of them absent from every clip finds nothing
    await archive.getByTestId('search-box').fill('盾构掘进 水稻');
    await waitFor(async () => (await listedTitles()).length === 0, 10_000, 'no result for the AND');
    await archive.getByTestId('search-box').fill('');
    await waitFor(async () => (await listedTitles()).length === 3, 10_000, 'all clips again');
  });

  it('filters by source', async () => {
    const clips = await storedClips(browser);
    const rice = clips.find((c) => c.title === PAGES.rice.title)!;
    // whatever the extractor recognises, the list labels a clip by source, else site name, else host
    const label = String(rice.source ?? rice.siteName ?? rice.host);
    // the popup keeps its chips behind "Filters", so the list has the room
    await archive.getByTestId('popup-filters-toggle').click();
    await archive.locator('[data-filter=source]', { hasText: label }).first().click();
    await waitFor(
      async () => JSON.stringify(await listedTitles()) === JSON.stringify([PAGES.rice.title]),
      10_000,
      'only the rice clip',
    );
    // the filter combines with a search
    await archive.getByTestId('search-box').fill('地铁');
    await waitFor(
      async () => (await listedTitles()).length === 0,
      10_000,
      'nothing from that source about the metro',
    );
    await archive.getByTestId('search-box').fill('');
    await archive.locator('[data-filter=source][aria-pressed=true]').click();
    await waitFor(async () => (await listedTitles()).length === 3, 10_000, 'filter cleared');
  });

  it('opens a clip in the reader, with previous/next through the result list', async () => {
    await archive.getByTestId('search-box').fill('开幕');
    await waitFor(async () => (await listedTitles()).length === 1, 10_000, 'one clip about an opening');
    const [reader] = await Promise.all([
      browser.context.waitForEvent('page'),
      archive.locator('[data-testid=clip-list] li a').first().click(),
    ]);
    await reader.getByTestId('reader-title').waitFor();
    expect(new URL(reader.url()).pathname).toBe('/reader.html');
    expect(new URL(reader.url()).searchParams.get('id')).toBeTruthy();
    expect(await reader.getByTestId('reader-title').innerText()).toBe(PAGES.wusong.title);
    expect(await reader.getByTestId('reader-body').innerText()).toContain('雾凇观赏指数');
    expect(await reader.getByTestId('reader-original').getAttribute('href')).toBe(urlOf('wusong'));

    // the bare address (a bookmark) shows the same clip
    const bare = new URL(reader.url());
    const id = bare.searchParams.get('id')!;
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${encodeURIComponent(id)}`);
    await reader.getByTestId('reader-title').waitFor();
    expect(await reader.getByTestId('reader-title').innerText()).toBe(PAGES.wusong.title);
    // opened without a search, previous/next walk the whole archive, newest first: rice, metro, wusong
    await reader.getByTestId('reader-nav').first().waitFor();
    expect(await reader.getByTestId('reader-next').count()).toBe(0);
    await reader.getByTestId('reader-previous').first().click();
    await waitFor(
      async () =>
        (await reader
          .getByTestId('reader-title')
          .innerText()
          .catch(() => '')) === PAGES.metro.title,
      10_000,
      'the previous clip',
    );
    await reader.getByTestId('reader-previous').first().waitFor();
    await reader.keyboard.press('ArrowLeft');
    await waitFor(
      async () =>
        (await reader
          .getByTestId('reader-title')
          .innerText()
          .catch(() => '')) === PAGES.rice.title,
      10_000,
      'the clip before that, by keyboard',
    );
    await reader.close();
    await archive.getByTestId('search-box').fill('');
  });

  it('re-clipping a page updates it instead of adding a duplicate', async () => {
    const before = await storedClips(browser);
    await clip('metro', 'exists', true);
    const after = await storedClips(browser);
    expect(after).toHaveLength(3);
    const metro = after.find((c) => c.title === PAGES.metro.title)!;
    expect(metro.clippedAt).toBe(before.find((c) => c.title === PAGES.metro.title)!.clippedAt);
    expect(metro.updatedAt).not.toBe(metro.clippedAt);
  });

  it('deletes a clip and brings it back with undo', async () => {
    await archive.reload();
    await waitFor(async () => (await listedTitles()).length === 3, 10_000, 'three clips listed');
    const row = archive.locator('[data-testid=clip-list] li', { hasText: PAGES.rice.title });
    await row.hover();
    await row.locator('[data-action=delete]').click();
    await archive.getByTestId('undo-bar').waitFor();
    await waitFor(async () => (await storedClips(browser)).length === 2, 10_000, 'the clip deleted');
    await waitFor(async () => !(await listedTitles()).includes(PAGES.rice.title), 10_000, 'the row gone');
    await archive.getByTestId('undo').click();
    await waitFor(async () => (await storedClips(browser)).length === 3, 10_000, 'the clip restored');
    await archive.getByTestId('search-box').fill('智慧农业');
    await waitFor(
      async () => JSON.stringify(await listedTitles()) === JSON.stringify([PAGES.rice.title]),
      10_000,
      'the restored clip searchable',
    );
  });
});
