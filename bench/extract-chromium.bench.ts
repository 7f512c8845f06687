/**
 * Extraction cost where it really runs: in the page, in headless Chromium (the jsdom figures of
 * extract.bench.ts exaggerate DOM work). Each page is served from 127.0.0.1 with its own scripts off
 * and every other request refused; extractArticle and plain Readability (clone + parse) take turns
 * on the same DOM.
 */
import http from 'node:http';
import { chromium } from 'playwright-core';
import { bundle, CHROMIUM } from './browser';
import { benchPages, median, quantile } from './corpus-pages';

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
    const jianbao: number[] = [];
    const readability: number[] = [];
    const ratios: Array<[number, string]> = [];
    for (const [i, { name, url }] of pages.entries()) {
      await page.goto(`${origin}/${i}`, { waitUntil: 'domcontentloaded' });
      const { mine, theirs } = await page.evaluate(
        ([code, pageUrl, rounds]) => {
          (0, eval)(code);
          const run = (globalThis as unknown as Record<string, (u: string, r: number) => unknown>)
            .jianbaoExtractBench!;
          return run(pageUrl, rounds) as { mine: number[]; theirs: number[] };
        },
        [script, url, ROUNDS] as const,
      );
      jianbao.push(...mine);
      readability.push(...theirs);
      ratios.push([
        median(mine) / median(theirs),
        `${name} ${median(mine).toFixed(1)} vs ${median(theirs).toFixed(1)} ms`,
      ]);
    }
    const row = (label: string, xs: number[]) =>
      `${label.padEnd(26)}${median(xs).toFixed(1).padStart(10)}${quantile(xs, 0.95).toFixed(1).padStart(10)}`;
    console.log(
      `${pages.length} pages × ${ROUNDS} rounds, headless Chromium ${browser.version()}, in the page`,
    );
    console.log(`${''.padEnd(26)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}`);
    console.log(row('readability (clone+parse)', readability));
    console.log(row('jianbao extractArticle', jianbao));
    const perPage = ratios.map(([r]) => r);
    console.log(`ratio of medians: ${(median(jianbao) / median(readability)).toFixed(2)}× (target ≤ 1.5×)`);
    console.log(
      `per-page ratio: median ${median(perPage).toFixed(2)}×, p95 ${quantile(perPage, 0.95).toFixed(2)}×`,
    );
    if (process.env.BENCH_VERBOSE)
      ratios
        .sort((a, b) => b[0] - a[0])
        .slice(0, 6)
        .forEach(([r, label]) => console.log(`  ${r.toFixed(2)}× ${label}`));
  } finally {
    await browser.close();
    server.close();
  }
}
