/**
 * A 2,000-clip archive file imported through the real archive page of the production build, then
 * searched at once from the popup: the import writes finished index segments, so nothing is left
 * for compaction and the first search finds CJK substrings, stems and typed prefixes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchiveFile } from '../../bench/archive-file';
import { generator, random, storedClip } from '../../bench/generate';
import { currentWorker, launch, waitFor, type Browser } from './harness';

const CLIPS = 2_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-import-search-'));
const file = path.join(dir, 'archive.json');
const gen = generator();
const pick = random(7);
/** a few clips with words to look for: an English title among the Chinese ones */
const special = new Map([
  [1234, { title: 'Minecraft servers face new sanctions', textContent: '游戏服务器的新规定。' }],
  [77, { title: '冰灯游园会', textContent: 'The sanction was lifted.' }],
]);
const bodyPhrase = gen.bodySubstring(1500, 5, pick);

beforeAll(() => {
  writeArchiveFile(file, CLIPS, (i) => ({ ...storedClip(gen, i), ...special.get(i) }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a 2,000-clip import, searched at once', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('a service worker stopped mid-import fails the import, and nothing of it is stored', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
    await page.getByTestId('archive-total').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    // once chunks have gone to the worker (posted to it, in Chromium), stop it as Chrome may
    await waitFor(
      () => page.evaluate(() => performance.getEntriesByName('jianbao-import:sending').length > 0 || null),
      60_000,
      'the first chunk sent',
    );
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.locator('[data-testid=io-status][data-state=failed]').waitFor({ timeout: 60_000 });
    const stored = await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'clips/list', payload: { offset: 0, limit: 1 } }),
    );
    expect(stored).toMatchObject({ ok: true, value: { total: 0 } });
    await page.close();
  }, 120_000);

  it('imports through the archive page; the popup finds clips right away, with no compaction due', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
    await page.getByTestId('archive-total').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.locator('[data-testid=io-status][data-state=imported]').waitFor({ timeout: 240_000 });

    // the import wrote finished segments: no tail for compaction to fold
    const tail = await (
      await currentWorker(browser)
    ).evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('jianbao');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('indexTail').objectStore('indexTail').count();
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result);
            };
          };
        }),
    );
    expect(tail).toBe(0);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('clip-list').waitFor();
    const titles = () => popup.locator('[data-testid=clip-list] li .clip-title').allInnerTexts();
    const search = async (query: string, expected: (titles: string[]) => boolean, what: string) => {
      await popup.getByTestId('search-box').fill(query);
      return waitFor(
        async () => {
          const listed = await titles();
          return expected(listed) ? listed : null;
        },
        30_000,
        what,
      );
    };
    // a word being typed finds what it begins
    expect(await search('Minec', (t) => t.length === 1, 'the Minecraft clip')).toEqual([
      special.get(1234)!.title,
    ]);
    // a singular finds the plural and the singular, in titles first
    const stemmed = await search('sanction ', (t) => t.length === 2, 'two sanction clips');
    expect(stemmed).toEqual([special.get(1234)!.title, special.get(77)!.title]);
    // a five-character phrase from a generated body is found
    const found = await search(bodyPhrase, (t) => t.length > 0, `clips holding ${bodyPhrase}`);
    expect(found.length).toBeGreaterThan(0);
  }, 300_000);
});
