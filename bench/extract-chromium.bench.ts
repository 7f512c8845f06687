/**
 * Extraction cost where it really runs: in the page, in headless Chromium (the jsdom figures of
 * extract.bench.ts exaggerate DOM work). Each page is served from 127.0.0.1 with its own scripts off
 * and every other request refused; extractArticle and plain Readability (clone + parse) take turns
 * on the same DOM, in an isolated world like the extension's injected script. The bundle is
 * evaluated before the clock starts: the times leave out parsing and compiling the script.
 */
import http from 'node:http';
import { chromium } from 'playwright-core';
import { bundle, CHROMIUM } from './browser';
import { benchPages, machine } from './corpus-pages';
import { printProfile } from './extract-profile';
import { median, printComparison, type ExtractionTimes } from './extract-timing';

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
    const cdp = await context.newCDPSession(page);
    /** Opens page `i` with the bundle evaluated in a fresh isolated world; returns that world. */
    const openPage = async (i: number): Promise<number> => {
      await page.goto(`${origin}/${i}`, { waitUntil: 'domcontentloaded' });
      // An isolated world, as the extension's injected script gets: the page's own world has script
      // off, and callbacks into it (DOMPurify's Trusted Types policy) throw there
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'jianbao-bench',
      });
      await evaluate(executionContextId, script);
      return executionContextId;
    };
    const evaluate = async (contextId: number, expression: string): Promise<unknown> => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description);
      return result.value;
    };
    const timed: Array<ExtractionTimes & { name: string }> = [];
    for (const [i, { name, url }] of pages.entries()) {
      const world = await openPage(i);
      const times = await evaluate(
        world,
        `jianbaoExtractBench(${JSON.stringify(url)}, ${ROUNDS}, ${i % 2 === 1})`,
      ).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
      timed.push({ name, ...(times as ExtractionTimes) });
    }
    printComparison(
      `${pages.length} pages × ${ROUNDS} rounds, headless Chromium ${browser.version()}, in the page; ${machine()}`,
      timed,
      { firstRuns: true },
    );
    if (process.env.BENCH_PROFILE) {
      // the pages named by BENCH_PROFILE_PAGES (comma-separated), else the six with the highest ratio,
      // as BENCH_VERBOSE names them
      const named = process.env.BENCH_PROFILE_PAGES?.split(',');
      const worst = timed
        .map((t, i) => ({ i, ratio: median(t.mine) / median(t.theirs) }))
        .filter(({ i }) => !named || named.includes(pages[i]!.name))
        .sort((a, b) => b.ratio - a.ratio)
        .slice(0, named ? undefined : 6);
      await printProfile(
        cdp,
        worst.map(({ i }) => ({
          name: pages[i]!.name,
          open: () => openPage(i),
          run: (world: number, runs: number) =>
            evaluate(world, `jianbaoExtractRuns(${JSON.stringify(pages[i]!.url)}, ${runs})`),
        })),
        Number(process.env.BENCH_PROFILE) > 1 ? Number(process.env.BENCH_PROFILE) : 50,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}
