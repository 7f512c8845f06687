/**
 * CMS fingerprints: what marks a page as built with one system, and the page reader every
 * fingerprint is tested against. A fingerprint is tested on every page without a site rule, so it
 * reads a few selectors and a bounded number of asset URLs, never the whole document's text.
 */

/** How many script/stylesheet/image URLs are looked at (asset paths sit in the head and top). */
const ASSET_LIMIT = 80;

/** Any one of these marks the page as the CMS's. */
export interface CmsFingerprint {
  /** the `<meta name="generator">` content (`WordPress 6.4`, `Discuz! X3.4`) */
  generator?: RegExp;
  /** one of the page's first script, stylesheet or image URLs */
  asset?: RegExp;
  /** an element its templates carry (ids, class names) */
  element?: string;
  /** the page's address, path and query (`/art/2021/3/1/art_1621004_30332664.html`) */
  url?: RegExp;
  /** code for what the fields cannot say (two signs that only count together) */
  test?: (page: PageFingerprint, url: URL) => boolean;
}

/**
 * One page as the fingerprints read it: each of generator, asset URLs and elements read at most once
 * for all of them. `elements` are every fingerprint's element selectors: on a page that has none of
 * them, one query answers them all instead of a scan of the document per fingerprint.
 */
export class PageFingerprint {
  #generator?: string;
  #assets?: string[];
  #anyElement?: boolean;

  constructor(
    readonly doc: Document,
    private readonly elements: readonly string[] = [],
  ) {}

  /** The page's `<meta name="generator">` values, joined. */
  get generator(): string {
    return (this.#generator ??= [...this.doc.querySelectorAll('meta[name="generator" i]')]
      .map((m) => m.getAttribute('content') ?? '')
      .join(' '));
  }

  /** Whether one of the page's first script, stylesheet or image URLs matches `pattern`. */
  hasAsset(pattern: RegExp): boolean {
    return this.assetUrls().some((url) => pattern.test(url));
  }

  /** Whether any of `selectors` matches. */
  hasElement(selectors: string): boolean {
    if (this.elements.includes(selectors)) {
      this.#anyElement ??= this.anyOf(this.elements);
      if (!this.#anyElement) return false;
    }
    return this.doc.querySelector(selectors) !== null;
  }

  /** Whether the page carries `fingerprint`. */
  matches(fingerprint: CmsFingerprint, url: URL): boolean {
    const { generator, asset, element, url: address, test } = fingerprint;
    return (
      (generator !== undefined && generator.test(this.generator)) ||
      (address !== undefined && address.test(url.pathname + url.search)) ||
      (asset !== undefined && this.hasAsset(asset)) ||
      (element !== undefined && this.hasElement(element)) ||
      (test !== undefined && test(this, url))
    );
  }

  private assetUrls(): string[] {
    if (this.#assets) return this.#assets;
    const assets = this.doc.querySelectorAll('script[src], link[href], img[src]');
    const count = Math.min(assets.length, ASSET_LIMIT);
    const urls: string[] = [];
    for (let i = 0; i < count; i++) {
      const el = assets[i]!;
      urls.push(el.getAttribute('src') ?? el.getAttribute('href') ?? '');
    }
    return (this.#assets = urls);
  }

  private anyOf(selectors: readonly string[]): boolean {
    if (selectors.length === 0) return false;
    try {
      return this.doc.querySelector(selectors.join(', ')) !== null;
    } catch {
      // one selector this engine cannot parse fails the whole list: ask each on its own then
      return true;
    }
  }
}
