/**
 * Sync between two Chromium profiles (A and B) of the production build through a CouchDB-protocol
 * server the test starts (pouchdb-server in memory, or Apache CouchDB via JIANBAO_COUCHDB_URL),
 * behind a relay that can cut the connection. The build is a copy whose optional host permissions
 * are granted at install (no automation can answer the permission prompt; see browser-testing.md).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest, startCouchServer, uniqueDatabase, type CouchServer } from '../support/couch-server';
import {
  attachToActionPopup,
  buildWithHostAccess,
  clickToolbarButton,
  launch,
  serve,
  waitFor,
  type Browser,
  type FixtureServer,
} from './harness';

const genericPage = fs.readFileSync('tests/fixtures/pages/generic-news.html', 'utf8');
const SLOW = 90_000;

interface Profile {
  browser: Browser;
  /** the archive page (manage.html): it keeps sync live */
  page: Page;
  name: string;
}

/** Sends a protocol message from an extension page, as the UI does; returns the worker's reply value. */
async function ask<T = unknown>(profile: Profile, type: string, payload: unknown): Promise<T> {
  const reply = await profile.page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
  const typed = reply as { ok: boolean; value?: T; error?: string };
  if (!typed.ok) throw new Error(`${type}: ${typed.error}`);
  return typed.value as T;
}

async function searchIds(profile: Profile, query: string): Promise<string[]> {
  const result = await ask<{ hits: Array<{ id: string }> }>(profile, 'archive/search', {
    query,
    filters: {},
    offset: 0,
    limit: 50,
  });
  return result.hits.map((hit) => hit.id);
}

const getClip = (profile: Profile, id: string) =>
  ask<Record<string, unknown> | null>(profile, 'clips/get', { id });

interface Status {
  enabled: boolean;
  running: boolean;
  lastSyncedAt: string | null;
  lastError: { message: string } | null;
  pending: number;
  skipped: Array<{ id: string; reason: string }>;
}

/** Sync settings through the real form: test (database missing → create), enable, save. */
async function configure(profile: Profile, server: CouchServer, database: string, create: boolean) {
  // the form lives on the settings page; the profile's own page (the archive page) stays open and live
  const page = await profile.browser.context.newPage();
  await page.goto(`chrome-extension://${profile.browser.extensionId}/options.html#sync`);
  const form = page.locator('form.sync-settings');
  await form.locator('input[name=serverUrl]').fill(server.url);
  await form.locator('input[name=database]').fill(database);
  await form.locator('input[name=username]').fill(server.username);
  await form.locator('input[name=password]').fill(server.password);
  await form.locator('input[name=deviceName]').fill(profile.name);
  await form.locator('button[name=test]').click();
  const check = form.locator('.sync-check');
  if (create) {
    await expect.poll(() => check.innerText(), { timeout: 20_000 }).toMatch(/database does not exist/);
    await form.locator('button[name=create]').click();
    await expect.poll(() => check.innerText(), { timeout: 20_000 }).toMatch(/Database created/);
  } else {
    await expect.poll(() => check.innerText(), { timeout: 20_000 }).toMatch(/Connected/);
  }
  await form.locator('input[name=enabled]').check();
  await form.locator('button[name=save]').click();
  await expect.poll(() => check.innerText(), { timeout: 20_000 }).toMatch(/Saved/);
  await page.close();
}

async function syncNow(profile: Profile): Promise<Status> {
  return ask<Status>(profile, 'sync/now', {});
}

