/**
 * The worker's way to an article's images on other hosts (CDNs). It needs host access to them:
 * optional host permissions, asked for once from the "Keep images offline" switch. Many Chinese
 * portals' image servers refuse a request without their page's Referer (hotlink protection), and a
 * worker's fetch cannot set one, so a declarativeNetRequest session rule sets it — only on requests
 * the extension itself makes (no tab, initiated by this extension), to those hosts, while the clip
 * fetches them; never on the user's browsing.
 */
import { browser } from 'wxt/browser';
import type { Fetched, ImageSources } from './assets';

/** storage.local key of the "Keep images offline" switch (absent: on, once host access is granted). */
export const KEEP_IMAGES_KEY = 'fidelity.keepImages';
/** What the switch asks for: any http(s) host, because an article's image host cannot be known ahead. */
export const IMAGE_HOST_ORIGINS = ['*://*/*'];

export async function keepImagesEnabled(): Promise<boolean> {
  const stored = await browser.storage.local.get(KEEP_IMAGES_KEY);
  return stored[KEEP_IMAGES_KEY] !== false;
}

async function hostAllowed(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return false;
  }
}

/** Reads a response body, giving up past `maxBytes`. */
async function boundedBytes(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

let nextRuleId = 1 + Math.floor(Math.random() * 1_000_000);

/**
 * Runs `work` with a session rule that sends `referrer` on the extension's own requests to `hosts`.
 * Each clip has its own rule id (ten tabs clipped at once do not share one), removed afterwards.
 */
export async function withReferer<T>(referrer: string, hosts: string[], work: () => Promise<T>): Promise<T> {
  const dnr = browser.declarativeNetRequest;
  if (!dnr || hosts.length === 0) return work();
  const id = nextRuleId++;
  try {
    await dnr.updateSessionRules({
      addRules: [
        {
          id,
          priority: 1,
          action: {
            type: 'modifyHeaders',
            requestHeaders: [{ header: 'referer', operation: 'set', value: referrer }],
          },
          condition: {
            requestDomains: hosts,
            initiatorDomains: [browser.runtime.id],
            tabIds: [-1],
            resourceTypes: ['xmlhttprequest', 'other', 'image'],
          },
        },
      ] as never,
    });
  } catch (error) {
    console.warn('could not set the Referer rule', error);
    return work();
  }
  try {
    return await work();
  } finally {
    await dnr.updateSessionRules({ removeRuleIds: [id] }).catch(() => undefined);
  }
}

export const browserImageSources: ImageSources = {
  async fetch(url, _referrer, maxBytes, timeoutMs): Promise<Fetched> {
    if (!(await hostAllowed(url))) return { ok: false, reason: 'no-permission' };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.min(timeoutMs, 15_000));
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        signal: controller.signal,
        cache: 'force-cache',
      });
      if (!response.ok) return { ok: false, reason: 'failed' };
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes)
        return { ok: false, reason: 'too-large' };
      const bytes = await boundedBytes(response, maxBytes);
      if (!bytes) return { ok: false, reason: 'too-large' };
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      return { ok: true, type, bytes };
    } catch {
      return { ok: false, reason: 'failed' };
    } finally {
      clearTimeout(timer);
    }
  },
  async dimensions(blob) {
    try {
      const bitmap = await createImageBitmap(blob);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    } catch {
      return null;
    }
  },
};
