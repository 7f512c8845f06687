import type { ExtractError } from '../model/article';

const WEB_STORE_HOSTS = [
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];

/**
 * Pages where the browser forbids script injection or where there is no article to clip.
 * Returns why, or null when the URL may be clipped.
 */
export function restrictedReason(rawUrl: string | undefined): ExtractError | null {
  if (!rawUrl)
    return { code: 'restricted-page', detail: 'the tab has no URL (permission missing or tab closed)' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { code: 'restricted-page', detail: `not a URL: ${rawUrl.slice(0, 100)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { code: 'restricted-page', detail: `${url.protocol} pages cannot be clipped` };
  }
  if (WEB_STORE_HOSTS.includes(url.hostname) && /webstore|detail|addon/.test(url.pathname + url.hostname)) {
    return { code: 'restricted-page', detail: 'the browser forbids extensions on its web store' };
  }
  if (/\.pdf$/i.test(url.pathname)) {
    return { code: 'not-html', detail: 'PDF documents are not web pages' };
  }
  return null;
}
