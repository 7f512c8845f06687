/**
 * `npm run bench search`: search, save and index-size figures at 1,000 and 10,000 generated clips,
 * in headless Chromium (the extension's IndexedDB engine) and, for comparison, in Node with
 * fake-indexeddb (much slower than Chromium's IndexedDB). BENCH_SIZES=1000 limits the sizes;
 * BENCH_NODE_SIZES (default 1000) sets the Node sizes. BENCH_PROFILE=<dir> keeps Chromium's
 * profile there (and the page on a fixed port), so a later run reuses the archives already filled
 * (a 100,000-clip fill takes minutes); each run's saves are deleted again at its end.
 */
import os from 'node:os';
import * as fakeIndexedDB from 'fake-indexeddb';
import { openArchive } from '../utils/archive/db';
import { benchPage, bundle } from './browser';
import { formatFigures, measureStore, type StoreFigures } from './search-core';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const nodeSizes = (process.env.BENCH_NODE_SIZES ?? '1000').split(',').filter(Boolean).map(Number);
const profile = process.env.BENCH_PROFILE;

const load = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

export default async function searchBench() {
  console.log(`machine: ${os.cpus().length} cores, ${load()}`);
  const script = await bundle('bench/search-page.ts');
  const { page, close, environment } = await benchPage(script, profile);
  try {
    for (const clips of sizes) {
      const figures = await page.evaluate(
        (n) =>
          (
            globalThis as unknown as { jianbaoStoreBench: (n: number) => Promise<StoreFigures> }
          ).jianbaoStoreBench(n),
        clips,
      );
      console.log(
        `\n${formatFigures(figures, `${environment}, IndexedDB in a page on 127.0.0.1`)}\n(${load()} at the end)`,
      );
    }
  } finally {
    await close();
  }
  for (const clips of nodeSizes) {
    // idb checks values against the global IDB classes (instanceof IDBRequest, …)
    const { IDBFactory, indexedDB: _unused, ...classes } = fakeIndexedDB;
    Object.assign(globalThis, classes);
    const factory = new IDBFactory();
    const figures = await measureStore(() => openArchive(factory), clips);
    console.log(`\n${formatFigures(figures, `Node ${process.version}, fake-indexeddb`)}`);
  }
}
