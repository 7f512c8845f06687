/**
 * What the injected extractor runs inside the clipped tab (the extension's isolated world).
 * Turns every failure into a typed result: nothing thrown crosses back to the worker.
 * Besides the article it follows the article's further pages (same origin, fetched from the tab),
 * serialises what the user saw (the snapshot) and says whether the page is gone.
 */
import type { Article, CaptureNote, ExtractError } from '../model/article';
import type { SnapshotPage } from '../model/snapshot';
import { extractArticle, NoArticleError } from './';
import type { ClipMode } from '../protocol/messages';
import { nextPage, ownPageNumber, pageLinks, pageNumberOf } from './pages';

export interface InPageOptions {
  mode: ClipMode;
}

export type { SnapshotPage };

/** An image of the tab's own origin, fetched in the tab (its cookies, its Referer), as base64. */
export interface PageImage {
  src: string;
  type: string;
  base64: string;
}

/** What the clip keeps besides the article: the pages' HTML and what could not be kept. */
export interface PageCapture {
  /** images of the tab's own origin, read in the tab; the worker fetches the others */
  images: PageImage[];
  /** every page joined, in order (null when the snapshot was too large to keep) */
  snapshot: SnapshotPage[] | null;
  notes: CaptureNote[];
  /** the page says it is gone (HTTP status ≥ 400, or the site's 页面不存在/文章已删除 page) */
  gone: { status: number | null } | null;
}

export type InPageResult =
  | { ok: true; article: Article; capture: PageCapture }
  | { ok: false; error: ExtractError; gone?: { status: number | null } | null };

/** Limits of following an article's further pages. */
export const MAX_PAGES = 20;
export const PAGES_BUDGET_MS = 15_000;
/** A snapshot larger than this (all pages' HTML together) is not kept; the clip says so. */
export const MAX_SNAPSHOT_CHARS = 20_000_000;
/** Images kept per clip: each at most MAX_IMAGE_BYTES, together at most MAX_CLIP_IMAGE_BYTES. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_CLIP_IMAGE_BYTES = 100 * 1024 * 1024;
export const MAX_IMAGES = 300;
/** The images read in the tab travel to the worker as base64 in one result: keep that message small. */
export const MAX_TAB_IMAGE_BYTES = 48 * 1024 * 1024;
export const IMAGES_BUDGET_MS = 20_000;

const GONE_TEXT =
  /(页面|网页|文章|稿件|内容|信息)(不存在|已删除|已被删除|已下线|已撤销|已过期|找不到|未找到)|抱歉.{0,12}(找不到|不存在)|404\s*(not found|错误|页面)|page not found/i;

/** The page says it is gone: an error status, or a short page whose heading or title says so. */
export function goneSignal(doc: Document): { status: number | null } | null {
  const entry = doc.defaultView?.performance?.getEntriesByType?.('navigation')?.[0] as
    (PerformanceEntry & { responseStatus?: number }) | undefined;
  const status = entry?.responseStatus ?? 0;
  if (status === 404 || status === 410) return { status };
  const text = (doc.body?.textContent ?? '').replace(/\s+/g, '');
  const heads = [doc.title, ...[...doc.querySelectorAll('h1, h2, .error, #error')].map((e) => e.textContent)];
  // a long page that mentions "页面不存在" somewhere (a sidebar, a comment) is not a gone page
  if (text.length < 1_500 && heads.some((h) => GONE_TEXT.test(h ?? ''))) return { status: status || null };
  return null;
}

const URL_ATTRIBUTES = [
  'src',
  'href',
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-actualsrc',
  'poster',
];

/**
 * Makes the element's URLs absolute against `base`. A parsed snapshot cannot rely on its <base>:
 * extension pages' CSP (base-uri 'none') also governs the documents their DOMParser makes.
 */
export function absolutizeUrls(root: ParentNode, base: string): void {
  const resolve = (value: string) => {
    try {
      return new URL(value.trim(), base).toString();
    } catch {
      return value;
    }
  };
  for (const name of URL_ATTRIBUTES) {
    for (const el of root.querySelectorAll(`[${name}]`)) {
      const value = el.getAttribute(name)!;
      if (value && !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(value.trim())) el.setAttribute(name, resolve(value));
    }
  }
  for (const el of root.querySelectorAll('[srcset], [data-srcset]')) {
    for (const name of ['srcset', 'data-srcset']) {
      const value = el.getAttribute(name);
      if (!value) continue;
      const candidates = value.split(/,\s+/).map((part) => {
        const [href = '', ...rest] = part.trim().split(/\s+/);
        return [resolve(href), ...rest].join(' ');
      });
      el.setAttribute(name, candidates.join(', '));
    }
  }
}

