/**
 * The Firefox (MV2) build, run in Debian's headless Firefox ESR (the Chromium suites never load it):
 * its pages, the background page's message path, a clip from the toolbar button, export (Blobs on a
 * BroadcastChannel from the background page) and import (the background page fetching the page's
 * blob: URLs) into a fresh profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extract';
import { schemaErrors, validateArchiveFile } from '../unit/archive-io/schema-validator';
import {
  FIREFOX,
  hasFirefox,
  launchFirefox,
  newDownload,
  sendMessage,
  storedClips,
  textOf,
  type Firefox,
} from './firefox-harness';
import { serve, waitFor, type FixtureServer } from './harness';
import { seededClip } from './seeded-clips';

// Code passed to page.evaluate runs in an extension page, where Firefox defines `browser`.
declare const browser: typeof import('wxt/browser').browser;

if (!hasFirefox) {
  console.warn(`SKIPPED tests/e2e/firefox.test.ts: no Firefox at ${FIREFOX} (apt-get install firefox-esr)`);
}

const genericPage = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');
const ARTICLE_PATH = '/news/2024/12/01/ski.html';
const ARTICLE_TITLE = '长白山冰雪季开幕 游客同比增长三成';

interface ArchiveFile {
  count: number;
  clips: Array<Record<string, unknown>>;
}

const message = (page: Page, key: string, subs: string[] = []) =>
  page.evaluate(([k, s]) => browser.i18n.getMessage(k as never, s), [key, subs] as [string, string[]]);

/** The archive page's status once it is no longer busy: its state and text. */
async function ioStatus(page: Page): Promise<{ state: string; text: string }> {
  return waitFor(
    () =>
      page.evaluate(() => {
        const status = document.querySelector<HTMLElement>('[data-testid=io-status]');
        const state = status?.dataset.state;
        return state && state !== 'busy' ? { state, text: status!.innerText } : null;
      }),
    20_000,
    'the archive page to finish',
  );
}

