/**
 * DOMPurify for the worker. Firefox's background page has a DOM and sanitizes in place; Chromium's
 * service worker has none and asks an offscreen document (entrypoints/sanitizer) instead.
 */
import { browser } from 'wxt/browser';
import type { OffscreenSanitizeReply } from '../protocol/messages';
import type { SanitizeHtml } from './documents';

const OFFSCREEN_PATH = '/sanitizer.html';
/** Characters per message to the offscreen document (runtime messages are JSON, capped at 64 MiB). */
const MESSAGE_CHARS = 8_000_000;

export function workerSanitizer(): SanitizeHtml {
  // a build-time constant, so that Chromium's worker bundle leaves DOMPurify out
  if (import.meta.env.FIREFOX) {
    return async (html) => {
      const { sanitizeHtml } = await import('../model/sanitize');
      return html.map((one) => sanitizeHtml(one, window));
    };
  }
  let ready: Promise<void> | null = null;
  const ensureDocument = () =>
    (ready ??= (async () => {
      const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (existing.length > 0) return;
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER'],
        justification: 'DOMPurify needs a DOM to sanitize clips that arrive by sync',
      });
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    }));
  return async (html) => {
    const out: string[] = [];
    let start = 0;
    while (start < html.length) {
      let end = start;
      let chars = 0;
      while (end < html.length && (end === start || chars + html[end]!.length < MESSAGE_CHARS))
        chars += html[end++]!.length;
      await ensureDocument();
      const reply = (await browser.runtime.sendMessage({
        type: 'offscreen/sanitize',
        html: html.slice(start, end),
      })) as OffscreenSanitizeReply | undefined;
      if (!reply?.ok)
        throw new Error(`sanitizer: ${reply ? reply.error : 'no answer from the offscreen document'}`);
      out.push(...reply.html);
      start = end;
    }
    return out;
  };
}
