/**
 * Drives the Firefox (MV2) production build in Debian's headless Firefox ESR through puppeteer-core over
 * WebDriver BiDi. The build is installed as a temporary add-on (unsigned add-ons install only so), with
 * a fixed moz-extension:// UUID so the test knows the extension's origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readStoredClips, waitFor } from './harness';

// Code passed to page.evaluate runs in an extension page, where Firefox defines `browser`.
declare const browser: typeof import('wxt/browser').browser;

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2');
export const GECKO_ID = 'jianbao@jianbao.app';
const EXTENSION_UUID = '4d1c5a2e-8f3b-4c6d-9e7a-0b1f2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export const hasFirefox = fs.existsSync(FIREFOX);

/** The raw BiDi connection puppeteer holds: used for what its Page API cannot do (see below). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export interface Firefox {
  browser: Browser;
  /** where the profile saves downloads, without asking */
  downloads: string;
  /** A new tab showing `moz-extension://<uuid>/<pathAndQuery>`, once its document has loaded. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  /** The toolbar button clicked on the selected tab, as a user's click: grants activeTab, opens the popup. */
  clickToolbarButton(): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!fs.existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no build at ${FIREFOX_EXTENSION_DIR}: run \`wxt build -b firefox\` (npm test does it)`);
  }
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it Firefox's BiDi refuses to navigate to moz-extension:// URLs ("not allowed in this
    // context") and to evaluate in the browser window (clickToolbarButton).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // <a download> of a blob: goes straight to `downloads` (puppeteer's BiDi has no download events)
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/markdown',
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  const openExtensionPage = async (pathAndQuery: string) => {
    const url = `${EXTENSION_ORIGIN}/${pathAndQuery.replace(/^\//, '')}`;
    const page = await browser.newPage();
    // Firefox's BiDi sends no load events for extension documents (it skips extension contexts,
    // bug 1755014), so page.goto() would wait forever: readiness is polled in the page instead.
    const stop = new AbortController();
    const navigation = page.goto(url, { signal: stop.signal }).catch(() => undefined);
    await waitFor(
      () =>
        page
          .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
          .catch(() => false),
      15_000,
      `${url} to load`,
    );
    stop.abort();
    await navigation;
    return page;
  };

  const clickToolbarButton = async () => {
    const { contexts } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
      .result as { contexts: Array<{ context: string; url: string }> };
    const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no browser window');
    // What a click on the toolbar button runs (Firefox's counterpart of CDP Extensions.triggerAction):
    // activeTab for the selected tab, then the action popup, which clips that tab.
    const { result } = await connection.send('script.evaluate', {
      expression: `(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
        ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
        return Services.focus.activeWindow === window;
      })()`,
      target: { context: window.context },
      awaitPromise: true,
    });
    const reply = result as { type?: string; result?: { value?: unknown }; exceptionDetails?: unknown };
    if (reply.type !== 'success' || reply.result?.value !== true) {
      throw new Error(`toolbar click failed: ${JSON.stringify(result).slice(0, 500)}`);
    }
  };

  return {
    browser,
    downloads,
    openExtensionPage,
    clickToolbarButton,
    close: async () => {
      await browser.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** A message to the background page through runtime.sendMessage, from an extension page. */
export function sendMessage(page: Page, message: { type: string; payload: unknown }): Promise<unknown> {
  return page.evaluate((m) => browser.runtime.sendMessage(m), message);
}

/** All clips in the extension's IndexedDB, read raw from an extension page (same origin as the background). */
export function storedClips(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(readStoredClips);
}

/** The text of the first element matching `selector`, once there is one (null never). */
export async function textOf(page: Page, selector: string, timeoutMs = 20_000): Promise<string> {
  return waitFor(
    () =>
      page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? null, selector),
    timeoutMs,
    selector,
  );
}

/**
 * A finished download in `dir` not in `before`. Firefox writes `<name>.part`, may create `<name>` empty
 * beforehand, and for a blob may first write a randomly named file it then renames away; so a file
 * counts once it has bytes, no .part is left, and it held the same name and size on two polls in a row
 * (a file that vanishes between listing and reading is no download yet).
 */
export async function newDownload(dir: string, before: readonly string[], timeoutMs = 20_000) {
  let lastSeen = '';
  return waitFor(
    () => {
      const files = fs.readdirSync(dir);
      if (files.some((f) => f.endsWith('.part'))) return null;
      const name = files.find((f) => !before.includes(f));
      if (!name) return null;
      const file = path.join(dir, name);
      try {
        const seen = `${name}\n${fs.statSync(file).size}`;
        const settled = seen === lastSeen && fs.statSync(file).size > 0;
        lastSeen = seen;
        return settled ? { name, path: file, text: fs.readFileSync(file, 'utf8') } : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    timeoutMs,
    `a download in ${dir}`,
  );
}
