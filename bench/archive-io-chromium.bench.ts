/**
 * `npm run bench archive-io` (second part): the same 10,000-clip archive imported and exported
 * through the real UI of the production build (.output/chrome-mv3) in headless Chromium: the file
 * streamed, JSON.parse, valibot and DOMPurify in the archive page, the index built in its Web Workers,
 * runtime messages, the service worker's real IndexedDB. Memory is the resident size of Chromium's processes, sampled from /proc every 100 ms.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_MERGED_LEVEL, MERGE_FANOUT } from '../utils/archive/search-index';
import { COST_PREFIX, COUNT_PREFIX } from '../utils/archive-io/timing';
import { currentWorker, EXTENSION_DIR, launch, type Browser } from '../tests/e2e/harness';
import { writeArchiveFile } from './archive-file';
import { printSelfTime, type Profile } from './extract-profile';
import { generator, storedClip } from './generate';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Waits until the worker's index has no unflushed entries and no merge is due; ms since `since`. */
async function timeCompaction(browser: Browser, since: number): Promise<number> {
  for (;;) {
    const worker = await currentWorker(browser);
    const settled = await worker.evaluate(
      ([fanout, maxLevel]) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('jianbao');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['indexTail', 'segments']);
            const tail = tx.objectStore('indexTail').count();
            const catalog = tx.objectStore('segments').get([0, 0]);
            tx.oncomplete = () => {
              open.result.close();
              const levels = new Map<number, number>();
              for (const { level } of (catalog.result?.segments ?? []) as Array<{ level: number }>)
                if (level < maxLevel) levels.set(level, (levels.get(level) ?? 0) + 1);
              resolve(tail.result === 0 && [...levels.values()].every((n) => n < fanout));
            };
          };
        }),
      [MERGE_FANOUT, MAX_MERGED_LEVEL] as const,
    );
    if (settled) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Proportional set size: each shared page counted once across the processes that share it. A sum
 * of RSS counts Chromium's shared code and memory once per process (~1.1 GB for an idle browser
 * with one page here), so it overstates what the browser uses.
 */
