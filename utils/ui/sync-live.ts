/**
 * While a page that lists clips is open, the worker follows the sync server's changes live. The
 * open port tells it so; the ping keeps Chromium from stopping an idle worker meanwhile. The worker
 * posts on the port when a pull wrote clips, so that the page lists them without being asked.
 */
import { browser } from 'wxt/browser';
import { SYNC_LIVE_PORT, SYNC_PULLED_NOTICE } from '../protocol/messages';
const PING_MS = 20_000;

const pulled = new EventTarget();

export function keepSyncLive(): void {
  const port = browser.runtime.connect({ name: SYNC_LIVE_PORT });
  const timer = setInterval(() => port.postMessage('ping'), PING_MS);
  port.onMessage.addListener((message) => {
    if (message === SYNC_PULLED_NOTICE) pulled.dispatchEvent(new Event(SYNC_PULLED_NOTICE));
  });
  port.onDisconnect.addListener(() => clearInterval(timer));
}

/** Calls `listener` each time sync wrote clips from the server; returns the unsubscribe. */
export function onSyncPulled(listener: () => void): () => void {
  pulled.addEventListener(SYNC_PULLED_NOTICE, listener);
  return () => pulled.removeEventListener(SYNC_PULLED_NOTICE, listener);
}
