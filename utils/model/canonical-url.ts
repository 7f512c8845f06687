/**
 * A clip's identity is its canonical URL. Pages declare one (<link rel=canonical>, og:url) but a
 * hostile page could declare another site's URL to overwrite that clip, so a declared URL is only
 * believed when it stays on the same site: the same registrable domain under the Public Suffix List
 * (tldts), private suffixes included, so a.github.io and b.github.io are two sites.
 */
import { getDomain } from 'tldts';

const TRACKING_PARAMS = new Set([
  'spm',
  'from',
  'fromsource',
  'source',
  'share',
  'share_token',
  'sharer',
  'shareid',
  'share_from',
  'isappinstalled',
  'scene',
  'clicktime',
  'enterid',
  'wfr',
  'for',
  'f',
  'fbclid',
  'gclid',
  'yclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'igshid',
  'timestamp',
  'tt_from',
  'utm',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * The registrable domain of a hostname (eTLD+1 under the Public Suffix List, private suffixes such
 * as github.io and blogspot.com included); an IP address, or a name with no registrable part
 * (localhost, a bare suffix), is its own site.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Removes tracking parameters and the fragment, folds m./wap. hosts and _2-style page suffixes. */
export function normalizeUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  // forEach, not [...keys()]: in a Firefox content script `URL` is the page's (behind an Xray wrapper),
  // and its iterators are not iterable there ("searchParams.keys() is not iterable").
  const names: string[] = [];
  url.searchParams.forEach((_value, name) => names.push(name));
  for (const name of names) if (isTrackingParam(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  url.hostname = url.hostname.toLowerCase().replace(/^(m|wap|3g)\.(?=[^.]+\.[^.]+)/, 'www.');
  // Page 2..n of a paginated article belongs to the same article: content_123_2.htm, 2840720_3.html
  url.pathname = url.pathname.replace(/(\d)_\d{1,2}(\.s?html?)$/i, '$1$2');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443'))
    url.port = '';
  return url.toString();
}

/**
 * The canonical URL for a page at `pageUrl` that declares `declared` (or nothing).
 * A declared URL is used only when it is http(s) and on the same site as the page.
 */
export function canonicalUrlFor(
  pageUrl: string,
  declared: ReadonlyArray<string | null | undefined> = [],
): string {
  const page = new URL(pageUrl);
  for (const candidate of declared) {
    if (!candidate) continue;
    let url: URL;
    try {
      url = new URL(candidate.trim(), page);
    } catch {
      continue;
    }
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      siteOf(url.hostname) === siteOf(page.hostname)
    ) {
      return normalizeUrl(url.toString());
    }
  }
  return normalizeUrl(page.toString());
}
