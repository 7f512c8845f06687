/**
 * Sync in the service worker: one round at a time; a push right after each local write; a pull on
 * an alarm (the MV3 worker sleeps between events) and a live long-poll of `_changes` while a popup
 * or library page holds a 'sync-live' port open. The state that must survive the worker lives in
 * IndexedDB (utils/sync/sync-types.ts) and the settings in storage.local.
 */
import type { JianbaoDatabase } from '../archive/db';
import { CouchClient } from './couch-client';
import type { SanitizeHtml } from './documents';
import { markLocalChanges, pendingCount, readStatus, syncRound, type Replica } from './replicator';
import {
  checkSettings,
  clippedByOf,
  EMPTY_SYNC_SETTINGS,
  SYNC_SETTINGS_KEY,
  SyncSettingsSchema,
  type SyncSettings,
} from './settings';
import type { SkippedDoc, SyncCheckpoint, SyncDevice } from './sync-types';
import * as v from 'valibot';

export const SYNC_ALARM = 'jianbao-sync';
/** Minutes between scheduled pulls (Chrome's alarms allow 0.5 and up). */
const PULL_EVERY_MINUTES = 1;
/** How long one live `_changes` request waits on the server for a change. */
const LIVE_POLL_MS = 25_000;
/** Local writes within this long go out in one push. */
const PUSH_DELAY_MS = 200;

export interface SyncStatus {
  /** a server and database are set and sync is switched on */
  enabled: boolean;
  running: boolean;
  lastSyncedAt: string | null;
  lastError: { message: string; at: string } | null;
  pending: number;
  skipped: SkippedDoc[];
  /** how clips made here are signed */
  clippedBy: string | null;
}

export interface SyncEnvironment {
  db: () => Promise<JianbaoDatabase>;
  sanitize: SanitizeHtml;
  storage: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  alarms?: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
    clear(name: string): unknown;
  };
  log?: (message: string) => void;
  /** after a pull wrote clips from the server: pages listing clips draw them again */
  onPulled?: () => void;
}

