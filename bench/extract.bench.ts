/**
 * Extraction cost against plain Readability, in the same process on the same parsed DOMs: the
 * gne-dev corpus pages when ../shared/corpus is present, else the rule fixtures. Also the gzipped
 * size of the injected script (built first when missing).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../utils/extract';
import { benchPages, median, quantile } from './corpus-pages';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function gzippedExtractor(): number {
  const file = path.resolve('.output/chrome-mv3/extractor.js');
  if (!fs.existsSync(file)) execSync('npx wxt build', { stdio: 'ignore' });
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

export default async function bench(): Promise<void> {
  const docs = benchPages().map((p) => ({
    ...p,
    dom: new JSDOM(p.html, { url: p.url, virtualConsole: new VirtualConsole() }),
  }));
  const jianbao: number[] = [];
  const readability: number[] = [];
  const ratios: number[] = [];
  const names: string[] = [];
  for (const { dom, url, name } of docs) {
    const doc = dom.window.document;
    extractArticle(doc, url); // warm-up
    new Readability(doc.cloneNode(true) as Document).parse();
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // alternate so drift (GC, other load on the machine) hits both alike
      let t = performance.now();
      new Readability(doc.cloneNode(true) as Document).parse();
      theirs.push(performance.now() - t);
      t = performance.now();
      try {
        extractArticle(doc, url);
      } catch {
        // a page without an article still costs what it costs
      }
      mine.push(performance.now() - t);
    }
    jianbao.push(...mine);
    readability.push(...theirs);
    ratios.push(median(mine) / median(theirs));
    names.push(`${name} ${median(mine).toFixed(0)} vs ${median(theirs).toFixed(0)} ms`);
  }
  if (process.env.BENCH_VERBOSE)
    ratios
      .map((r, i) => [r, names[i]] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 6)
      .forEach(([r, name]) => console.log(`  ${r.toFixed(2)}× ${name}`));
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(26)}${median(xs).toFixed(1).padStart(10)}${quantile(xs, 0.95).toFixed(1).padStart(10)}`;
  console.log(`${docs.length} pages × ${ROUNDS} rounds, jsdom, same parsed DOM per page`);
  console.log(`${''.padEnd(26)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}`);
  console.log(row('readability (clone+parse)', readability));
  console.log(row('jianbao extractArticle', jianbao));
  console.log(`ratio of medians: ${(median(jianbao) / median(readability)).toFixed(2)}× (target ≤ 1.5×)`);
  console.log(
    `per-page ratio: median ${median(ratios).toFixed(2)}×, p95 ${quantile(ratios, 0.95).toFixed(2)}×`,
  );
  const size = gzippedExtractor();
  console.log(`.output/chrome-mv3/extractor.js gzipped: ${(size / 1024).toFixed(1)} kB (target < 60 kB)`);
}
