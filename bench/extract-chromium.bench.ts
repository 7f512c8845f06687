/**
 * Extraction cost where it really runs: in the page, in headless Chromium (the jsdom figures of
 * extract.bench.ts exaggerate DOM work). Each page is served from 127.0.0.1 with its own scripts off
 * and every other request refused; extractArticle and plain Readability (clone + parse) take turns
 * on the same DOM.
 */
import http from 'node:http';
import { chromium } from 'playwright-core';
import { bundle, CHROMIUM } from './browser';
import { benchPages } from './corpus-pages';
import { printComparison, type ExtractionTimes } from './extract-timing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export default async function bench(): Promise<void> {
  const pages = benchPages();
  const script = await bundle('bench/extract-page.ts');
  const server = http.createServer((req, res) => {
    const page = pages[Number(req.url?.slice(1))];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page?.html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    const timed: Array<ExtractionTimes & { name: string }> = [];
    for (const [i, { name, url }] of pages.entries()) {
      await page.goto(`${origin}/${i}`, { waitUntil: 'domcontentloaded' });
      const times = await page.evaluate(
        ([code, pageUrl, rounds]) => {
          (0, eval)(code);
          const run = (globalThis as unknown as Record<string, (u: string, r: number) => unknown>)
            .jianbaoExtractBench!;
          return run(pageUrl, rounds) as ExtractionTimes;
        },
        [script, url, ROUNDS] as const,
      );
      timed.push({ name, ...times });
    }
    printComparison(
      `${pages.length} pages × ${ROUNDS} rounds, headless Chromium ${browser.version()}, in the page`,
      timed,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
