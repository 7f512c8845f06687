/**
 * `npm run screenshots`: the README's pictures of the popup, the library, the reader and the settings,
 * in English and Chinese (and the library in dark), from the production build in headless Chromium
 * with a made-up archive (tests/e2e/showcase-clips.ts). Writes docs/screenshots/ unless given a folder:
 * `npm run screenshots -- /tmp/shots`. EXTENSION_DIR picks another build (e.g. an older one to compare).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { clipFromToolbar, launch, serve, type Browser } from '../tests/e2e/harness';
import { showcaseClips } from '../tests/e2e/showcase-clips';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');
const extensionDir = process.env.EXTENSION_DIR ? path.resolve(process.env.EXTENSION_DIR) : undefined;
fs.mkdirSync(outDir, { recursive: true });

async function seed(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
  for (const clip of showcaseClips()) {
    await page.evaluate(
      (record) => chrome.runtime.sendMessage({ type: 'clip/restore', payload: { clip: record } }),
      clip,
    );
  }
  return page;
}

async function shoot(
  browser: Browser,
  file: string,
  url: string,
  size: { width: number; height: number },
  options: { dark?: boolean; ready?: string } = {},
) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${url}`);
  if (options.ready) await page.locator(options.ready).first().waitFor({ timeout: 20_000 });
  // let the list's second answer (facets, counts) land
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(outDir, file) });
  console.log(path.join(outDir, file));
  await page.close();
}

const browser = await launch({ extensionDir });
try {
  const control = await seed(browser);
  const hasLibrary = fs.existsSync(path.join(extensionDir ?? '.output/chrome-mv3', 'library.html'));
  for (const language of hasLibrary ? ['en', 'zh_CN'] : ['browser']) {
    if (language !== 'browser') {
      await control.evaluate(
        (uiLanguage) => chrome.storage.local.set({ settings: { uiLanguage } }),
        language,
      );
    }
    const suffix = language === 'zh_CN' ? 'zh' : 'en';
    await shoot(
      browser,
      `popup-${suffix}.png`,
      'popup.html',
      { width: 400, height: 580 },
      {
        ready: '[data-testid=clip-list] li',
      },
    );
    await shoot(
      browser,
      `library-${suffix}.png`,
      hasLibrary ? 'library.html' : 'manage.html',
      { width: 1200, height: 760 },
      { ready: hasLibrary ? '[data-testid=clip-list] li' : 'main' },
    );
    await shoot(
      browser,
      `reader-${suffix}.png`,
      'reader.html?id=showcase-1',
      { width: 1000, height: 900 },
      {
        ready: '[data-testid=reader-body]',
      },
    );
    if (hasLibrary) {
      await shoot(
        browser,
        `settings-${suffix}.png`,
        'options.html',
        { width: 900, height: 900 },
        {
          ready: '[data-testid=settings]',
        },
      );
    }
  }
  await shoot(
    browser,
    'library-dark.png',
    hasLibrary ? 'library.html' : 'popup.html',
    { width: 1200, height: 760 },
    {
      dark: true,
      ready: '[data-testid=clip-list] li',
    },
  );
  await shoot(
    browser,
    'reader-dark.png',
    'reader.html?id=showcase-8',
    { width: 1000, height: 900 },
    {
      dark: true,
      ready: '[data-testid=reader-body]',
    },
  );
  // the popup right after a click on the toolbar button (the real action popup, drawn over CDP)
  if (hasLibrary) {
    await control.evaluate(() => chrome.storage.local.set({ settings: { uiLanguage: 'en' } }));
    const article = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');
    const server = await serve({ '/news/ski.html': article });
    const page = await browser.context.newPage();
    await page.goto(`${server.base}/news/ski.html`);
    await page.bringToFront();
    const { popup } = await clipFromToolbar(browser, `${server.base}/news/ski.html`, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const shot = (await popup.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    fs.writeFileSync(path.join(outDir, 'popup-saved-en.png'), Buffer.from(shot.data, 'base64'));
    console.log(path.join(outDir, 'popup-saved-en.png'));
    await popup.close();
    await page.close();
    await server.close();
  }
} finally {
  await browser.close();
}
