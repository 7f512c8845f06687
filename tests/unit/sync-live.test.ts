/**
 * The sync service as the worker runs it (fake-indexeddb, a real CouchDB-protocol server): while a
 * page holds a live port, a clip another device pushes arrives by the `_changes` feed, well before
 * the pull alarm, and the pages are told so that their lists draw it.
 */
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveArticle } from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { searchArchive } from '@/utils/archive/search';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { SYNC_SETTINGS_KEY, type SyncSettings } from '@/utils/sync/settings';
import { createSyncService } from '@/utils/sync/sync-service';
import { couchRequest, startCouchServer, uniqueDatabase, type CouchServer } from '../support/couch-server';
import { makeArticle } from './article-factory';

const { window } = new JSDOM('');
const sanitize = async (html: readonly string[]) => html.map((h) => sanitizeHtml(h, window as never));

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

function worker(db: JianbaoDatabase, settings: SyncSettings, onPulled?: () => void) {
  const stored: Record<string, unknown> = { [SYNC_SETTINGS_KEY]: settings };
  return createSyncService({
    db: async () => db,
    sanitize,
    storage: {
      get: async (key) => ({ [key]: stored[key] }),
      set: async (items) => void Object.assign(stored, items),
    },
    onPulled,
  });
}

async function hits(db: JianbaoDatabase, query: string): Promise<number> {
  return (await searchArchive(db, { query, filters: {}, offset: 0, limit: 10 })).total;
}

it('a live page gets a clip another device pushes after its first round, and is told of it', async () => {
  const database = uniqueDatabase();
  await couchRequest(server, 'PUT', `/${database}`);
  const settings: SyncSettings = {
    enabled: true,
    serverUrl: server.url,
    database,
    username: server.username,
    password: server.password,
    deviceName: '',
  };
  const aDb = await openArchive(new IDBFactory());
  const bDb = await openArchive(new IDBFactory());
  const a = worker(aDb, settings);
  let told = 0;
  const b = worker(bDb, settings, () => told++);
  await a.syncNow();
  await b.syncNow();
  expect(told).toBe(0);

  b.liveOpened();
  // B's own round (the one the port opened) is over and it waits on the feed
  await expect.poll(async () => (await b.status()).running, { timeout: 10_000 }).toBe(false);
  const url = 'https://news.example.cn/a/1.html';
  const saved = await saveArticle(
    aDb,
    makeArticle({ url, canonicalUrl: url, title: '长白山', textContent: '长白山冰雪季开幕。' }),
    { update: true },
  );
  if (saved.status === 'failed') throw new Error('save failed');
  await a.localChange([saved.clip.id]);

  await expect.poll(() => hits(bDb, '冰雪季'), { timeout: 15_000, interval: 100 }).toBe(1);
  await expect.poll(() => told, { timeout: 5_000 }).toBe(1);
  b.liveClosed();
}, 60_000);
