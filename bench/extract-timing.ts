/**
 * What both extraction benches share: timing extractArticle against plain Readability (clone + parse)
 * on one document, in turns, and printing the comparison. DOM-agnostic, so it runs on a jsdom
 * document in Node and is bundled into corpus pages in Chromium (bench/extract-page.ts).
 */
import { Readability } from '@mozilla/readability';
import { extractArticle, NoArticleError } from '../utils/extract';

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
export const median = (xs: number[]) => quantile(xs, 0.5);

function time(run: () => void): number {
  const started = performance.now();
  try {
    run();
  } catch {
    // a page without an article still costs what it costs
  }
  return performance.now() - started;
}

export interface ExtractionTimes {
  /** extractArticle, ms per round */
  mine: number[];
  /** Readability on a clone, ms per round */
  theirs: number[];
  /** each one's first run on the page, ms: in Chromium's fresh world per page, what one click costs */
  first: { mine: number; theirs: number };
  /** why extractArticle failed on this page, when it did (a failure stops early: its times say little) */
  error?: string;
}

/** `jianbaoFirst`: which of the two runs first on the page (alternated over pages, as the first pays more). */
export function timeExtraction(
  doc: Document,
  url: string,
  rounds: number,
  jianbaoFirst = false,
): ExtractionTimes {
  const readability = () => new Readability(doc.cloneNode(true) as Document).parse();
  let error: string | undefined;
  const jianbao = () => extractArticle(doc, url);
  const firstJianbao = () => {
    try {
      jianbao();
    } catch (e) {
      error = e instanceof NoArticleError ? undefined : String((e as Error)?.message ?? e);
    }
  };
  // the first runs double as the warm-up of the rounds
  const first = jianbaoFirst
    ? { mine: time(firstJianbao), theirs: time(readability) }
    : { theirs: time(readability), mine: time(firstJianbao) };
  const times: ExtractionTimes = { mine: [], theirs: [], first, ...(error ? { error } : {}) };
  for (let round = 0; round < rounds; round++) {
    // alternate so drift (GC, other load on the machine) hits both alike
    times.theirs.push(time(readability));
    times.mine.push(time(jianbao));
  }
  return times;
}

/**
 * Medians and p95s of both, the ratio of medians, per-page ratios; BENCH_VERBOSE=1 names the costliest
 * pages. With `firstRuns`, also the first run on each page (meaningful where each page gets fresh
 * code, as in Chromium: in one Node process only the first page's first run is cold).
 */
export function printComparison(
  heading: string,
  pages: Array<ExtractionTimes & { name: string }>,
  { firstRuns = false } = {},
): void {
  const jianbao = pages.flatMap((p) => p.mine);
  const readability = pages.flatMap((p) => p.theirs);
  const ratios = pages.map((p) => median(p.mine) / median(p.theirs));
  const row = (label: string, xs: number[]) =>
    `${label.padEnd(26)}${median(xs).toFixed(1).padStart(10)}${quantile(xs, 0.95).toFixed(1).padStart(10)}`;
  console.log(heading);
  for (const page of pages)
    if (page.error)
      console.log(
        `!! ${page.name}: extractArticle failed (${page.error}); its times are not an extraction's`,
      );
  console.log(`${''.padEnd(26)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}`);
  console.log(row('readability (clone+parse)', readability));
  console.log(row('jianbao extractArticle', jianbao));
  console.log(`ratio of medians: ${(median(jianbao) / median(readability)).toFixed(2)}× (target ≤ 1.5×)`);
  console.log(
    `per-page ratio: median ${median(ratios).toFixed(2)}×, p95 ${quantile(ratios, 0.95).toFixed(2)}×`,
  );
  if (firstRuns) {
    const mine = pages.map((p) => p.first.mine);
    const theirs = pages.map((p) => p.first.theirs);
    const firstRatios = pages.map((p) => p.first.mine / p.first.theirs);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    console.log(
      `first run on each page (one click's cost): median ${median(mine).toFixed(1)} vs ${median(theirs).toFixed(1)} ms, ` +
        `total ${sum(mine).toFixed(0)} vs ${sum(theirs).toFixed(0)} ms (${(sum(mine) / sum(theirs)).toFixed(2)}×), ` +
        `per-page ratio median ${median(firstRatios).toFixed(2)}×, p95 ${quantile(firstRatios, 0.95).toFixed(2)}×`,
    );
  }
  if (process.env.BENCH_VERBOSE)
    pages
      .map((p, i) => ({ ...p, ratio: ratios[i]! }))
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, 6)
      .forEach((p) =>
        console.log(
          `  ${p.ratio.toFixed(2)}× ${p.name} ${median(p.mine).toFixed(1)} vs ${median(p.theirs).toFixed(1)} ms`,
        ),
      );
}
