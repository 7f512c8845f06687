/**
 * Extraction cost against plain Readability, in the same process on the same parsed DOMs: the
 * gne-dev corpus pages when ../shared/corpus is present, else the rule fixtures. Also the gzipped
 * size of the injected script (built first when missing).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { benchPages, machine } from './corpus-pages';
import { printComparison, timeExtraction } from './extract-timing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function gzippedExtractor(): number {
  const file = path.resolve('.output/chrome-mv3/extractor.js');
  if (!fs.existsSync(file)) execSync('npx wxt build', { stdio: 'ignore' });
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

export default async function bench(): Promise<void> {
  const pages = benchPages().map(({ name, html, url }) => {
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    return { name, ...timeExtraction(dom.window.document, url, ROUNDS) };
  });
  printComparison(
    `${pages.length} pages × ${ROUNDS} rounds, jsdom, same parsed DOM per page; ${machine()}`,
    pages,
  );
  const size = gzippedExtractor();
  console.log(`.output/chrome-mv3/extractor.js gzipped: ${(size / 1024).toFixed(1)} kB (target < 60 kB)`);
}
