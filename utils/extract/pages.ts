/**
 * Pagination: the further pages of an article split over several pages. Detected in general:
 * `_2`/`_3` path suffixes (content_123_2.htm, 2840720_2.html, t2019_123_1.html), a page parameter in
 * the query (?page=2, &p=2, pn, pageNo), numbered page lists, and 下一页/下页/Next (or rel=next) links.
 * Only links on the page's own origin whose path matches the page's are taken, so 下一篇 (the next
 * article) and links to list pages are never followed.
 */

const PAGE_SUFFIX = /_(\d{1,2})(\.s?html?|\.php|\.aspx?|\.jsp)$/i;
const PAGE_EXTENSION = /\.s?html?$|\.php$|\.aspx?$|\.jsp$/i;
const PAGE_PARAMS = ['page', 'p', 'pn', 'pg', 'pageno', 'pagenum', 'page_no', 'curpage', 'paging'];
const NEXT_LABEL = /^(?:下一?页|下一頁|下頁|后一页|next(?:\s*page)?|›|»|>|>>)\s*[>›»]*$/i;
const MAX_LINKS = 5_000;

export interface PageLinks {
  /** page number → URL, for links recognised as numbered pages of this article (the page itself excluded) */
  numbered: Map<number, string>;
  /** the link labelled 下一页/Next (or rel=next) that stays within this article, if any */
  next: string | null;
}

/** The path without a page suffix (`/a/content_12_3.htm` → `/a/content_12.htm`). */
function pathStem(pathname: string): string {
  return pathname.replace(PAGE_SUFFIX, '$2');
}

function pageParam(url: URL): { name: string; value: number } | null {
  for (const [key, value] of url.searchParams) {
    if (PAGE_PARAMS.includes(key.toLowerCase()) && /^\d{1,3}$/.test(value))
      return { name: key, value: +value };
  }
  return null;
}

/** The query without its page parameter, sorted, to compare two addresses of one article. */
function queryWithoutPage(url: URL): string {
  const params = [...url.searchParams].filter(([key]) => !PAGE_PARAMS.includes(key.toLowerCase()));
  return params
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
}

/**
 * The page number `target` has as a page of the article at `page`, or null if it is not one. The
 * page itself may be page 1 (content_9.htm, whose pages are content_9_2.htm …) or page N
 * (content_9_2.htm): both are tried.
 */
export function pageNumberOf(page: URL, target: URL, pageQuery = queryWithoutPage(page)): number | null {
  if (target.origin !== page.origin) return null;
  // the path first: it rules out nearly every link, and comparing queries sorts them
  const number = pathPageNumber(page, target);
  return number !== null && queryWithoutPage(target) === pageQuery ? number : null;
}

function pathPageNumber(page: URL, target: URL): number | null {
  if (PAGE_EXTENSION.test(page.pathname)) {
    const suffix = PAGE_SUFFIX.exec(target.pathname);
    // page is page 1: its further pages carry a suffix on its own path
    if (suffix && pathStem(target.pathname) === page.pathname) return Number(suffix[1]);
    if (target.pathname === page.pathname)
      return pageParam(target)?.value ?? (target.search === page.search ? 1 : null);
    // page is page N: the first page is the stem, the others carry other suffixes
    const stem = pathStem(page.pathname);
    if (stem !== page.pathname) {
      if (target.pathname === stem) return pageParam(target)?.value ?? 1;
      if (suffix && pathStem(target.pathname) === stem) return Number(suffix[1]);
    }
    return null;
  }
  if (target.pathname !== page.pathname) return null;
  const param = pageParam(target);
  if (param) return param.value;
  return target.search === page.search || !target.search ? 1 : null;
}

/**
 * A test of whether an href surely leads off the article at `page` without parsing it (most of a
 * portal's hundreds of links): a fragment or empty href (the page itself), a javascript: link, an
 * absolute http(s) address on a plain host name that is not the page's origin, or a plain path whose
 * last segment no page of this article can have. Anything less plain is left to the URL parser.
 */
