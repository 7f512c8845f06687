/**
 * Cheap checks the CMS detectors share. A detector runs on every page without a site rule, so it
 * reads a few selectors and a bounded number of asset URLs, never the whole document's text.
 */

/** How many script/stylesheet/image URLs a detector looks at (asset paths sit in the head and top). */
const ASSET_LIMIT = 80;

/**
 * What the detectors read of the page being matched, read once for all of them: every detector
 * asking again was a selector scan of the whole document each (cmsRuleFor sets it for one match).
 */
let memo: { doc: Document; generator?: string; assets?: string[] } | null = null;

/** Runs `match` with the page's generator and asset URLs read at most once. */
export function withFingerprintMemo<T>(doc: Document, match: () => T): T {
  const outer = memo;
  memo = { doc };
  try {
    return match();
  } finally {
    memo = outer;
  }
}

/** The page's `<meta name="generator">` values, joined (`WordPress 6.4`, `Discuz! X3.4`). */
export function generator(doc: Document): string {
  if (memo?.doc === doc && memo.generator !== undefined) return memo.generator;
  const value = [...doc.querySelectorAll('meta[name="generator" i]')]
    .map((m) => m.getAttribute('content') ?? '')
    .join(' ');
  if (memo?.doc === doc) memo.generator = value;
  return value;
}

/** The page's first script, stylesheet and image URLs, in document order. */
function assetUrls(doc: Document): string[] {
  if (memo?.doc === doc && memo.assets) return memo.assets;
  const assets = doc.querySelectorAll('script[src], link[href], img[src]');
  const count = Math.min(assets.length, ASSET_LIMIT);
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const el = assets[i]!;
    urls.push(el.getAttribute('src') ?? el.getAttribute('href') ?? '');
  }
  if (memo?.doc === doc) memo.assets = urls;
  return urls;
}

/** Whether one of the page's first script, stylesheet or image URLs matches `pattern`. */
export function hasAssetPath(doc: Document, pattern: RegExp): boolean {
  return assetUrls(doc).some((url) => pattern.test(url));
}

/** Whether any of `selectors` matches (one querySelector call). */
export function hasElement(doc: Document, selectors: string): boolean {
  return doc.querySelector(selectors) !== null;
}