async function chooseFile(page: Page, file: string): Promise<void> {
  const input = (await page.$('[data-testid=import-file]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

describe.skipIf(!hasFirefox)('the Firefox build in Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: Firefox;
  let exported: { path: string; file: ArchiveFile };

  beforeAll(async () => {
    server = await serve({ [ARTICLE_PATH]: genericPage });
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('loads: clips seeded through the background page show in the archive page, the popup tab and the reader', async () => {
    const manage = await firefox.openExtensionPage('manage.html');
    expect(await textOf(manage, 'h1')).toBe(await message(manage, 'io_title'));
    for (const clip of [seededClip(1), seededClip(2)]) {
      expect(await sendMessage(manage, { type: 'clip/restore', payload: { clip } })).toMatchObject({
        ok: true,
        value: { restored: true, clip: { id: clip.id, title: clip.title } },
      });
    }
    expect((await storedClips(manage)).map((c) => c.id).sort()).toEqual(['seeded-1', 'seeded-2']);

    // opened as its own tab, the popup lists the archive and clips nothing (not even itself)
    const popup = await firefox.openExtensionPage('popup.html');
    await waitFor(
      () => popup.evaluate(() => document.querySelectorAll('[data-testid=clip-list] li').length === 2),
      10_000,
      'the popup to list 2 clips',
    );
    const listed = await textOf(popup, '[data-testid=clip-list]');
    expect(listed).toContain('吉林雾凇节开幕 第1篇');
    expect(listed).toContain('吉林雾凇节开幕 第2篇');
    expect(await popup.$('[data-testid=clip-status]')).toBeNull();

    const reader = await firefox.openExtensionPage('reader.html?id=seeded-1');
    expect(await textOf(reader, '[data-testid=reader-title]')).toBe('吉林雾凇节开幕 第1篇');
    expect(await textOf(reader, '[data-testid=reader-body]')).toContain(
      '雾凇岛的清晨，游客如织。第1篇正文。',
    );
    // its Markdown download: <a download> of a blob: URL, revoked later (Firefox reads it after click())
    const before = fs.readdirSync(firefox.downloads);
    await reader.click('[data-testid=download-markdown]');
    const markdown = await newDownload(firefox.downloads, before);
    expect(markdown.name).toBe('吉林雾凇节开幕 第1篇.md');
    expect(markdown.text).toMatch(/^---\ntitle: "吉林雾凇节开幕 第1篇"\n/);
    expect(markdown.text).toContain('雾凇岛的清晨，游客如织。第1篇正文。');
    for (const page of [manage, popup, reader]) await page.close();
  });

  it('clips an article from the toolbar button, as the extractor reads it in jsdom', async () => {
    const url = `${server.base}${ARTICLE_PATH}`;
    // opened first: a tab opened after the click could become the active tab the popup clips
    const manage = await firefox.openExtensionPage('manage.html');
    const tab = await firefox.browser.newPage();
    await tab.goto(url);
    await tab.bringToFront();
    // Before the click the extension may not read the tab (activeTab only, no host permissions), so
    // an extension page asking the background page to clip it is refused.
    const tabId = await manage.evaluate(
      async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    );
    expect(
      await sendMessage(manage, { type: 'clip/tab', payload: { tabId, mode: 'page', update: false } }),
    ).toMatchObject({ ok: true, value: { status: 'failed', error: { code: 'restricted-page' } } });
    await firefox.clickToolbarButton();

    // the action popup is no page puppeteer sees; an extension page can read it (same process)
    const status = await waitFor(
      () =>
        manage.evaluate(() => {
          const [popup] = browser.extension.getViews({ type: 'popup' }) as unknown as Array<typeof window>;
          const status = popup?.document.querySelector<HTMLElement>('[data-testid=clip-status]');
          const state = status?.dataset.status;
          return state && state !== 'clipping' ? { state, text: status!.innerText } : null;
        }),
      20_000,
      'the popup to clip the tab',
    );
    expect(status.state, status.text).toBe('saved');
    expect(status.text).toContain(ARTICLE_TITLE);
    const clip = (await storedClips(manage)).find((c) => c.url === url);
    expect(clip).toBeDefined();
    expect(clip!.title).toBe(ARTICLE_TITLE);
    // The extractor ran in a Firefox content script (objects behind Xray wrappers): it must read the
    // page as it does in jsdom.
    const reference = extractArticle(new JSDOM(genericPage, { url }).window.document, url);
    const fields = [
      'title',
      'kicker',
      'subtitle',
      'authors',
      'editors',
      'source',
      'publishedAt',
      'section',
      'articleId',
      'canonicalUrl',
      'textContent',
      'images',
      'pages',
      'extractor',
    ] as const;
    for (const field of fields) expect(clip![field], field).toEqual(reference[field]);
    await manage.close();
    await tab.close();
  });

  it('exports the archive from the archive page as a schema-valid jianbao-YYYYMMDD-HHmm.json', async () => {
    const manage = await firefox.openExtensionPage('manage.html');
    await waitFor(
      () =>
        manage.evaluate(() =>
          /\b3\b/.test(document.querySelector('[data-testid=archive-total]')!.textContent!),
        ),
      10_000,
      'the archive page to count 3 clips',
    );
    const before = fs.readdirSync(firefox.downloads);
    await manage.click('[data-testid=export-json]');
    const status = await ioStatus(manage);
    expect(status.state).toBe('exported');
    const download = await newDownload(firefox.downloads, before);
    expect(download.name).toMatch(/^jianbao-\d{8}-\d{4}\.json$/);
    expect(status.text).toContain(download.name);

    const file = JSON.parse(download.text) as ArchiveFile;
    expect(schemaErrors(validateArchiveFile, file)).toBe('');
    expect(file.count).toBe(3);
    const stored = await storedClips(manage);
    expect(file.clips).toHaveLength(stored.length);
    for (const clip of file.clips) expect(stored).toContainEqual(clip);
    expect(file.clips.map((c) => c.title)).toContain(ARTICLE_TITLE);
    exported = { path: path.join(os.tmpdir(), `jianbao-firefox-${process.pid}.json`), file };
    fs.copyFileSync(download.path, exported.path);
    await manage.close();
  });

  it("exports the popup's search result (handed over in storage.session)", async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await popup.type('[data-testid=search-box]', '雾凇岛');
    await waitFor(
      () =>
        popup.evaluate(() =>
          /2/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
        ),
      10_000,
      'the search to find 2 clips',
    );
    const before = fs.readdirSync(firefox.downloads);
    await popup.click('[data-testid=export-result]');
    const download = await newDownload(firefox.downloads, before);
    const file = JSON.parse(download.text) as ArchiveFile;
    expect(schemaErrors(validateArchiveFile, file)).toBe('');
    // in the popup's order: newest clip first
    expect(file.clips.map((c) => c.id)).toEqual(['seeded-2', 'seeded-1']);
    await popup.close();
  });

  describe('a fresh profile', () => {
    let fresh: Firefox;
    const notJson = path.join(os.tmpdir(), `jianbao-firefox-${process.pid}-notes.json`);

    beforeAll(async () => {
      fs.writeFileSync(notJson, '这不是 JSON');
      fresh = await launchFirefox();
    });
    afterAll(async () => {
      await fresh?.close();
      for (const file of [notJson, exported?.path]) if (file) fs.rmSync(file, { force: true });
    });

    it('imports the exported file on the archive page; a non-JSON file stores nothing', async () => {
      const manage = await fresh.openExtensionPage('manage.html');
      // The page falls back to sending a chunk as text when the background page cannot fetch its
      // blob: URL, silently: record what it sends (the real sendMessage still does the work).
      await manage.evaluate(() => {
        const log: Array<{ type: string; keys: string[] }> = [];
        (window as unknown as { sent: typeof log }).sent = log;
        const send = browser.runtime.sendMessage.bind(browser.runtime);
        browser.runtime.sendMessage = ((m: { type: string; payload?: object }) => {
          log.push({ type: m.type, keys: Object.keys(m.payload ?? {}) });
          return send(m);
        }) as typeof browser.runtime.sendMessage;
      });

      await chooseFile(manage, notJson);
      const refused = await ioStatus(manage);
      expect(refused.state).toBe('failed');
      expect(refused.text).toContain((await message(manage, 'io_err_not_json', ['@'])).split('@')[0]);
      expect(refused.text).toContain(await message(manage, 'io_unchanged'));
      expect(await storedClips(manage)).toHaveLength(0);

      await chooseFile(manage, exported.path);
      await waitFor(
        () =>
          manage.evaluate(
            () =>
              document.querySelector('[data-testid=io-status]')?.getAttribute('data-state') === 'imported',
          ),
        20_000,
        'the import',
      );
      expect((await ioStatus(manage)).text).toBe(await message(manage, 'io_imported', ['3', '0', '0']));
      const stored = await storedClips(manage);
      expect(stored).toHaveLength(3);
      for (const clip of exported.file.clips) expect(stored).toContainEqual(clip);

      const chunks = (
        await manage.evaluate(
          () => (window as unknown as { sent: Array<{ type: string; keys: string[] }> }).sent,
        )
      ).filter((m) => m.type === 'archive/import-chunk');
      expect(chunks).toEqual([{ type: 'archive/import-chunk', keys: ['importId', 'url'] }]);
    });
  });
});