export function createSyncService(env: SyncEnvironment) {
  let current: Promise<void> | null = null;
  let queued: 'round' | 'push' | null = null;
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  let livePorts = 0;
  let liveAbort: AbortController | null = null;

  async function settings(): Promise<SyncSettings> {
    const stored = (await env.storage.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY];
    const parsed = v.safeParse(SyncSettingsSchema, stored);
    return parsed.success ? parsed.output : EMPTY_SYNC_SETTINGS;
  }

  async function deviceId(db: JianbaoDatabase): Promise<string> {
    const device = (await db.get('syncState', 'device')) as SyncDevice | undefined;
    if (device) return device.deviceId;
    const made: SyncDevice = { kind: 'device', deviceId: crypto.randomUUID() };
    await db.put('syncState', made, 'device');
    return made.deviceId;
  }

  /** The replica for the current settings, or null when sync is off or not set up. */
  async function replica(): Promise<Replica | null> {
    const config = await settings();
    if (!config.enabled || !checkSettings(config).ok) return null;
    const db = await env.db();
    const id = await deviceId(db);
    return {
      db,
      couch: new CouchClient({ ...config, serverUrl: config.serverUrl.trim() }),
      sanitize: env.sanitize,
      clippedBy: clippedByOf(config, id),
      deviceId: id,
      log: env.log,
    };
  }

  /** Runs a round (or a push) now, or after the one running; resolves when the work asked for is done. */
  function run(kind: 'round' | 'push'): Promise<void> {
    if (current) {
      queued = queued === 'round' || kind === 'round' ? 'round' : 'push';
      // the running loop picks up what was queued before it ends
      return current;
    }
    current = (async () => {
      let next: 'round' | 'push' | null = kind;
      while (next) {
        queued = null;
        const target = await replica();
        if (!target) break;
        try {
          const result = await syncRound(target, { pushOnly: next === 'push' });
          if (result.pulled > 0) env.onPulled?.();
        } catch (error) {
          (env.log ?? console.warn)(`sync ${next} failed: ${String((error as Error)?.message ?? error)}`);
        }
        next = queued;
      }
    })().finally(() => {
      current = null;
    });
    return current;
  }

  return {
    settings,

    /** After the user saved settings: the alarm follows `enabled`, and a first round starts. */
    async configure(next: SyncSettings): Promise<SyncStatus> {
      await env.storage.set({ [SYNC_SETTINGS_KEY]: next });
      await this.schedule();
      if (next.enabled) void run('round');
      return this.status();
    },

    /** Sets or clears the pull alarm to match the settings (call when the worker starts). */
    async schedule(): Promise<void> {
      const config = await settings();
      if (!env.alarms) return;
      if (config.enabled && checkSettings(config).ok) {
        await env.alarms.create(SYNC_ALARM, {
          periodInMinutes: PULL_EVERY_MINUTES,
          delayInMinutes: PULL_EVERY_MINUTES,
        });
      } else await env.alarms.clear(SYNC_ALARM);
    },

    /** A full round now (the alarm, "Sync now", a live change). */
    syncNow: () => run('round'),

    /**
     * After the archive changed here: revisions for the changed clips, then a push shortly after.
     * `ids` null: look at every clip (an import may have added and merged many).
     */
    async localChange(ids: readonly string[] | null): Promise<void> {
      const target = await replica();
      if (!target) return;
      await markLocalChanges(target.db, ids, target.clippedBy, { rehash: ids === null });
      clearTimeout(pushTimer);
      pushTimer = setTimeout(() => void run('push'), PUSH_DELAY_MS);
    },

    async status(): Promise<SyncStatus> {
      const config = await settings();
      const enabled = config.enabled && checkSettings(config).ok;
      const db = await env.db();
      const [record, pending] = await Promise.all([
        readStatus(db.transaction('syncState').store),
        pendingCount(db),
      ]);
      return {
        enabled,
        running: current !== null,
        lastSyncedAt: record.lastSyncedAt,
        lastError: record.lastError,
        pending,
        skipped: record.skipped,
        clippedBy: enabled ? clippedByOf(config, await deviceId(db)) : null,
      };
    },

    /** A page opened a live port: sync now, then follow the server's changes until every page closed. */
    liveOpened(): void {
      livePorts++;
      void run('round');
      if (!liveAbort) void followChanges();
    },

    liveClosed(): void {
      livePorts = Math.max(0, livePorts - 1);
      if (livePorts === 0) liveAbort?.abort();
    },
  };

  async function followChanges(): Promise<void> {
    const abort = (liveAbort = new AbortController());
    try {
      while (livePorts > 0 && !abort.signal.aborted) {
        const target = await replica();
        if (!target) return;
        try {
          // from where the last round ended: a round running now (the one the port opened) may pull
          // up to a newer checkpoint, and a change that lands between its pull and this request
          // would otherwise wait for the next poll (or, before any checkpoint, be missed: 'now')
          if (current) await current;
          const checkpoint = (await target.db.get('syncState', 'checkpoint')) as SyncCheckpoint | undefined;
          const since = checkpoint?.since ?? 'now';
          const changes = await target.couch.changes(since, 1, {
            timeoutMs: LIVE_POLL_MS,
            signal: abort.signal,
          });
          if (changes.results.length > 0) await run('round');
        } catch (error) {
          if (abort.signal.aborted) return;
          (env.log ?? console.warn)(
            `sync: live changes failed: ${String((error as Error)?.message ?? error)}`,
          );
          await new Promise((resolve) => setTimeout(resolve, 5_000));
        }
      }
    } finally {
      if (liveAbort === abort) liveAbort = null;
    }
  }
}

export type SyncService = ReturnType<typeof createSyncService>;
