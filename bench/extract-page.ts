/**
 * Bundled into each corpus page by extract-chromium.bench.ts: times extractArticle against plain
 * Readability on the page's own DOM in Chromium, alternating so that drift hits both alike.
 */
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../utils/extract';

function time(run: () => void): number {
  const started = performance.now();
  try {
    run();
  } catch {
    // a page without an article still costs what it costs
  }
  return performance.now() - started;
}

(globalThis as { jianbaoExtractBench?: unknown }).jianbaoExtractBench = (url: string, rounds: number) => {
  const readability = () => new Readability(document.cloneNode(true) as Document).parse();
  const jianbao = () => extractArticle(document, url);
  time(readability); // warm-up
  time(jianbao);
  const theirs: number[] = [];
  const mine: number[] = [];
  for (let round = 0; round < rounds; round++) {
    theirs.push(time(readability));
    mine.push(time(jianbao));
  }
  return { theirs, mine };
};
