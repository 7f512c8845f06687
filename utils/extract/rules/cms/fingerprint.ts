/**
 * Cheap checks the CMS detectors share. A detector runs on every page without a site rule, so it
 * reads a few selectors and a bounded number of asset URLs, never the whole document's text.
 */

/** How many script/stylesheet/image URLs a detector looks at (asset paths sit in the head and top). */
const ASSET_LIMIT = 80;

/** The page's `<meta name="generator">` values, joined (`WordPress 6.4`, `Discuz! X3.4`). */
export function generator(doc: Document): string {
  return [...doc.querySelectorAll('meta[name="generator" i]')]
    .map((m) => m.getAttribute('content') ?? '')
    .join(' ');
}

/** Whether one of the page's first script, stylesheet or image URLs matches `pattern`. */
export function hasAssetPath(doc: Document, pattern: RegExp): boolean {
  const assets = doc.querySelectorAll('script[src], link[href], img[src]');
  const count = Math.min(assets.length, ASSET_LIMIT);
  for (let i = 0; i < count; i++) {
    const el = assets[i]!;
    if (pattern.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '')) return true;
  }
  return false;
}

/** Whether any of `selectors` matches (one querySelector call). */
export function hasElement(doc: Document, selectors: string): boolean {
  return doc.querySelector(selectors) !== null;
}
