/**
 * Replication between archives (fake-indexeddb, one factory per device) through a real
 * CouchDB-protocol server (pouchdb-server in memory, or JIANBAO_COUCHDB_URL), over the states a
 * replication goes through: first sync, edits, deletes and undo, offline conflicts, a clip of the
 * same page on two devices, hostile documents, a server that goes away mid-sync; and the sync
 * service as the worker runs it, following the server's changes live while a page holds a port.
 */
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteClip, editClip, getClip, restoreClip, saveArticle } from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { searchArchive } from '@/utils/archive/search';
import type { Clip } from '@/utils/model/article';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { CouchClient } from '@/utils/sync/couch-client';
import { markLocalChanges, pendingCount, readStatus, syncRound, type Replica } from '@/utils/sync/replicator';
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

let database: string;
beforeEach(async () => {
  database = uniqueDatabase();
  await couchRequest(server, 'PUT', `/${database}`);
});

interface Device extends Replica {
  log: (message: string) => void;
  logged: string[];
}

async function device(name: string, options: { batchSize?: number; url?: string } = {}): Promise<Device> {
  const db = await openArchive(new IDBFactory());
  const logged: string[] = [];
  return {
    db,
    couch: new CouchClient({
      serverUrl: options.url ?? server.url,
      database,
      username: server.username,
      password: server.password,
    }),
    sanitize,
    clippedBy: `user@${name}`,
    deviceId: `device-${name}`,
    batchSize: options.batchSize,
    logged,
    log: (message) => logged.push(message),
  };
}

let ids = 0;
async function clip(db: JianbaoDatabase, n: number, text = `第${n}篇：长白山冰雪季开幕。`): Promise<string> {
  const url = `https://news.example.cn/a/${n}.html`;
  const outcome = await saveArticle(
    db,
    makeArticle({ url, canonicalUrl: url, title: `新闻${n}`, textContent: text }),
    {
      update: true,
      newId: () => `clip-${String(++ids).padStart(5, '0')}`,
    },
  );
  if (outcome.status === 'failed') throw new Error('save failed');
  return outcome.clip.id;
}

/** A tag/note edit as the worker makes it: the write, then its revision (the background does both). */
async function edit(replica: Replica, id: string, tags: string[], note: string | null = null) {
  await editClip(replica.db, id, { tags, note });
  await markLocalChanges(replica.db, [id], replica.clippedBy);
}

async function allClips(db: JianbaoDatabase): Promise<Clip[]> {
  return (await db.getAll('clips')).sort((a, b) => a.id.localeCompare(b.id));
}

async function search(db: JianbaoDatabase, query: string): Promise<string[]> {
  const result = await searchArchive(db, { query, filters: {}, offset: 0, limit: 100 });
  return result.hits.map((hit) => hit.id);
}

async function serverDoc(id: string, query = ''): Promise<Record<string, unknown>> {
  return couchRequest(server, 'GET', `/${database}/${encodeURIComponent(id)}${query}`);
}

