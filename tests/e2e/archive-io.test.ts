/**
 * Export and import through the real UI of the production build in headless Chromium: clip and seed
 * an archive, export it from the popup's "Export JSON" (the download is captured and checked against
 * the JSON Schema), then import the file into a fresh profile and find the clips listed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors, validateArchiveFile } from '../unit/archive-io/schema-validator';
import {
  attachToActionPopup,
  clickToolbarButton,
  launch,
  serve,
  storedClips,
  waitFor,
  type Browser,
  type FixtureServer,
} from './harness';
import { seededClip } from './seeded-clips';

const genericPage = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-downloads-'));

/**
 * Writes records through the worker's own 'clip/restore' message (the undo of a delete), so they are
 * validated and indexed for search exactly as a real write is.
 */
async function seed(browser: Browser, records: unknown[]) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
  for (const clip of records) {
    const reply = await page.evaluate(
      (record) => chrome.runtime.sendMessage({ type: 'clip/restore', payload: { clip: record } }),
      clip,
    );
    expect(reply).toMatchObject({ ok: true, value: { restored: true } });
  }
  await page.close();
}

/**
 * The next page the extension opens and the download it starts. The listener is on the page from
 * the moment it exists: the archive page can finish a small export before an `await` would attach it.
 */
function downloadInNewPage(browser: Browser, what: string): Promise<{ page: Page; download: Download }> {
  return new Promise((resolve, reject) => {
    const onPage = (page: Page) =>
      page.once('download', (download) => {
        stop();
        resolve({ page, download });
      });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no download from a new page: ${what}`));
    }, 30_000);
    const stop = () => {
      clearTimeout(timer);
      browser.context.off('page', onPage);
    };
    // every page that opens, not only the first: the download comes from whichever is the archive page
    browser.context.on('page', onPage);
  });
}

async function ioStatus(page: Page, state: string): Promise<string> {
  const status = page.locator(`[data-testid=io-status][data-state=${state}]`);
  await status.waitFor({ timeout: 20_000 });
  return status.innerText();
}

const message = (page: Page, key: string, subs: string[] = []) =>
  page.evaluate(([k, s]) => (chrome.i18n.getMessage as (name: string, subs: string[]) => string)(k, s), [
    key,
    subs,
  ] as [string, string[]]);

describe('export and import through the UI', () => {
  let server: FixtureServer;
  let exported: string;
  let exportedFile: { count: number; clips: Array<Record<string, unknown>> };

  beforeAll(async () => {
    server = await serve({ '/news/2024/12/01/ski.html': genericPage });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('exports the archive from the popup as a schema-valid jianbao-YYYYMMDD-HHmm.json', async () => {
    const browser = await launch();
    try {
      // one real clip through the toolbar button, two seeded with tags, notes and versions
      const url = `${server.base}/news/2024/12/01/ski.html`;
      const tab = await browser.context.newPage();
      await tab.goto(url);
      await tab.bringToFront();
      await clickToolbarButton(browser, url);
      const popup = await attachToActionPopup(browser);
      await waitFor(
        () =>
          popup.evaluate(`document.querySelector('[data-testid=clip-status]')?.dataset.status === 'saved'`),
        20_000,
        'the clip',
      );
      await popup.close();
      await seed(browser, [seededClip(1), seededClip(2)]);
      expect(await storedClips(browser)).toHaveLength(3);

      const popupTab = await browser.context.newPage();
      await popupTab.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const opened = downloadInNewPage(browser, 'Export JSON in the popup');
      await popupTab.getByTestId('popup-export-json').click();
      const { page: archivePage, download } = await opened;
      expect(download.suggestedFilename()).toMatch(/^jianbao-\d{8}-\d{4}\.json$/);
      exported = path.join(downloads, download.suggestedFilename());
      await download.saveAs(exported);
      expect(await ioStatus(archivePage, 'exported')).toContain(download.suggestedFilename());

      exportedFile = JSON.parse(fs.readFileSync(exported, 'utf8'));
      expect(schemaErrors(validateArchiveFile, exportedFile)).toBe('');
      expect(exportedFile.count).toBe(3);
      const stored = await storedClips(browser);
      for (const clip of exportedFile.clips) expect(stored).toContainEqual(clip);
      expect(exportedFile.clips.map((c) => c.title)).toContain('长白山冰雪季开幕 游客同比增长三成');

      // the popup's current search result: its own button beside the result count
      await popupTab.getByTestId('search-box').fill('雾凇岛');
      await expect.poll(() => popupTab.getByTestId('result-count').innerText()).toMatch(/2/);
      const resultPageOpened = downloadInNewPage(browser, 'the search result export');
      await popupTab.getByTestId('export-result').click();
      const { download: resultDownload } = await resultPageOpened;
      const resultFile = JSON.parse(fs.readFileSync(await resultDownload.path(), 'utf8'));
      expect(schemaErrors(validateArchiveFile, resultFile)).toBe('');
      // in the popup's order: newest clip first
      expect(resultFile.clips.map((c: { id: string }) => c.id)).toEqual(['seeded-2', 'seeded-1']);
      expect(resultFile.clips).toEqual(
        exportedFile.clips.filter((c) => String(c.id).startsWith('seeded-')).reverse(),
      );

      // per clip: Markdown from the reader
      const reader = await browser.context.newPage();
      await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=seeded-1`);
      const markdownDownload = reader.waitForEvent('download');
      await reader.getByTestId('download-markdown').click();
      const md = await markdownDownload;
      expect(md.suggestedFilename()).toBe('吉林雾凇节开幕 第1篇.md');
      const markdownPath = path.join(downloads, 'clip.md');
      await md.saveAs(markdownPath);
      const markdown = fs.readFileSync(markdownPath, 'utf8');
      expect(markdown).toMatch(/^---\ntitle: "吉林雾凇节开幕 第1篇"\n/);
      expect(markdown).toContain('note: "笔记：第1篇\\n第二行"');
      expect(markdown).toContain('雾凇岛的清晨，游客如织。第1篇正文。');
      // Reading the clipboard back needs a permission extension origins cannot be granted here, so
      // the real writeText is wrapped to see what it was given; its success shows in the status.
      await reader.evaluate(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text: string) => {
          (window as unknown as { copied: string }).copied = text;
          return write(text);
        };
      });
      await reader.getByTestId('copy-markdown').click();
      await expect
        .poll(() => reader.getByTestId('markdown-status').innerText())
        .toBe(await message(reader, 'md_copied'));
      expect(await reader.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(markdown);
    } finally {
      await browser.close();
    }
  });

  it('imports the file into a fresh profile from the archive page, and the popup lists the clips', async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);

      // a bad file first: a clear message, nothing stored
      await page.getByTestId('import-file').setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('这不是 JSON'),
      });
      const refused = await ioStatus(page, 'failed');
      expect(refused).toContain((await message(page, 'io_err_not_json', ['@'])).split('@')[0]);
      expect(refused).toContain(await message(page, 'io_unchanged'));
      expect(await storedClips(browser)).toHaveLength(0);

      await page.getByTestId('import-file').setInputFiles(exported);
      expect(await ioStatus(page, 'imported')).toBe(await message(page, 'io_imported', ['3', '0', '0']));
      const stored = await storedClips(browser);
      expect(stored).toHaveLength(3);
      for (const clip of exportedFile.clips) expect(stored).toContainEqual(clip);

      // the same file again: merged into what is there, nothing new
      await page.getByTestId('import-file').setInputFiles(exported);
      expect(await ioStatus(page, 'imported')).toBe(await message(page, 'io_imported', ['0', '0', '3']));

      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.getByTestId('clip-list').waitFor();
      expect(await popup.getByTestId('clip-list').locator('li').count()).toBe(3);
      const listed = await popup.getByTestId('clip-list').innerText();
      for (const title of [
        '长白山冰雪季开幕 游客同比增长三成',
        '吉林雾凇节开幕 第1篇',
        '吉林雾凇节开幕 第2篇',
      ]) {
        expect(listed).toContain(title);
      }
    } finally {
      await browser.close();
    }
  });
});
