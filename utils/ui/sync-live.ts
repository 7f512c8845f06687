/**
 * While a page that lists clips is open, the worker follows the sync server's changes live. The
 * open port tells it so; the ping keeps Chromium from stopping an idle worker meanwhile.
 */
import { browser } from 'wxt/browser';
import { SYNC_LIVE_PORT } from '../protocol/messages';
const PING_MS = 20_000;

export function keepSyncLive(): void {
  const port = browser.runtime.connect({ name: SYNC_LIVE_PORT });
  const timer = setInterval(() => port.postMessage('ping'), PING_MS);
  port.onDisconnect.addListener(() => clearInterval(timer));
}
