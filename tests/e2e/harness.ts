/**
 * Drives the production build in Debian's headless Chromium through playwright-core.
 * A toolbar click is simulated with CDP Extensions.triggerAction, which opens the real action popup
 * and grants activeTab exactly as a user's click does.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export interface Route {
  body: string | Buffer;
  contentType?: string;
}

export interface FixtureServer {
  base: string;
  port: number;
  /** every path requested so far, in order */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `routes` ({ '/path': html or Route }) on 127.0.0.1:<random port>. */
export async function serve(routes: Record<string, string | Route>): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(pathname);
    const route = routes[pathname];
    const { body, contentType } =
      typeof route === 'string' ? { body: route, contentType: undefined } : (route ?? {});
    res.writeHead(body === undefined ? 404 : 200, {
      'content-type': contentType ?? 'text/html; charset=utf-8',
    });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  cdp: CDPSession;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Headless Chromium with the built extension; `hostRules` maps real hostnames to the fixture server. */
export async function launch(
  options: { hostRules?: string[]; userDataDir?: string; extensionDir?: string; lang?: string } = {},
): Promise<Browser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no build at ${extensionDir}: run \`npm run build\` (npm test does it for you)`);
  }
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.hostRules?.length ? [`--host-resolver-rules=${options.hostRules.join(',')}`] : []),
    ],
  });
  const cdp = await context.browser()!.newBrowserCDPSession();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    cdp,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      if (!options.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the production build whose optional host permissions are granted at install, as for a
 * user who accepted the prompt (no automation can answer it). The shipped manifest stays minimal.
 * A copy of the production build as a user who accepted the optional host permission has it:
 * `optional_host_permissions` moved into `host_permissions` (no automation can answer the prompt).
 */
export function buildWithHostAccess(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-granted-'));
  fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...manifest.optional_host_permissions];
  delete manifest.optional_host_permissions;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** The current service worker (it may have been restarted since launch). */
export async function currentWorker(browser: Browser): Promise<Worker> {
  const live = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId));
  return live ?? browser.context.waitForEvent('serviceworker');
}

/** Simulates a click on the toolbar button while the tab showing `url` is active. */
export async function clickToolbarButton(browser: Browser, url: string): Promise<void> {
  const { targetInfos } = await browser.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
  const tab = (targetInfos as Array<{ url: string; targetId: string }>).find((t) => t.url === url);
  if (!tab) throw new Error(`no tab target for ${url}`);
  await browser.cdp.send(
    'Extensions.triggerAction' as never,
    { id: browser.extensionId, targetId: tab.targetId } as never,
  );
}

/**
 * The action popup is not a Playwright Page; drive it over a raw CDP child session.
 * Returns evaluate(expression) in the popup.
 */
export async function attachToActionPopup(browser: Browser, timeoutMs = 10_000) {
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  const target = await waitFor(async () => {
    const { targetInfos } = await browser.cdp.send('Target.getTargets');
    return targetInfos.find((t) => t.type === 'page' && t.url === popupUrl && !t.attached);
  }, timeoutMs);
  const { sessionId } = await browser.cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let seq = 0;
  const pending = new Map<
    number,
    (message: {
      result?: { result: { value: unknown }; exceptionDetails?: unknown };
      error?: unknown;
    }) => void
  >();
  browser.cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    pending.get(message.id)?.(message);
  });
  /** Any CDP command in the popup (Runtime.evaluate, Page.captureScreenshot, …). */
  const send = async (method: string, params: Record<string, unknown>) => {
    const id = ++seq;
    const reply = new Promise<Parameters<NonNullable<ReturnType<typeof pending.get>>>[0]>((resolve) =>
      pending.set(id, resolve),
    );
    await browser.cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const { result, error } = await reply;
    if (error || result?.exceptionDetails) throw new Error(JSON.stringify(error ?? result?.exceptionDetails));
    return result as unknown;
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = (await send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: { value: unknown };
    };
    return result.result.value as T;
  };
  const close = () => browser.cdp.send('Target.closeTarget', { targetId: target.targetId });
  return { evaluate, send, close, targetId: target.targetId };
}

/** The popup's clip result once it is no longer "clipping" (null before). */
export const CLIP_STATUS = `document.querySelector('[data-testid=clip-status]:not([data-status=clipping])')?.dataset.status ?? null`;

/**
 * Clicks the toolbar button on the tab showing `url` and waits for the popup to report the clip.
 * Returns the popup (to evaluate in and close), the status and the text it shows.
 */
export async function clipFromToolbar(browser: Browser, url: string, timeoutMs = 20_000) {
  await clickToolbarButton(browser, url);
  const popup = await attachToActionPopup(browser);
  const status = await waitFor(
    () => popup.evaluate<string | null>(CLIP_STATUS),
    timeoutMs,
    `the clip of ${url}`,
  );
  const text = await popup.evaluate<string>(`document.querySelector('[data-testid=clip-status]').innerText`);
  return { popup, status, text };
}

/** Polls `fn` until it returns a truthy value. */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Reads every clip in the extension's IndexedDB raw, never creating the database. Self-contained, so
 * either browser can run it: the service worker here, an extension page in Firefox (firefox-harness).
 */
export async function readStoredClips(): Promise<Array<Record<string, unknown>>> {
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes('jianbao')) return [];
  return new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
    const open = indexedDB.open('jianbao');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('clips').objectStore('clips').getAll();
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

/** All clips in the extension's IndexedDB, read raw in the service worker. */
export async function storedClips(browser: Browser): Promise<Array<Record<string, unknown>>> {
  return (await currentWorker(browser)).evaluate(readStoredClips);
}