function elsewhereTest(page: URL): (href: string) => boolean {
  const withExtension = PAGE_EXTENSION.test(page.pathname);
  const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  // what pathPageNumber accepts, by last segment: this page's, its first page's, or a _N of either
  const names = new Set([lastSegment(page.pathname), lastSegment(pathStem(page.pathname))]);
  const otherPath = (path: string): boolean => {
    // only a path the parser keeps as written (no escapes, spaces, backslashes, non-ASCII)
    if (!PLAIN_PATH.test(path)) return false;
    const name = lastSegment(path);
    // a directory is never a page of an article whose address names a file
    if (name === '' || name === '.' || name === '..') return withExtension;
    return !names.has(name) && !(withExtension && names.has(name.replace(PAGE_SUFFIX, '$2')));
  };
  return (href) => {
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return true;
    const absolute = PLAIN_ABSOLUTE.exec(href);
    if (absolute) {
      // a numeric last label is an IPv4 address in some notation: the parser's to compare
      if (/^(\d+|0x[\da-f]*)$/i.test(absolute[3]!)) return false;
      if (`${absolute[1]}://${absolute[2]}`.toLowerCase() !== page.origin) return true;
      return otherPath(href.slice(absolute[0].length).split(/[?#]/)[0]!);
    }
    return !href.startsWith('//') && otherPath(href.split(/[?#]/)[0]!);
  };
}
/** scheme, host (letters, digits, hyphens and dots, no port or user), its last label */
const PLAIN_ABSOLUTE = /^(https?):\/\/((?:[a-z\d-]+\.)*([a-z\d-]+))(?=[/?#]|$)/i;
const PLAIN_PATH = /^[\w.~/-]+$/;

/** The number of the page at `url` itself: N for a _N or ?page=N address whose first page it links to. */
export function ownPageNumber(doc: Document, url: URL): number {
  const param = pageParam(url);
  if (param) return param.value;
  const suffix = PAGE_SUFFIX.exec(url.pathname);
  if (!suffix) return 1;
  const stem = new URL(pathStem(url.pathname), url).toString();
  for (const a of doc.querySelectorAll('a[href]')) {
    try {
      if (new URL(a.getAttribute('href') ?? '', url).toString().split('#')[0] === stem)
        return Number(suffix[1]);
    } catch {
      // not a URL
    }
  }
  return 1;
}

function linkText(a: Element): string {
  const text = (a.textContent ?? '').replace(/[\s\u3000[\]【】]+/g, ' ').trim();
  if (text) return text;
  return (a.querySelector('img')?.getAttribute('alt') ?? '').trim();
}

/** Links of `doc` (at `url`) that lead to other pages of the same article. */
export function pageLinks(doc: Document, url: string): PageLinks {
  return linksAndOwnNumber(doc, url).links;
}

function linksAndOwnNumber(doc: Document, url: string): { links: PageLinks; own: number } {
  const result: PageLinks = { numbered: new Map(), next: null };
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return { links: result, own: 1 };
  }
  page.hash = '';
  const self = page.toString();
  const pageQuery = queryWithoutPage(page);
  const selfNumber = ownPageNumber(doc, page);
  const surelyElsewhere = elsewhereTest(page);
  let seen = 0;
  for (const a of doc.querySelectorAll('a[href], link[rel~="next"][href]')) {
    if (++seen > MAX_LINKS) break;
    const raw = a.getAttribute('href') ?? '';
    if (surelyElsewhere(raw)) continue;
    let target: URL;
    try {
      target = new URL(raw, url);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(target.protocol)) continue;
    target.hash = '';
    const href = target.toString();
    if (href === self) continue;
    const number = pageNumberOf(page, target, pageQuery);
    if (number === null) continue;
    const isNext = a.getAttribute('rel')?.split(/\s+/).includes('next') || NEXT_LABEL.test(linkText(a));
    if (isNext && !result.next && number !== selfNumber) result.next = href;
    if (number !== selfNumber && !result.numbered.has(number)) result.numbered.set(number, href);
  }
  return { links: result, own: selfNumber };
}

/**
 * Further pages of a paginated article as far as the page itself lists them, in page order (the
 * extractor's `pages` before the clip follows them; see followPages in in-page.ts).
 */
export function findPages(doc: Document, url: string): string[] {
  const {
    links: { numbered, next },
    own,
  } = linksAndOwnNumber(doc, url);
  // pages before this one (e.g. the link back to page 1) are not further pages
  const list = [...numbered.entries()]
    .filter(([n]) => n > own)
    .sort((a, b) => a[0] - b[0])
    .map(([, href]) => href);
  if (next && !list.includes(next)) list.push(next);
  return list.slice(0, 100);
}

/**
 * The page to fetch after `current`: its 下一页 link, else the next number in the list gathered so
 * far. Null when there is none or it was already taken (a loop).
 */
export function nextPage(links: PageLinks, known: Map<number, string>, current: number, taken: Set<string>) {
  for (const [n, href] of links.numbered) if (!known.has(n)) known.set(n, href);
  const candidates = [links.next, known.get(current + 1)];
  for (const href of candidates) if (href && !taken.has(href)) return href;
  return null;
}
