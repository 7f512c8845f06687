/** Bundled into each corpus page by extract-chromium.bench.ts: the same timing, on the page's own DOM. */
import { timeExtraction } from './extract-timing';

(globalThis as { jianbaoExtractBench?: unknown }).jianbaoExtractBench = (url: string, rounds: number) =>
  timeExtraction(document, url, rounds);