describe('sync between two browser profiles through CouchDB replication', () => {
  let server: CouchServer;
  let pages: FixtureServer;
  let extensionDir: string;
  let a: Profile;
  let b: Profile;
  const database = uniqueDatabase();
  let clipId: string;

  beforeAll(async () => {
    server = await startCouchServer();
    pages = await serve({ '/news/2024/12/01/ski.html': genericPage });
    extensionDir = buildWithHostAccess();
    const open = async (name: string): Promise<Profile> => {
      const browser = await launch({ extensionDir });
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/manage.html`);
      return { browser, page, name };
    };
    a = await open('laptop-a');
    b = await open('desktop-b');
  }, SLOW);

  afterAll(async () => {
    await a?.browser.close();
    await b?.browser.close();
    await pages?.close();
    await server?.stop();
    if (extensionDir) fs.rmSync(extensionDir, { recursive: true, force: true });
  });

  it(
    'Test connection names what is wrong: unreachable, not CouchDB, plain http to another host',
    async () => {
      const report = (settings: Record<string, unknown>) =>
        ask<{ ok: boolean; problem?: string }>(a, 'sync/test', {
          settings: {
            enabled: false,
            database: 'x',
            username: '',
            password: '',
            deviceName: '',
            ...settings,
          },
          create: false,
        });
      expect(await report({ serverUrl: 'http://127.0.0.1:9' })).toMatchObject({
        ok: false,
        problem: 'unreachable',
      });
      expect(await report({ serverUrl: pages.base })).toMatchObject({ ok: false, problem: 'not-couchdb' });
      expect(await report({ serverUrl: 'http://couch.example.org' })).toMatchObject({
        ok: false,
        problem: 'insecure',
      });
      expect(await report({ serverUrl: server.url, database: 'missing-db' })).toMatchObject({
        ok: false,
        problem: 'database-missing',
      });
    },
    SLOW,
  );

  it(
    'both profiles set up sync from the settings form (A creates the database)',
    async () => {
      await configure(a, server, database, true);
      await configure(b, server, database, false);
      const status = await ask<Status>(a, 'sync/status', {});
      expect(status).toMatchObject({ enabled: true, lastError: null });
      expect(await ask(a, 'sync/settings', {})).toMatchObject({ serverUrl: server.url, database });
    },
    SLOW,
  );

  it(
    'a clip made on A appears in the search B’s open popup shows, with no action on B',
    async () => {
      // B's popup is open first, its search typed (the port it holds keeps sync live): the clip
      // must arrive and the list must draw it by itself
      const popupB = await b.browser.context.newPage();
      await popupB.goto(`chrome-extension://${b.browser.extensionId}/popup.html`);
      await popupB.getByTestId('search-box').fill('冰雪季');
      await expect.poll(() => popupB.getByTestId('result-count').count(), { timeout: 10_000 }).toBe(1);
      expect(await popupB.locator('[data-testid=clip-list] li').count()).toBe(0);

      const url = `${pages.base}/news/2024/12/01/ski.html`;
      const tab = await a.browser.context.newPage();
      await tab.goto(url);
      await tab.bringToFront();
      await clickToolbarButton(a.browser, url);
      const popup = await attachToActionPopup(a.browser);
      await waitFor(
        () =>
          popup.evaluate<string | null>(
            `document.querySelector('[data-testid=clip-status][data-status=saved]') ? 'ok' : null`,
          ),
        20_000,
        'the clip on A',
      );
      await popup.close();
      clipId = (await searchIds(a, '冰雪季'))[0]!;
      expect(clipId).toBeTruthy();

      // well before the pull alarm (a minute): only the live feed brings it this soon
      await expect
        .poll(() => popupB.locator('[data-testid=clip-list] li .clip-title').allInnerTexts(), {
          timeout: 20_000,
          interval: 250,
        })
        .toEqual(['长白山冰雪季开幕 游客同比增长三成']);
      await popupB.close();
      expect(await getClip(b, clipId)).toMatchObject({ clippedBy: 'laptop-a' });
    },
    SLOW,
  );

  it(
    'a tag added on B reaches A',
    async () => {
      await ask(b, 'clip/edit', { id: clipId, tags: ['冬季旅游'], note: 'B 的笔记' });
      await syncNow(b);
      await expect
        .poll(async () => (await syncNow(a), (await getClip(a, clipId))?.tags), { timeout: 30_000 })
        .toEqual(['冬季旅游']);
      expect(await searchIds(a, '冬季旅游')).toEqual([clipId]);
    },
    SLOW,
  );

  it(
    'a delete on A is gone on B; undo on A brings it back on both',
    async () => {
      const deleted = await ask<Record<string, unknown>>(a, 'clip/delete', { id: clipId });
      await syncNow(a);
      await expect
        .poll(async () => (await syncNow(b), await getClip(b, clipId)), { timeout: 30_000 })
        .toBeNull();
      expect(await searchIds(b, '冰雪季')).toEqual([]);

      await ask(a, 'clip/restore', { clip: deleted });
      await syncNow(a);
      await expect
        .poll(async () => (await syncNow(b), await searchIds(b, '冰雪季')), { timeout: 30_000 })
        .toEqual([clipId]);
      expect(await getClip(b, clipId)).toEqual(await getClip(a, clipId));
    },
    SLOW,
  );

  it(
    'both edit the same clip offline: after reconnecting both hold the same merged record',
    async () => {
      await syncNow(a);
      await syncNow(b);
      server.cut();
      try {
        await ask(a, 'clip/edit', { id: clipId, tags: ['冬季旅游', 'A 标签'], note: 'A 的笔记' });
        await ask(b, 'clip/edit', { id: clipId, tags: ['冬季旅游', 'B 标签'], note: 'B 的新笔记' });
        const offline = await syncNow(a);
        expect(offline.lastError?.message).toMatch(/unreachable|timeout/);
        expect(offline.pending).toBe(1);
      } finally {
        await server.restore();
      }
      for (let round = 0; round < 2; round++) {
        await syncNow(a);
        await syncNow(b);
      }
      const onA = await getClip(a, clipId);
      const onB = await getClip(b, clipId);
      expect(onA).toEqual(onB);
      expect(new Set(onA!.tags as string[])).toEqual(new Set(['冬季旅游', 'A 标签', 'B 标签']));
      expect(onA!.note).toMatch(/A 的笔记/);
      expect(onA!.note).toMatch(/B 的新笔记/);
      const doc = await couchRequest<Record<string, unknown>>(
        server,
        'GET',
        `/${database}/${clipId}?conflicts=true`,
      );
      expect(doc._conflicts).toBeUndefined();
    },
    SLOW,
  );

  it('the server stopped mid-sync: the next sync resumes from its checkpoint, without duplicates', async () => {
    // B away from the pages that keep sync live, so that only the rounds asked for here pull
    await b.page.goto(`chrome-extension://${b.browser.extensionId}/reader.html`);
    // and sync switched off on B meanwhile (no alarm round either)
    const settingsB = await ask<Record<string, unknown>>(b, 'sync/settings', {});
    await ask(b, 'sync/configure', { settings: { ...settingsB, enabled: false } });
    await expect
      .poll(async () => (await ask<Status>(b, 'sync/status', {})).running, { timeout: 30_000 })
      .toBe(false);
    const bulkGetsBefore = server.requests.filter((r) => r.path.includes('_bulk_get')).length;
    // 450 clips on A, through the worker's own write path (clip/restore validates and indexes)
    const base = (await getClip(a, clipId))!;
    for (let n = 0; n < 450; n += 50) {
      await a.page.evaluate(
        async ([template, from]) => {
          for (let i = from; i < from + 50; i++) {
            const url = `https://news.example.cn/bulk/${i}.html`;
            const clip = {
              ...template,
              id: `bulk-${String(i).padStart(4, '0')}`,
              url,
              canonicalUrl: url,
              title: `批量第${i}篇`,
              tags: [],
              note: null,
              versions: [],
            };
            await chrome.runtime.sendMessage({ type: 'clip/restore', payload: { clip } });
          }
        },
        [base, n] as const,
      );
    }
    await syncNow(a);
    expect((await syncNow(a)).pending).toBe(0);

    // B pulls 200 documents per batch: the server goes away after the first batch's _bulk_get
    server.cutAfter(/_bulk_get/, 1);
    // switching sync back on starts the round; "sync now" waits for it
    await ask(b, 'sync/configure', { settings: { ...settingsB, enabled: true } });
    const cut = await syncNow(b);
    expect(cut.lastError?.message).toMatch(/unreachable|timeout/);
    const partial = (await ask<{ total: number }>(b, 'clips/list', { offset: 0, limit: 1 })).total;
    expect(partial).toBeGreaterThan(1);
    expect(partial).toBeLessThan(451);
    await server.restore();

    const status = await syncNow(b);
    expect(status.lastError).toBeNull();
    expect((await ask<{ total: number }>(b, 'clips/list', { offset: 0, limit: 1 })).total).toBe(451);
    // every clip was fetched once: only what the first attempt had not stored was fetched again
    const fetched = server.requests
      .filter((r) => r.path.includes('_bulk_get'))
      .slice(bulkGetsBefore)
      .flatMap((r) => (JSON.parse(r.body) as { docs: Array<{ id: string }> }).docs.map((d) => d.id));
    const bulk = fetched.filter((id) => id.startsWith('bulk-'));
    expect(new Set(bulk).size).toBe(450);
    expect(bulk.length).toBe(450);
    expect(await searchIds(b, '批量第449篇')).toEqual(['bulk-0449']);
    await b.page.goto(`chrome-extension://${b.browser.extensionId}/manage.html`);
  }, 180_000);

  it(
    'hostile documents written straight into the server are skipped and reported; nothing executes',
    async () => {
      const template = (await getClip(a, clipId))!;
      const { id: _id, ...fields } = template;
      void _id;
      const url = (n: number) => `https://evil.example.com/${n}.html`;
      await couchRequest(server, 'POST', `/${database}/_bulk_docs`, {
        docs: [
          {
            ...fields,
            _id: 'hostile-script',
            title: '恶意脚本页',
            url: url(1),
            canonicalUrl: url(1),
            contentHtml:
              '<p>正文</p><script>window.top.pwned = 1</script><img src="x" onerror="window.top.pwned = 2"><a href="javascript:window.top.pwned=3">链接</a>',
          },
          {
            ...fields,
            _id: 'hostile-huge',
            url: url(2),
            canonicalUrl: url(2),
            textContent: '长'.repeat(50 * 1024 * 1024),
          },
          {
            ...fields,
            _id: 'hostile-types',
            url: url(3),
            canonicalUrl: url(3),
            title: { $gt: '' },
            tags: 'x',
          },
        ],
      });
      const status = await syncNow(b);
      expect(status.skipped.map((s) => s.id).sort()).toEqual(
        expect.arrayContaining(['hostile-huge', 'hostile-types']),
      );
      expect(status.skipped.find((s) => s.id === 'hostile-huge')!.reason).toMatch(/MB cap/);
      expect(status.skipped.find((s) => s.id === 'hostile-types')!.reason).toMatch(/not a clip/);
      expect(await getClip(b, 'hostile-huge')).toBeNull();
      expect(await getClip(b, 'hostile-types')).toBeNull();
      const stored = (await getClip(b, 'hostile-script'))!;
      expect(stored.contentHtml).not.toMatch(/script|onerror|javascript:/);

      // the settings page lists what was refused; the reader shows the sanitized clip, and nothing ran
      const settings = await b.browser.context.newPage();
      await settings.goto(`chrome-extension://${b.browser.extensionId}/options.html#sync`);
      await expect
        .poll(() => settings.locator('.sync-skipped summary').innerText(), { timeout: 20_000 })
        .toMatch(/refused/);
      expect(await settings.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      await settings.close();
      const reader = await b.browser.context.newPage();
      await reader.goto(`chrome-extension://${b.browser.extensionId}/reader.html?id=hostile-script`);
      await expect.poll(() => reader.locator('body').innerText(), { timeout: 20_000 }).toMatch(/正文/);
      expect(await reader.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      await reader.close();
      expect(await b.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    },
    SLOW,
  );
});
