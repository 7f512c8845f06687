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
let memo: { doc: Document; generator?: string; assets?: string[]; anyElement?: boolean } | null = null;

/** Every selector registered by elementFingerprint, the element fingerprints of all CMS rules. */
const fingerprints = new Set<string>();

/**
 * Registers `selectors` as an element fingerprint (call it where the rule is defined) and returns
 * it for hasElement: while matching, one query for all of them answers every detector on a page that
 * has none, instead of a scan of the whole document per detector.
 */
export function elementFingerprint(selectors: string): string {
  fingerprints.add(selectors);
  return selectors;
}

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

function anyFingerprint(doc: Document): boolean {
  try {
    return doc.querySelector([...fingerprints].join(', ')) !== null;
  } catch {
    // one selector this engine cannot parse fails the whole list: ask each detector's own then
    return true;
  }
}

/** Whether any of `selectors` matches (one querySelector call, none when no fingerprint matches). */
export function hasElement(doc: Document, selectors: string): boolean {
  if (memo?.doc === doc && fingerprints.has(selectors)) {
    memo.anyElement ??= anyFingerprint(doc);
    if (!memo.anyElement) return false;
  }
  return doc.querySelector(selectors) !== null;
}
