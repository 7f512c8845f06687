/**
 * Chromium's offscreen document for the service worker: DOMPurify needs a DOM, the worker has none.
 * Sanitizes the HTML of clips that arrive by sync before the worker stores them.
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { OffscreenSanitizeSchema, type OffscreenSanitizeReply } from '@/utils/protocol/messages';

browser.runtime.onMessage.addListener((message, sender) => {
  const parsed = v.safeParse(OffscreenSanitizeSchema, message);
  // only the worker asks (no tab, this extension); everything else is some other page's business
  if (!parsed.success || sender.id !== browser.runtime.id || sender.tab) return undefined;
  const reply: OffscreenSanitizeReply = {
    ok: true,
    html: parsed.output.html.map((html) => sanitizeHtml(html, window)),
  };
  return Promise.resolve(reply);
});