/** The page's DOM as it is now, without scripts or inline handlers, its URLs absolute. */
export function snapshotHtml(doc: Document, url: string): string {
  const root = doc.documentElement.cloneNode(true) as Element;
  absolutizeUrls(root, url);
  for (const el of root.querySelectorAll('script, noscript, template, iframe, object, embed')) el.remove();
  for (const el of root.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
  }
  const head = root.querySelector('head');
  if (head && !head.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    head.prepend(base);
  }
  return `<!DOCTYPE html>\n${root.outerHTML}`;
}

/** A fetched page's text in the charset its header or <meta> declares (GBK pages are common). */
export function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const declared =
    /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(
      new TextDecoder('latin1').decode(bytes.subarray(0, 4096)),
    )?.[1];
  const label = /^(gb2312|gbk|x-gbk|cp936)$/i.test(declared ?? '') ? 'gb18030' : (declared ?? 'utf-8');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * A parsed HTML document that extractArticle can read: DOMParser documents have no window, and the
 * extractor only needs one for DOMPurify, which any window of this realm serves.
 */
export function parsedDocument(html: string, url: string, win: Window): Document {
  const doc = new (win as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html');
  absolutizeUrls(doc, doc.querySelector('base[href]')?.getAttribute('href') ?? url);
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  Object.defineProperty(doc, 'defaultView', { value: win, configurable: true });
  return doc;
}

export type FetchPage = (url: string) => Promise<string>;

/** Fetches a page of the tab's own origin, with the tab's cookies, as text. */
export function tabPageFetcher(win: Window): FetchPage {
  return async (url) => {
    const response = await win.fetch(url, { credentials: 'include', redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (new URL(response.url || url).origin !== win.location.origin) throw new Error('redirected away');
    return decodePage(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
  };
}

export interface JoinedPages {
  article: Article;
  pages: SnapshotPage[];
  notes: CaptureNote[];
}

/**
 * Follows the article's further pages from the first one: each is fetched, extracted with the same
 * rule and its body appended in order. Stops at MAX_PAGES pages, after PAGES_BUDGET_MS, at a page
 * that fails, or when no next page is linked; a stop before the end leaves a note.
 */
export async function followPages(
  first: { doc: Document; url: string; article: Article; html: string },
  fetchPage: FetchPage,
  win: Window,
  clock: () => number = () => Date.now(),
): Promise<JoinedPages> {
  const started = clock();
  const notes: CaptureNote[] = [];
  const articles = [first.article];
  const pages: SnapshotPage[] = [{ url: first.url, html: first.html }];
  const taken = new Set([first.url]);
  const known = new Map<number, string>();
  const firstUrl = new URL(first.url);
  let links = pageLinks(first.doc, first.url);
  let current = ownPageNumber(first.doc, firstUrl);
  for (;;) {
    const next = nextPage(links, known, current, taken);
    if (!next) break;
    if (pages.length >= MAX_PAGES) {
      notes.push({ code: 'pages-limit', url: next });
      break;
    }
    if (clock() - started > PAGES_BUDGET_MS) {
      notes.push({ code: 'pages-timeout', url: next });
      break;
    }
    taken.add(next);
    let doc: Document;
    let article: Article;
    let html: string;
    try {
      html = await withDeadline(fetchPage(next), PAGES_BUDGET_MS - (clock() - started));
      doc = parsedDocument(html, next, win);
      article = extractArticle(doc, next);
    } catch {
      notes.push({ code: 'pages-failed', url: next });
      break;
    }
    articles.push(article);
    pages.push({ url: next, html: snapshotHtml(doc, next) });
    current = pageNumberOf(firstUrl, new URL(next)) ?? current + 1;
    links = pageLinks(doc, next);
  }
  return {
    article: joinPages(
      articles,
      pages.map((p) => p.url),
    ),
    pages,
    notes,
  };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), Math.max(0, ms));
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** One article from the extractions of its pages: metadata of the first, bodies joined in order. */
export function joinPages(articles: Article[], urls: string[]): Article {
  const [first, ...rest] = articles;
  if (!first) throw new Error('no pages to join');
  if (rest.length === 0) return { ...first, pages: [] };
  const seen = new Set<string>();
  const images = articles
    .flatMap((a) => a.images)
    .filter((image) => !seen.has(image.src) && (seen.add(image.src), true));
  return {
    ...first,
    contentHtml: articles.map((a) => a.contentHtml).join('\n'),
    textContent: articles.map((a) => a.textContent).join('\n'),
    images,
    pages: urls,
  };
}

/** Re-runs today's extractor over a stored snapshot (in an extension page: DOMParser, no scripts). */
export function extractSnapshot(pages: SnapshotPage[], win: Window): Article {
  const articles = pages.map(({ url, html }) => extractArticle(parsedDocument(html, url, win), url));
  return joinPages(
    articles,
    pages.map((p) => p.url),
  );
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Reads the article's images that are on the tab's own origin, in the tab (the worker may have no
 * access to that origin: activeTab lets it inject, not fetch). Over-size images are left to the
 * worker, which notes them; so are failures.
 */
export async function tabImages(
  article: Article,
  win: Window,
  clock = () => Date.now(),
): Promise<PageImage[]> {
  const started = clock();
  const out: PageImage[] = [];
  let total = 0;
  const origin = win.location.origin;
  const sources = [...new Set(article.images.map((image) => image.src))].slice(0, MAX_IMAGES);
  for (const src of sources) {
    let url: URL;
    try {
      url = new URL(src);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    const left = IMAGES_BUDGET_MS - (clock() - started);
    if (left <= 0) break;
    try {
      const response = await withDeadline(win.fetch(src, { credentials: 'include' }), left);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (!response.ok || !type.startsWith('image/') || declared > MAX_IMAGE_BYTES) continue;
      const bytes = new Uint8Array(await withDeadline(response.arrayBuffer(), left));
      if (bytes.length > MAX_IMAGE_BYTES || total + bytes.length > MAX_TAB_IMAGE_BYTES) continue;
      total += bytes.length;
      out.push({ src, type, base64: base64Of(bytes) });
    } catch {
      // the worker tries again and notes it if it fails too
    }
  }
  return out;
}

export async function extractInPage(
  doc: Document,
  url: string,
  options: InPageOptions,
): Promise<InPageResult> {
  try {
    if (doc.querySelector('frameset')) {
      return {
        ok: false,
        error: { code: 'frameset', detail: 'the page is a frameset; open the frame on its own to clip it' },
      };
    }
    if (!(doc.contentType ?? 'text/html').includes('html')) {
      return { ok: false, error: { code: 'not-html', detail: `the page is ${doc.contentType}, not HTML` } };
    }
    const gone = goneSignal(doc);
    const selection = options.mode === 'selection' ? doc.defaultView?.getSelection() : null;
    const selected =
      selection && selection.rangeCount > 0 && !selection.isCollapsed
        ? selection.getRangeAt(0).cloneContents()
        : undefined;
    let article: Article;
    try {
      article = extractArticle(doc, url, { selection: selected });
    } catch (error) {
      if (gone) return { ok: false, error: { code: 'page-gone', detail: 'the page says it is gone' }, gone };
      throw error;
    }
    if (gone) return { ok: false, error: { code: 'page-gone', detail: 'the page says it is gone' }, gone };
    const html = snapshotHtml(doc, url);
    const win = doc.defaultView!;
    const joined =
      options.mode === 'page'
        ? await followPages({ doc, url, article, html }, tabPageFetcher(win), win)
        : { article: { ...article, pages: [] }, pages: [{ url, html }], notes: [] };
    const size = joined.pages.reduce((sum, p) => sum + p.html.length, 0);
    const notes = [...joined.notes];
    if (size > MAX_SNAPSHOT_CHARS) notes.push({ code: 'snapshot-too-large', url: null });
    return {
      ok: true,
      article: joined.article,
      capture: {
        images: await tabImages(joined.article, win),
        snapshot: size > MAX_SNAPSHOT_CHARS ? null : joined.pages,
        notes,
        gone: null,
      },
    };
  } catch (error) {
    if (error instanceof NoArticleError)
      return { ok: false, error: { code: 'no-article', detail: error.message } };
    return { ok: false, error: { code: 'internal', detail: errorDetail(error).slice(0, 500) } };
  }
}

/**
 * The error's name, message and stack: Firefox's `stack` holds only the frames (Chromium's starts with
 * the message). Duck-typed: an error from the page's compartment is no `instanceof Error` here.
 */
function errorDetail(error: unknown): string {
  const { name, message, stack } = (error ?? {}) as Partial<Error>;
  if (typeof message !== 'string') return String(error);
  const headline = `${name ?? 'Error'}: ${message}`;
  return stack?.startsWith(headline) ? stack : `${headline}\n${stack ?? ''}`;
}
