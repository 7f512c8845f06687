/**
 * Runs bench code in real headless Chromium: bundles an entry module with esbuild and evaluates it
 * in a page served from 127.0.0.1 (same IndexedDB engine as the extension's service worker).
 */
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The entry bundled as one IIFE script. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

export interface BenchPage {
  page: Page;
  /** the browser, as the figures name it */
  environment: string;
  close(): Promise<void>;
}

/** Chromium's profile is kept here by `benchPage(script, dir)`, the page served from this port. */
const KEPT_PROFILE_PORT = 47_811;

/**
 * A page on http://127.0.0.1 with `script` loaded. With `profile`, Chromium keeps its profile in
 * that directory and the page is served from a fixed origin, so its IndexedDB persists between runs.
 */
export async function benchPage(script: string, profile?: string): Promise<BenchPage> {
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(profile ? KEPT_PROFILE_PORT : 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const options = {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling'],
  };
  let page: Page;
  let environment: string;
  let closeBrowser: () => Promise<void>;
  if (profile) {
    const context = await chromium.launchPersistentContext(profile, options);
    page = await context.newPage();
    environment = `headless Chromium ${context.browser()?.version() ?? ''}`.trim();
    closeBrowser = () => context.close();
  } else {
    const browser = await chromium.launch(options);
    page = await browser.newPage();
    environment = `headless Chromium ${browser.version()}`;
    closeBrowser = () => browser.close();
  }
  page.on('console', (message) => console.log(message.text()));
  await page.goto(`http://127.0.0.1:${port}/`);
  return {
    page,
    environment,
    close: async () => {
      await closeBrowser();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
