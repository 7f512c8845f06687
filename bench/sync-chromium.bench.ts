/**
 * `npm run bench sync-chromium`: sync in the production build (.output/chrome-mv3, host access
 * granted as after the prompt) in headless Chromium against pouchdb-server in memory (or
 * JIANBAO_COUCHDB_URL):
 *  - the first sync of BENCH_CLIPS (10,000) clips into an empty profile: time and Chromium's memory;
 *  - push latency: a clip saved on profile A until profile B (its popup open, so syncing live) finds
 *    it by search, p50/p95 over BENCH_LATENCY_RUNS saves.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildWithHostAccess, EXTENSION_DIR, launch, type Browser } from '../tests/e2e/harness';
import {
  couchRequest,
  startCouchServer,
  uniqueDatabase,
  type CouchServer,
} from '../tests/support/couch-server';
import { docOfClip } from '../utils/sync/documents';
import { childBranch, clipHash } from '../utils/sync/revisions';
import { memorySampler } from './archive-io-chromium.bench';
import { generator, storedClip } from './generate';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);
const RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 20);

async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const)) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

async function profile(extensionDir: string, server: CouchServer, database: string, name: string) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `jianbao-bench-${name}-`));
  const browser = await launch({ extensionDir, userDataDir });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/reader.html`);
  const configure = () =>
    ask(page, 'sync/configure', {
      settings: {
        enabled: true,
        serverUrl: server.url,
        database,
        username: server.username,
        password: server.password,
        deviceName: name,
      },
    });
  return { browser, page, userDataDir, configure };
}

async function close(browser: Browser, userDataDir: string) {
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export default async function bench(): Promise<void> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('No production build in .output/chrome-mv3: building it (npx wxt build).');
    execSync('npx wxt build', { stdio: 'ignore' });
  }
  const extensionDir = buildWithHostAccess();
  const server = await startCouchServer();
  try {
    // the server holds CLIPS clips, written as another replica would (new_edits: false)
    const database = uniqueDatabase('bench');
    await couchRequest(server, 'PUT', `/${database}`);
    const gen = generator(1);
    let bytes = 0;
    for (let start = 0; start < CLIPS; start += 500) {
      const docs = [];
      for (let i = start; i < Math.min(CLIPS, start + 500); i++) {
        const clip = storedClip(gen, i);
        docs.push(docOfClip(clip, childBranch(null, { hash: clipHash(clip) })));
      }
      const body = JSON.stringify({ docs, new_edits: false });
      bytes += body.length;
      await couchRequest(server, 'POST', `/${database}/_bulk_docs`, body);
    }
    console.log(
      `server: ${CLIPS} clips, ${(bytes / 1024 / 1024).toFixed(0)} MB of JSON (machine shared with other work)`,
    );

    const b = await profile(extensionDir, server, database, 'bench-b');
    const memory = memorySampler(b.userDataDir);
    memory.reset();
    const t0 = performance.now();
    await b.configure();
    const status = await ask<{ lastError: unknown; pending: number }>(b.page, 'sync/now', {});
    const seconds = (performance.now() - t0) / 1000;
    memory.stop();
    const { total } = await ask<{ total: number }>(b.page, 'clips/list', { offset: 0, limit: 1 });
    console.log(
      `first sync of ${CLIPS} clips into an empty profile: ${seconds.toFixed(1)} s ` +
        `(${((CLIPS / seconds) | 0).toLocaleString('en')} clips/s), ${total} stored, error ${JSON.stringify(status.lastError)}`,
    );
    console.log(`  memory: ${memory.report()}`);
    await close(b.browser, b.userDataDir);

    // push latency between two profiles on a fresh database
    const small = uniqueDatabase('latency');
    await couchRequest(server, 'PUT', `/${small}`);
    const a = await profile(extensionDir, server, small, 'latency-a');
    const receiver = await profile(extensionDir, server, small, 'latency-b');
    await a.configure();
    await receiver.configure();
    // B's popup open: it holds the live port
    const popup = await receiver.browser.context.newPage();
    await popup.goto(`chrome-extension://${receiver.browser.extensionId}/popup.html`);
    const template = storedClip(gen, 0);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const word = `延迟测量第${run}号样本`;
      const url = `https://news.example.cn/latency/${run}.html`;
      const clip = { ...template, id: `latency-${run}`, url, canonicalUrl: url, title: word };
      const start = performance.now();
      await ask(a.page, 'clip/restore', { clip });
      for (;;) {
        const found = await ask<{ hits: unknown[] }>(receiver.page, 'archive/search', {
          query: word,
          filters: {},
          offset: 0,
          limit: 1,
        });
        if (found.hits.length > 0) break;
        if (performance.now() - start > 120_000) throw new Error(`clip ${run} did not arrive within 120 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    times.sort((x, y) => x - y);
    console.log(
      `push latency, save on A → found by search on B (popup open), ${RUNS} clips: ` +
        `p50 ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms, ` +
        `min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
    );
    await close(a.browser, a.userDataDir);
    await close(receiver.browser, receiver.userDataDir);
  } finally {
    await server.stop();
    fs.rmSync(extensionDir, { recursive: true, force: true });
  }
}