function pssOf(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Chromium processes started for `userDataDir`: the browser and all its descendants. */
function chromiumPids(userDataDir: string): number[] {
  const parents = new Map<number, number>();
  let root: number | undefined;
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!pid) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (
        root === undefined &&
        fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${userDataDir}`)
      ) {
        const parent = parents.get(pid)!;
        const parentCmd = fs.existsSync(`/proc/${parent}/cmdline`)
          ? fs.readFileSync(`/proc/${parent}/cmdline`, 'utf8')
          : '';
        if (!parentCmd.includes(`--user-data-dir=${userDataDir}`)) root = pid;
      }
    } catch {
      // the process ended while we looked
    }
  }
  if (root === undefined) return [];
  const pids = [root];
  for (let i = 0; i < pids.length; i++)
    for (const [pid, ppid] of parents) if (ppid === pids[i]) pids.push(pid);
  return pids;
}

/** Chromium's name for the process: browser, renderer, gpu-process, a utility's service. */
function processType(pid: number): string {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
    return type === 'utility' ? (/--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1] ?? type) : type;
  } catch {
    return '?';
  }
}

/** The last CPU reading of every thread seen (by thread id): a thread that ended keeps its last. */
const threadsSeen = new Map<number, { key: string; seconds: number }>();

/**
 * CPU seconds used so far by each thread of `pids`, summed by process type and thread name. Read
 * every second while the bench runs, so that threads that ended (the import's Web Workers are
 * closed after it) still count.
 */
function threadCpu(pids: number[]): Map<string, number> {
  const tick = 100; // USER_HZ on Linux
  for (const pid of pids) {
    const type = processType(pid);
    try {
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const key = `${type} ${pid}: ${name}`;
        threadsSeen.set(Number(tid), { key, seconds: (Number(fields[11]) + Number(fields[12])) / tick });
      }
    } catch {
      // the process or thread ended
    }
  }
  const out = new Map<string, number>();
  for (const { key, seconds } of threadsSeen.values()) out.set(key, (out.get(key) ?? 0) + seconds);
  return out;
}

/** The threads that used the most CPU between two threadCpu readings. */
function topThreads(before: Map<string, number>, after: Map<string, number>, n = 8): string {
  return [...after]
    .map(([key, s]) => [key, s - (before.get(key) ?? 0)] as const)
    .filter(([, s]) => s > 0.2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, s]) => `    ${s.toFixed(1).padStart(6)} s CPU  ${key}`)
    .join('\n');
}

export function memorySampler(userDataDir: string) {
  let pids = chromiumPids(userDataDir);
  let peakTotal = 0;
  let peakProcess = 0;
  let peakPss = 0;
  let peakPssSplit = '';
  let peakPssAt = 0;
  let since = Date.now();
  let baseTotal = 0;
  let baseProcess = 0;
  let basePss = 0;
  let ticks = 0;
  const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
  const timer = setInterval(() => {
    if (++ticks % 20 === 0) pids = chromiumPids(userDataDir);
    if (ticks % 10 === 0) threadCpu(pids);
    const sizes = pids.map(rssOf);
    peakTotal = Math.max(peakTotal, sum(sizes));
    peakProcess = Math.max(peakProcess, ...sizes);
    // smaps_rollup walks the page tables: every 200 ms
    if (ticks % 2 === 0) {
      const pss = pids.map(pssOf);
      if (sum(pss) > peakPss) {
        peakPss = sum(pss);
        peakPssAt = Date.now() - since;
        peakPssSplit = pids
          .map((pid, i) => [processType(pid), pss[i]!] as const)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([type, bytes]) => `${type} ${MB(bytes)}`)
          .join(', ');
      }
    }
  }, 100);
  return {
    reset() {
      since = Date.now();
      peakPssAt = 0;
      pids = chromiumPids(userDataDir);
      const sizes = pids.map(rssOf);
      peakTotal = baseTotal = sum(sizes);
      peakProcess = baseProcess = Math.max(...sizes);
      peakPss = basePss = sum(pids.map(pssOf));
    },
    report: () =>
      `RSS of the largest Chromium process ${MB(baseProcess)} → peak ${MB(peakProcess)}, ` +
      `of all Chromium processes ${MB(baseTotal)} → peak ${MB(peakTotal)} (PSS, shared pages counted once: ${MB(basePss)} → peak ${MB(peakPss)} at ${(peakPssAt / 1000).toFixed(1)} s: ${peakPssSplit})`,
    stop: () => clearInterval(timer),
  };
}

export default async function bench(): Promise<void> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('No production build in .output/chrome-mv3: building it (npx wxt build).');
    execSync('npx wxt build', { stdio: 'ignore' });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-bench-'));
  const file = path.join(dir, 'archive.json');
  const gen = generator();
  writeArchiveFile(file, CLIPS, (i) => storedClip(gen, i));
  console.log(`Headless Chromium, production build; a ${MB(fs.statSync(file).size)} file of ${CLIPS} clips.`);
  const load = () =>
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`;
  console.log(`${load()} before the import\n`);

  const userDataDir = path.join(dir, 'profile');
  const browser = await launch({ userDataDir });
  const memory = memorySampler(userDataDir);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
    await page.getByTestId('archive-total').waitFor();

    // BENCH_CPU_PROFILE=<file>: the archive page's CPU profile of the import (DevTools' format)
    const profileFile = process.env.BENCH_CPU_PROFILE;
    const cdp = profileFile ? await browser.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    memory.reset();
    const cpuBefore = threadCpu(chromiumPids(userDataDir));
    const t0 = Date.now();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.locator('[data-testid=io-status]:not([data-state=busy])').waitFor({ timeout: 600_000 });
    const importMs = Date.now() - t0;
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(profileFile!, JSON.stringify(profile));
      console.log(`the archive page's own CPU during the import, by function (profile in ${profileFile}):`);
      printSelfTime(profile as unknown as Profile);
      await cdp.detach();
    }
    const importState = await page.getByTestId('io-status').innerText();
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('jianbao-import:'))
        .map((m) => [m.name.replace('jianbao-import:', ''), m.startTime] as const),
    );
    // time per step of the import in the page and in the service worker (utils/archive-io/timing.ts)
    const costs = (entries: Array<[string, number]>) => {
      const sums = new Map<string, [number, number]>();
      for (const [name, ms] of entries) {
        const [total, count] = sums.get(name) ?? [0, 0];
        sums.set(name, [total + ms, count + 1]);
      }
      return [...sums]
        .map(([name, [ms, n]]) => `    ${(ms / 1000).toFixed(1).padStart(6)} s  ${name} (${n}×)`)
        .join('\n');
    };
    const measured = (prefix: string) =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith(prefix))
        .map((m): [string, number] => [m.name.slice(prefix.length), m.duration]);
    const pageCosts = await page.evaluate(measured, COST_PREFIX);
    const worker = await currentWorker(browser);
    const workerCosts = await worker.evaluate(measured, COST_PREFIX);
    const workerCounts = await worker.evaluate(
      (prefix: string) =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith(prefix))
          .map((m) => `    ${m.name.slice(prefix.length)}: ${(m as PerformanceMark).detail}`),
      COUNT_PREFIX,
    );
    console.log(`import (page + worker): ${(importMs / 1000).toFixed(1)} s (${load()}), ${memory.report()}`);
    console.log(`  ${importState.replace(/\n/g, ' ')}`);
    console.log(
      `  CPU by thread during the import (Chromium threads, all processes):\n${topThreads(cpuBefore, threadCpu(chromiumPids(userDataDir)))}`,
    );
    for (let i = 0; i + 1 < marks.length; i++) {
      const [phase, at] = marks[i]!;
      const what = {
        reading: 'the first chunk: read, JSON.parse, valibot, DOMPurify in the page',
        sending:
          'the file streamed: checked in the page, chunks written into the worker’s one transaction, index built in Web Workers',
        indexing: 'the last chunk written: waiting for the last index blocks (built, sent, written)',
        committing: 'the commit of the one transaction',
      }[phase];
      console.log(
        `  ${phase.padEnd(11)} ${((marks[i + 1]![1] - at) / 1000).toFixed(1).padStart(6)} s  ${what ?? ''}`,
      );
    }

    console.log(
      `  time by step (summed; steps in different threads overlap):\n    the archive page:\n${costs(pageCosts)}\n    the service worker:\n${costs(workerCosts)}`,
    );
    for (const count of workerCounts) console.log(count);

    // The import wrote finished index segments: the first search is an ordinary one, and no
    // compaction should be due (checked by polling the worker's database).
    const search = async (query: string) => {
      const started = Date.now();
      const found = await page.evaluate(
        (q) =>
          chrome.runtime.sendMessage({
            type: 'archive/search',
            payload: { query: q, filters: {}, offset: 0, limit: 12 },
          }),
        query,
      );
      return `${Date.now() - started} ms, ${JSON.stringify(found).length > 100 ? 'answered' : JSON.stringify(found)}`;
    };
    // a word in every clip (its postings read and decoded cold), then the same again and another
    const first = await search('吉林');
    const again = [await search('吉林'), await search('冰雪')];
    const compactionMs = await timeCompaction(browser, t0 + importMs);
    console.log(`the first search right after the import: ${first}`);
    console.log(`then the same search: ${again[0]}; another (冰雪): ${again[1]}`);
    console.log(
      `compaction still due after the import (the tail empty, no merge due) found settled after: ${(compactionMs / 1000).toFixed(1)} s`,
    );

    memory.reset();
    const exportCpu = threadCpu(chromiumPids(userDataDir));
    const t1 = Date.now();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await page.getByTestId('export-json').click();
    const exported = await download;
    const exportMs = Date.now() - t1;
    const waited = await page.evaluate(() =>
      performance.getEntriesByName('jianbao-export:request').reduce((ms, entry) => ms + entry.duration, 0),
    );
    const exportedPath = path.join(dir, 'exported.json');
    await exported.saveAs(exportedPath);
    console.log(
      `export (worker pages + Blob in the page, until the download starts): ${(exportMs / 1000).toFixed(1)} s (${load()}), ${memory.report()}; file ${MB(fs.statSync(exportedPath).size)}`,
    );
    console.log(
      `  CPU by thread during the export:\n${topThreads(exportCpu, threadCpu(chromiumPids(userDataDir)))}`,
    );
    console.log(
      `  ${(waited / 1000).toFixed(1)} s of it waiting for page messages (the worker reads and serialises, the channel carries), the rest building the Blob in the page`,
    );
  } finally {
    memory.stop();
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