describe('sync through a CouchDB-protocol server', () => {
  it('first sync: a clip made on A reaches B, searchable, with who clipped it; nothing is sent twice', async () => {
    const a = await device('a');
    const b = await device('b');
    const id = await clip(a.db, 1, '雾凇岛迎来今冬首场雾凇。');
    expect(await syncRound(a)).toMatchObject({ pushed: 1, pulled: 0 });
    expect(await pendingCount(a.db)).toBe(0);
    const onServer = await serverDoc(id);
    expect(onServer).toMatchObject({ _id: id, title: '新闻1', clippedBy: 'user@a' });
    expect(onServer).not.toHaveProperty('id');

    expect(await syncRound(b)).toMatchObject({ pulled: 1, pushed: 0 });
    const copy = await getClip(b.db, id);
    expect(copy).toEqual(await getClip(a.db, id));
    expect(copy?.clippedBy).toBe('user@a');
    expect(await search(b.db, '雾凇岛')).toEqual([id]);
    // a second round on both changes nothing and sends nothing
    expect(await syncRound(a)).toMatchObject({ pushed: 0, pulled: 0 });
    expect(await syncRound(b)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('an edit on B reaches A; a delete on A reaches B; undo on A brings it back on both', async () => {
    const a = await device('a');
    const b = await device('b');
    const id = await clip(a.db, 2);
    await syncRound(a);
    await syncRound(b);

    await edit(b, id, ['吉林', '旅游'], '选题备用');
    expect(await pendingCount(b.db)).toBe(1);
    await syncRound(b);
    await syncRound(a);
    expect(await getClip(a.db, id)).toMatchObject({ tags: ['吉林', '旅游'], note: '选题备用' });
    expect(await search(a.db, '选题备用')).toEqual([id]);

    const deleted = await deleteClip(a.db, id);
    await markLocalChanges(a.db, [id], a.clippedBy);
    await syncRound(a);
    expect(await serverDoc(id).catch((error: Error) => error.message)).toMatch(/404/);
    await syncRound(b);
    expect(await getClip(b.db, id)).toBeUndefined();
    expect(await search(b.db, '长白山')).toEqual([]);

    await restoreClip(a.db, deleted!);
    await markLocalChanges(a.db, [id], a.clippedBy);
    await syncRound(a);
    await syncRound(b);
    expect(await getClip(b.db, id)).toEqual(await getClip(a.db, id));
    expect(await search(b.db, '长白山')).toEqual([id]);
  });

  it('the same clip edited on both devices offline: both end with one merged record, nothing lost', async () => {
    const a = await device('a');
    const b = await device('b');
    const id = await clip(a.db, 3);
    await syncRound(a);
    await syncRound(b);

    // both offline: each edits; A also clips the page again with a new text
    await edit(a, id, ['甲'], 'A 的笔记');
    const url = 'https://news.example.cn/a/3.html';
    await saveArticle(
      a.db,
      makeArticle({ url, canonicalUrl: url, title: '新闻3（更新）', textContent: '更新后的正文。' }),
      {
        update: true,
        now: new Date(Date.now() + 60_000),
      },
    );
    await markLocalChanges(a.db, [id], a.clippedBy);
    await edit(b, id, ['乙'], 'B 的笔记');

    // A comes back first, then B (whose pull finds the conflict), then A again
    await syncRound(a);
    await syncRound(b);
    await syncRound(a);
    await syncRound(b);

    const onA = await getClip(a.db, id);
    const onB = await getClip(b.db, id);
    expect(onA).toEqual(onB);
    expect(new Set(onA!.tags)).toEqual(new Set(['甲', '乙']));
    expect(onA!.note).toContain('A 的笔记');
    expect(onA!.note).toContain('B 的笔记');
    expect(onA!.title).toBe('新闻3（更新）');
    expect(onA!.versions.map((v) => v.textContent)).toContain('第3篇：长白山冰雪季开幕。');
    // the server holds one live revision: the conflict is closed, not left for others to find
    const doc = await serverDoc(id, '?conflicts=true');
    expect(doc._conflicts).toBeUndefined();
    expect(doc._rev).toBe((await a.db.get('syncDocs', id))!.rev);
    expect(await pendingCount(a.db)).toBe(0);
    expect(await pendingCount(b.db)).toBe(0);
  });

  it('a conflict already on the server is resolved identically by two devices at once', async () => {
    const a = await device('a');
    const b = await device('b');
    const c = await device('c');
    const id = await clip(a.db, 4);
    await syncRound(a);
    await syncRound(b);
    await edit(a, id, ['甲'], null);
    await edit(b, id, ['乙'], null);
    // both push without pulling: the server now has two live leaves
    await syncRound(a, { pushOnly: true });
    await syncRound(b, { pushOnly: true });
    expect((await serverDoc(id, '?conflicts=true'))._conflicts).toHaveLength(1);
    // A and B each merge them without seeing the other's merge: the same revision results
    await syncRound(a);
    await syncRound(b);
    expect((await a.db.get('syncDocs', id))!.rev).toBe((await b.db.get('syncDocs', id))!.rev);
    await syncRound(c);
    expect(await getClip(c.db, id)).toEqual(await getClip(a.db, id));
    expect((await serverDoc(id, '?conflicts=true'))._conflicts).toBeUndefined();
  });

  it('a delete on one device and an edit on another: the edit wins, as in CouchDB, and nothing is lost', async () => {
    const a = await device('a');
    const b = await device('b');
    const id = await clip(a.db, 5);
    await syncRound(a);
    await syncRound(b);
    await deleteClip(a.db, id);
    await markLocalChanges(a.db, [id], a.clippedBy);
    await edit(b, id, ['保留'], null);
    await syncRound(a);
    await syncRound(b);
    await syncRound(a);
    expect((await getClip(a.db, id))?.tags).toEqual(['保留']);
    expect(await getClip(b.db, id)).toEqual(await getClip(a.db, id));
  });

  it('the same page clipped on two devices: one clip survives on both, with both merged into it', async () => {
    const a = await device('a');
    const b = await device('b');
    const idA = await clip(a.db, 6);
    const idB = await clip(b.db, 6);
    expect(idA).not.toBe(idB);
    await edit(a, idA, ['甲'], null);
    await edit(b, idB, ['乙'], null);
    await syncRound(a);
    await syncRound(b);
    await syncRound(a);
    await syncRound(b);
    const onA = await allClips(a.db);
    const onB = await allClips(b.db);
    expect(onA).toHaveLength(1);
    expect(onA).toEqual(onB);
    expect(onA[0]!.id).toBe([idA, idB].sort()[0]);
    expect(new Set(onA[0]!.tags)).toEqual(new Set(['甲', '乙']));
    const all = await couchRequest<{ rows: Array<{ id: string }> }>(server, 'GET', `/${database}/_all_docs`);
    expect(all.rows.map((row) => row.id)).toEqual([onA[0]!.id]);
  });

  it('hostile documents on the server are skipped with a logged reason; sanitized HTML only is stored', async () => {
    const a = await device('a');
    const good = await clip(a.db, 7);
    await syncRound(a);
    const base = await serverDoc(good);
    const { _id, _rev, ...fields } = base;
    void _id;
    void _rev;
    const url = (n: string) => `https://evil.example.com/${n}.html`;
    await couchRequest(server, 'POST', `/${database}/_bulk_docs`, {
      docs: [
        { ...fields, _id: 'wrong-types', title: 42, tags: 'x', url: url('1'), canonicalUrl: url('1') },
        {
          ...fields,
          _id: 'huge',
          textContent: '长'.repeat(26 * 1024 * 1024),
          url: url('2'),
          canonicalUrl: url('2'),
        },
        {
          ...fields,
          _id: 'scripted',
          contentHtml:
            '<p>正文</p><script>globalThis.pwned = 1</script><img src=x onerror="globalThis.pwned = 2">',
          versions: [
            {
              savedAt: '2024-01-01T00:00:00.000Z',
              title: 't',
              contentHtml: '<iframe srcdoc="x"></iframe><p>旧</p>',
              textContent: '旧',
              snapshot: null,
            },
          ],
          url: url('3'),
          canonicalUrl: url('3'),
        },
        { _id: 'not-a-clip', hello: 'world' },
        { ...fields, _id: 'javascript-url', url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)' },
      ],
    });
    const b = await device('b');
    const round = await syncRound(b);
    expect(round.skipped.map((s) => s.id).sort()).toEqual([
      'huge',
      'javascript-url',
      'not-a-clip',
      'wrong-types',
    ]);
    expect(round.skipped.find((s) => s.id === 'huge')!.reason).toMatch(/MB cap/);
    expect(round.skipped.find((s) => s.id === 'wrong-types')!.reason).toMatch(/not a clip/);
    expect(b.logged.join('\n')).toMatch(/skipped wrong-types/);
    const status = await readStatus(b.db.transaction('syncState').store);
    expect(status.skipped.map((s) => s.id).sort()).toEqual([
      'huge',
      'javascript-url',
      'not-a-clip',
      'wrong-types',
    ]);
    expect((await allClips(b.db)).map((c) => c.id).sort()).toEqual([good, 'scripted'].sort());
    const scripted = await getClip(b.db, 'scripted');
    expect(scripted!.contentHtml).not.toMatch(/script|onerror/);
    expect(scripted!.versions[0]!.contentHtml).not.toMatch(/iframe/);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    // skipped documents are not fetched again on the next round
    expect((await syncRound(b)).skipped).toEqual([]);
  }, 60_000);

  it('the server going away mid-sync: the error is recorded, and the next round resumes from its checkpoint', async () => {
    const a = await device('a');
    for (let n = 0; n < 30; n++) await clip(a.db, 100 + n);
    await syncRound(a);
    const b = await device('b', { batchSize: 5 });
    // cut the connection after the third `_bulk_get`
    let bulkGets = 0;
    const fetchWithCut: typeof fetch = async (input, init) => {
      if (String(input).includes('_bulk_get') && ++bulkGets === 3) {
        server.cut();
        try {
          return await fetch(input, init);
        } finally {
          await server.restore();
        }
      }
      return fetch(input, init);
    };
    b.couch = new CouchClient(b.couch.target, fetchWithCut);
    await expect(syncRound(b)).rejects.toThrow(/cannot reach|fetch failed|socket/i);
    const status = await readStatus(b.db.transaction('syncState').store);
    expect(status.lastError?.message).toMatch(/unreachable/);
    expect((await b.db.getAll('clips')).length).toBe(10);

    // count what the next round asks for: only what the first did not finish
    const requested: string[] = [];
    b.couch = new CouchClient(b.couch.target, async (input, init) => {
      if (String(input).includes('_bulk_get')) {
        for (const doc of (JSON.parse(String(init?.body)) as { docs: Array<{ id: string }> }).docs)
          requested.push(doc.id);
      }
      return fetch(input, init);
    });
    await syncRound(b);
    expect(requested).toHaveLength(20);
    expect(await allClips(b.db)).toEqual(await allClips(a.db));
    const status2 = await readStatus(b.db.transaction('syncState').store);
    expect(status2.lastError).toBeNull();
  }, 60_000);

  it('a database recreated on the server: everything is pushed again', async () => {
    const a = await device('a');
    await clip(a.db, 8);
    await clip(a.db, 9);
    await syncRound(a);
    await couchRequest(server, 'DELETE', `/${database}`);
    await couchRequest(server, 'PUT', `/${database}`);
    expect(await syncRound(a)).toMatchObject({ pushed: 2 });
    const b = await device('b');
    await syncRound(b);
    expect(await allClips(b.db)).toEqual(await allClips(a.db));
  });

  it('a wrong database name is an error in the status, not a crash', async () => {
    const a = await device('a');
    a.couch = new CouchClient({ ...a.couch.target, database: 'no-such-db' });
    await clip(a.db, 10);
    await expect(syncRound(a)).rejects.toThrow();
    const status = await readStatus(a.db.transaction('syncState').store);
    expect(status.lastError?.message).toMatch(/not-found/);
    expect(await pendingCount(a.db)).toBe(1);
  });
});

describe('the sync service, live while a page lists clips', () => {
  /** The worker's sync service over an archive, with settings in a stand-in for storage.local. */
  function worker(db: JianbaoDatabase, onPulled?: () => void) {
    const settings: SyncSettings = {
      enabled: true,
      serverUrl: server.url,
      database,
      username: server.username,
      password: server.password,
      deviceName: '',
    };
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

  it('a clip another device pushes after the first round arrives by the live feed, and the pages are told', async () => {
    const aDb = await openArchive(new IDBFactory());
    const bDb = await openArchive(new IDBFactory());
    const a = worker(aDb);
    let told = 0;
    const b = worker(bDb, () => told++);
    await a.syncNow();
    await b.syncNow();
    expect(told).toBe(0);

    b.liveOpened();
    // B's own round (the one the port opened) is over: B waits on the feed
    await expect.poll(async () => (await b.status()).running, { timeout: 10_000 }).toBe(false);
    const id = await clip(aDb, 20, '长白山冰雪季开幕。');
    await a.localChange([id]);

    await expect.poll(() => search(bDb, '冰雪季'), { timeout: 15_000, interval: 100 }).toEqual([id]);
    await expect.poll(() => told, { timeout: 5_000 }).toBe(1);
    b.liveClosed();
  }, 60_000);
});
