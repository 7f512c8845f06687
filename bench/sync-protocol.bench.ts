/**
 * `npm run bench sync-protocol`: the figures behind the choice of replication implementation, in Node
 * against pouchdb-server in memory (or JIANBAO_COUCHDB_URL), the same BENCH_SYNC_CLIPS (2,000)
 * generated clips on the server for each contender:
 *  - Jianbao's protocol client: pull into the archive (fake-indexeddb), indexed, DOMPurify (jsdom),
 *    and with the sanitizer left out to show what the protocol itself costs;
 *  - PouchDB's replicator (pouchdb-browser with its in-memory adapter; its IndexedDB adapter fails on
 *    fake-indexeddb): replication into PouchDB's own store only, a lower bound — the clips would
 *    still have to be copied into the archive and indexed;
 *  - bundle size (esbuild, minified, gzip) of each, and of the extension before/after (main's build).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { openArchive } from '../utils/archive/db';
import { sanitizeHtml } from '../utils/model/sanitize';
import { CouchClient } from '../utils/sync/couch-client';
import { docOfClip, type SanitizeHtml } from '../utils/sync/documents';
import { pull } from '../utils/sync/replicator';
import { childBranch, clipHash } from '../utils/sync/revisions';
import { couchRequest, startCouchServer, uniqueDatabase } from '../tests/support/couch-server';
import { generator, storedClip } from './generate';

const CLIPS = Number(process.env.BENCH_SYNC_CLIPS ?? 2_000);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function bundleSize(contents: string, external: string[] = []): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    external,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'error',
    define: { 'import.meta.env.FIREFOX': 'false', global: 'globalThis' },
  });
  const text = result.outputFiles[0]!.contents;
  return { min: text.length, gzip: gzipSync(text).length };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

/** The Chromium build of `ref` in a temporary checkout (node_modules linked from this one). */
function buildOf(ref: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-size-'));
  try {
    execSync(`git archive ${ref} | tar -x -C ${dir}`, { cwd: root, stdio: 'ignore', shell: '/bin/bash' });
    // (a commit may carry a node_modules link of its own)
    fs.rmSync(path.join(dir, 'node_modules'), { force: true, recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    execSync('npx wxt build', { cwd: dir, stdio: 'ignore' });
    const output = path.join(dir, '.output/chrome-mv3');
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-size-out-'));
    fs.cpSync(output, copy, { recursive: true });
    return copy;
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<void> {
  // --- bundle sizes
  const ours = await bundleSize(
    `export { syncRound } from './utils/sync/replicator';
     export { createSyncService } from './utils/sync/sync-service';
     export { testConnection } from './utils/sync/connection-test';`,
    // what the worker bundles anyway: the archive, the model, merge rules, valibot, idb
    ['valibot', 'idb', './utils/archive/*', '../archive/*', '../model/*', '../archive-io/*'],
  );
  // PouchDB also needs a polyfill of Node's `events` in a browser bundle, not counted here
  const pouch = await bundleSize(`export { default } from 'pouchdb-browser';`, ['events']);
  console.log(
    `replication code, minified (gzip): Jianbao's protocol client ${kB(ours.min)} (${kB(ours.gzip)}), ` +
      `pouchdb-browser ${kB(pouch.min)} (${kB(pouch.gzip)}) = ${(pouch.gzip / ours.gzip).toFixed(1)}× ours`,
  );

  // --- speed
  const server = await startCouchServer();
  const { window } = new JSDOM('');
  const domPurify: SanitizeHtml = async (html) => html.map((h) => sanitizeHtml(h, window as never));
  const untouched: SanitizeHtml = async (html) => [...html];
  try {
    const database = uniqueDatabase('bench');
    await couchRequest(server, 'PUT', `/${database}`);
    const gen = generator(1);
    for (let start = 0; start < CLIPS; start += 500) {
      const docs = [];
      for (let i = start; i < Math.min(CLIPS, start + 500); i++) {
        const clip = storedClip(gen, i);
        docs.push(docOfClip(clip, childBranch(null, { hash: clipHash(clip) })));
      }
      await couchRequest(server, 'POST', `/${database}/_bulk_docs`, { docs, new_edits: false });
    }
    const target = { serverUrl: server.url, database, username: server.username, password: server.password };

    const timeOurs = async (sanitize: SanitizeHtml) => {
      const db = await openArchive(new IDBFactory());
      const replica = {
        db,
        couch: new CouchClient(target),
        sanitize,
        clippedBy: 'bench',
        deviceId: `bench-${Math.random()}`,
      };
      const t0 = performance.now();
      const result = await pull(replica);
      const ms = performance.now() - t0;
      if (result.applied !== CLIPS) throw new Error(`pulled ${result.applied} of ${CLIPS}`);
      return ms;
    };
    const timePouch = async () => {
      // pouchdb-browser expects a browser's `self`
      (globalThis as { self?: unknown }).self ??= globalThis;
      // @ts-expect-error -- no types shipped; only replicate/destroy are used
      const { default: PouchDB } = await import('pouchdb-browser');
      // @ts-expect-error -- no types shipped
      const { default: memoryAdapter } = await import('pouchdb-adapter-memory');
      PouchDB.plugin(memoryAdapter);
      // its IndexedDB adapter fails on fake-indexeddb; in memory it can only be faster (a lower bound)
      const local = new PouchDB(`bench-${Math.random()}`, { adapter: 'memory' });
      const auth = server.username ? { auth: { username: server.username, password: server.password } } : {};
      const remote = new PouchDB(`${server.url}/${database}`, auth);
      const t0 = performance.now();
      const result = await local.replicate.from(remote, { batch_size: 200 });
      const ms = performance.now() - t0;
      if (result.docs_written !== CLIPS) throw new Error(`PouchDB wrote ${result.docs_written} of ${CLIPS}`);
      await local.destroy();
      return ms;
    };
    /** what the server alone takes to answer the same reads (`_changes` and `_bulk_get`, 200 at a time) */
    const timeServer = async () => {
      const couch = new CouchClient(target);
      const t0 = performance.now();
      let since = '0';
      for (;;) {
        const changes = await couch.changes(since, 200);
        if (changes.results.length === 0) break;
        await couch.bulkGet(changes.results.map((row) => ({ id: row.id, rev: row.changes[0]!.rev })));
        since = String(changes.last_seq);
      }
      return performance.now() - t0;
    };
    // alternate, best of two each, all in this process (machine shared with other work)
    const runs = {
      full: [] as number[],
      protocol: [] as number[],
      pouch: [] as number[],
      server: [] as number[],
    };
    for (let round = 0; round < 2; round++) {
      runs.full.push(await timeOurs(domPurify));
      runs.protocol.push(await timeOurs(untouched));
      runs.pouch.push(await timePouch());
      runs.server.push(await timeServer());
    }
    const best = (list: number[]) => Math.min(...list);
    const line = (label: string, ms: number) =>
      `  ${label}: ${(ms / 1000).toFixed(2)} s (${((CLIPS / ms) * 1000).toFixed(0)} clips/s)`;
    console.log(`pull of ${CLIPS} clips from pouchdb-server, Node + fake-indexeddb, best of 2:`);
    console.log(line('Jianbao client, checked + DOMPurify (jsdom) + stored + indexed', best(runs.full)));
    console.log(line('Jianbao client, checked + stored + indexed, no sanitizer', best(runs.protocol)));
    console.log(
      line(
        'PouchDB replicate.from into its own store (in memory; no copy into the archive yet)',
        best(runs.pouch),
      ),
    );
    console.log(line('the server alone answering the same _changes + _bulk_get', best(runs.server)));
    console.log(
      `  ratio PouchDB / Jianbao without sanitizer: ${(best(runs.pouch) / best(runs.protocol)).toFixed(2)}`,
    );
  } finally {
    await server.stop();
  }

  // --- the extension before and after (main's build vs this one)
  const after = path.join(root, '.output/chrome-mv3');
  if (!fs.existsSync(path.join(after, 'manifest.json')))
    execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  const before =
    process.env.BENCH_SIZE_BASE === 'none' ? null : buildOf(process.env.BENCH_SIZE_BASE ?? 'main');
  const bg = (dir: string) => fs.statSync(path.join(dir, 'background.js')).size;
  if (before) {
    console.log(
      `extension (.output/chrome-mv3): ${process.env.BENCH_SIZE_BASE ?? 'main'} ${kB(dirSize(before))} → this build ${kB(dirSize(after))}; ` +
        `background.js ${kB(bg(before))} → ${kB(bg(after))}`,
    );
    fs.rmSync(before, { recursive: true, force: true });
  } else console.log(`extension (.output/chrome-mv3): ${kB(dirSize(after))}; background.js ${kB(bg(after))}`);
}
