/** Bundled into each corpus page by extract-chromium.bench.ts: the same timing, on the page's own DOM. */
import { extractArticle } from '../utils/extract';
import { timeExtraction } from './extract-timing';

(globalThis as { jianbaoExtractBench?: unknown }).jianbaoExtractBench = (
  url: string,
  rounds: number,
  jianbaoFirst: boolean,
) => timeExtraction(document, url, rounds, jianbaoFirst);

/** For BENCH_PROFILE: `runs` extractions and nothing else, while the profiler samples. */
(globalThis as { jianbaoExtractRuns?: unknown }).jianbaoExtractRuns = (url: string, runs: number) => {
  for (let i = 0; i < runs; i++) {
    try {
      extractArticle(document, url);
    } catch {
      // a page without an article still costs what it costs
    }
  }
};
