import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clipTab } from '@/utils/archive/clip-service';
import {
  clearArchive,
  deleteClip,
  editClip,
  getClip,
  listClips,
  restoreClip,
  storeCounts,
} from '@/utils/archive/clip-store';
import { archiveIoHandlers } from '@/utils/archive-io/handlers';
import { PagePosts } from '@/utils/archive-io/worker-post';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { routeMessage, type Handlers } from '@/utils/archive/message-router';
import {
  SYNC_LIVE_PORT,
  SYNC_PULLED_NOTICE,
  type ClipMode,
  type ClipOutcome,
} from '@/utils/protocol/messages';
import { badgeFor } from '@/utils/archive/badge';
import { facets, neighbours, searchArchive, searchResultIds, warmUp } from '@/utils/archive/search';
import { createSyncService, SYNC_ALARM } from '@/utils/sync/sync-service';
import { syncHandlers, withSyncAfterWrites } from '@/utils/sync/sync-handlers';
import { workerSanitizer } from '@/utils/sync/worker-sanitizer';
import { captureHandlers } from '@/utils/archive/capture-handlers';

export default defineBackground(() => {
  // read by the popup-open benchmark: a popup opened on a stopped worker waits for its start
  performance.mark('jianbao:worker-start');
  let database: Promise<JianbaoDatabase> | undefined;
  const db = () =>
    (database ??= openArchive().then((opened) => {
      performance.mark('jianbao:database-open');
      // finish any segmenting a previous worker was stopped in the middle of (or an upgrade left)
      void opened.searchIndex.compact().catch((error) => console.warn('index compaction failed', error));
      // read the search's list of clips soon, so that the first search does not wait for it (but
      // after the popup's first list, which should not wait for this either)
      setTimeout(
        () => void warmUp(opened).catch((error) => console.warn('search warm-up failed', error)),
        400,
      );
      return opened;
    }));

  async function activeTab(tabId?: number): Promise<Browser.tabs.Tab | undefined> {
    if (tabId !== undefined) return browser.tabs.get(tabId);
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab;
  }

  // the pages that list clips, each holding a live port open
  const livePorts = new Set<Browser.runtime.Port>();
  const sync = createSyncService({
    db,
    sanitize: workerSanitizer(),
    storage: browser.storage.local,
    alarms: browser.alarms,
    onPulled: () => livePorts.forEach((port) => port.postMessage(SYNC_PULLED_NOTICE)),
  });
  const syncChanged = (ids: string[] | null) =>
    void sync.localChange(ids).catch((error) => console.warn('sync: local change not recorded', error));

  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // an import's records and index blocks, posted by the archive page to a service worker (Chromium;
  // Firefox's background page is a window, and its pages send everything as runtime messages)
  const posts = 'ServiceWorkerGlobalScope' in globalThis ? new PagePosts(self) : null;

  const handlers: Handlers = {
    'clip/tab': async ({ tabId, mode, update }) => {
      const tab = await activeTab(tabId);
      if (!tab) return { status: 'failed', error: { code: 'restricted-page', detail: 'no active tab' } };
      return clipTab(await db(), tab, mode, update);
    },
    'clips/list': async ({ offset, limit }) => listClips(await db(), offset, limit),
    'clips/get': async ({ id }) => (await getClip(await db(), id)) ?? null,
    'archive/search': async (request) => searchArchive(await db(), request),
    'archive/search-ids': async (search) => searchResultIds(await db(), search),
    'archive/facets': async (request) => facets(await db(), request),
    'archive/neighbours': async ({ id, query, filters, sort }) =>
      neighbours(await db(), id, query, filters, sort),
    'clip/edit': async ({ id, tags, note }) => editClip(await db(), id, { tags, note }),
    'clip/delete': async ({ id }) => deleteClip(await db(), id),
    'clip/restore': async ({ clip }) => restoreClip(await db(), clip),
    'archive/clear': async () => clearArchive(await db()).then(() => null),
    'archive/store-counts': async () => storeCounts(await db()),
    ...archiveIoHandlers(db),
    'archive/posted': async ({ postId }) => {
      if (!posts) throw new Error('nothing is posted to a background page');
      return posts.answer(postId, routed);
    },
    ...syncHandlers(sync),
    ...captureHandlers(db),
  };
  // every write is followed by its sync revision and a push
  const routed = withSyncAfterWrites(handlers, syncChanged);

  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, routed, self));

  /** Clips without the popup and reports on the toolbar badge of that tab. */
  async function clipAndBadge(
    tab: Browser.tabs.Tab | undefined,
    mode: ClipMode,
  ): Promise<ClipOutcome | undefined> {
    if (!tab?.id) return undefined;
    const outcome = await clipTab(await db(), tab, mode, true);
    if (outcome.status === 'saved' || outcome.status === 'updated') syncChanged([outcome.clip.id]);
    const badge = badgeFor(outcome);
    // Firefox builds are MV2, where the toolbar button is browserAction.
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeBackgroundColor({ tabId: tab.id, color: badge.color });
    await action.setBadgeText({ tabId: tab.id, text: badge.text });
    await action.setTitle({ tabId: tab.id, title: badge.title });
    return outcome;
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: 'clip-page',
      title: browser.i18n.getMessage('menuClipPage'),
      contexts: ['page'],
    });
    browser.contextMenus.create({
      id: 'clip-selection',
      title: browser.i18n.getMessage('menuClipSelection'),
      contexts: ['selection'],
    });
    browser.contextMenus.create({
      id: 'open-library',
      title: browser.i18n.getMessage('ui_menu_open_library'),
      // MV3 names the toolbar button's own menu 'action', MV2 'browser_action'
      contexts: [browser.action ? 'action' : 'browser_action', 'page'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'open-library') {
      void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
      return;
    }
    void clipAndBadge(tab, info.menuItemId === 'clip-selection' ? 'selection' : 'page');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'clip-page') void activeTab(tab?.id).then((t) => clipAndBadge(t, 'page'));
  });

  // Sync: a pull on the alarm; live while a popup or library page holds a port open.
  void sync.schedule();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.syncNow();
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SYNC_LIVE_PORT || port.sender?.id !== browser.runtime.id) return;
    livePorts.add(port);
    sync.liveOpened();
    port.onDisconnect.addListener(() => {
      livePorts.delete(port);
      sync.liveClosed();
    });
  });

  // Exposed for the e2e suite, which cannot press extension shortcuts or click context menus headless.
  (globalThis as { jianbaoClipAndBadge?: typeof clipAndBadge }).jianbaoClipAndBadge = clipAndBadge;
});
