/**
 * The worker's sync message handlers, and the hook that turns local writes into pushes.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../archive/message-router';
import type { ClipOutcome } from '../protocol/messages';
import { testConnection } from './connection-test';
import { checkSettings, originPattern } from './settings';
import type { SyncService } from './sync-service';

type SyncMessage = 'sync/status' | 'sync/now' | 'sync/settings' | 'sync/configure' | 'sync/test';

export function syncHandlers(sync: SyncService): Pick<Handlers, SyncMessage> {
  return {
    'sync/status': () => sync.status(),
    'sync/now': async () => {
      await sync.syncNow();
      return sync.status();
    },
    'sync/settings': () => sync.settings(),
    'sync/configure': async ({ settings }) => {
      const checked = checkSettings(settings);
      if (settings.enabled && !checked.ok) throw new Error(`sync settings refused: ${checked.problem}`);
      return sync.configure({ ...settings, serverUrl: settings.serverUrl.trim() });
    },
    'sync/test': ({ settings, create }) =>
      testConnection(
        settings,
        { hasPermission: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }) },
        { create },
      ),
  };
}

/** The write handlers, each followed by sync's revision and push for what it changed. */
export function withSyncAfterWrites(handlers: Handlers, changed: (ids: string[] | null) => void): Handlers {
  const wrapped: Handlers = { ...handlers };
  const clipped = (outcome: ClipOutcome) => {
    if (outcome.status === 'saved' || outcome.status === 'updated') changed([outcome.clip.id]);
    return outcome;
  };
  wrapped['clip/tab'] = async (payload) => clipped(await handlers['clip/tab'](payload));
  wrapped['clip/edit'] = async (payload) => {
    const result = await handlers['clip/edit'](payload);
    if (result) changed([payload.id]);
    return result;
  };
  wrapped['clip/delete'] = async (payload) => {
    const result = await handlers['clip/delete'](payload);
    if (result) changed([payload.id]);
    return result;
  };
  wrapped['clip/restore'] = async (payload) => {
    const result = await handlers['clip/restore'](payload);
    if (result.restored) changed([result.clip.id]);
    return result;
  };
  wrapped['archive/import-commit'] = async (payload) => {
    const result = await handlers['archive/import-commit'](payload);
    changed(null);
    return result;
  };
  return wrapped;
}
