/**
 * Embedded metadata: JSON-LD (NewsArticle and kin), OpenGraph, article:*, the government standard
 * meta tags (ArticleTitle, PubDate, ContentSource, ColumnName, SiteName, Url; any case) and the TRS
 * news tags (publishdate, contentid, catalogs, author, source). All of it is untrusted: HTML is
 * stripped, relative URLs resolved, empty values ignored, and hostile JSON cannot crash the reader.
 */
import { siteOf } from '../model/canonical-url';
import { collapseSpace, stripHtml, unique } from './text';

export interface EmbeddedMetadata {
  /** title candidates that are not the <title> (JSON-LD headline, og:title, ArticleTitle) */
  title: string | null;
  /** from JSON-LD or meta tags */
  published: string | null;
  modified: string | null;
  authors: string[];
  source: string | null;
  siteName: string | null;
  section: string[];
  articleId: string | null;
  description: string | null;
  canonical: string[];
  lang: string | null;
  images: string[];
  /** JSON-LD's articleBody as the page declares it (text or HTML, untrusted), for pages that show none */
  articleBody: string | null;
}

type Json = unknown;

function own(obj: Json, key: string): Json {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, Json>)[key] : undefined;
}

/** A template's unfilled variable (`nil`, `null`, `undefined`, `[object Object]`): no value. */
const UNFILLED = /^(?:nil|null|undefined|none|n\/a|false|true|\[object object\]|-+)$/i;

/** A declared value as text: its markup and an unfilled variable dropped. */
function declaredText(value: string, doc: Document): string {
  const text = stripHtml(value, doc);
  return UNFILLED.test(text) ? '' : text;
}

function asText(value: Json, doc: Document): string | null {
  if (typeof value === 'string') return declaredText(value, doc) || null;
  if (typeof value === 'number') return String(value);
  return null;
}

function names(value: Json, doc: Document, depth = 0): string[] {
  if (depth > 3 || value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.slice(0, 20).flatMap((v) => names(v, doc, depth + 1));
  if (typeof value === 'string') return asText(value, doc) ? [asText(value, doc)!] : [];
  return names(own(value, 'name'), doc, depth + 1);
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|Report|ScholarlyArticle|TechArticle|OpinionNewsArticle|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting)$/;

// `<!--`, `<![CDATA[`, `//<![CDATA[` or `/*<![CDATA[*/` before a script's JSON; their ends after it
const JSON_WRAPPER_START = /^\s*(?:<!--|(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?)/;
const JSON_WRAPPER_END = /(?:-->|(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?)\s*$/;

/** Article-like objects in JSON-LD (top level, arrays, @graph), bounded in count and depth. */
function jsonLdArticles(doc: Document): Json[] {
  const found: Json[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (!text.trim() || text.length > 1_000_000) continue;
    let data: Json;
    try {
      // Some CMSs emit HTML comments or CDATA wrappers around the JSON, commented out or not.
      data = JSON.parse(text.replace(JSON_WRAPPER_START, '').replace(JSON_WRAPPER_END, ''));
    } catch {
      continue;
    }
    const queue: Array<[Json, number]> = [[data, 0]];
    while (queue.length && found.length < 10) {
      const [item, depth] = queue.shift()!;
      if (depth > 4) continue;
      if (Array.isArray(item)) {
        for (const child of item.slice(0, 50)) queue.push([child, depth + 1]);
        continue;
      }
      const type = own(item, '@type');
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(item);
      const graph = own(item, '@graph');
      if (Array.isArray(graph)) queue.push([graph, depth + 1]);
    }
  }
  // Prefer real articles over WebPage
  return found.sort(
    (a, b) => Number(String(own(a, '@type')) === 'WebPage') - Number(String(own(b, '@type')) === 'WebPage'),
  );
}

/**
 * A microdata property on an element other than <meta> (`<time itemprop="datePublished" datetime=…>`,
 * `<dd itemprop="datePublished" content=…>`), not in a list or an aside: its machine-readable value,
 * else its short text.
 */
function itemValue(doc: Document, prop: string): string | null {
  for (const el of doc.querySelectorAll(`[itemprop~="${prop}"]:not(meta)`)) {
    // (a story list's cards carry theirs too)
    if (el.closest('li, aside, nav, footer')) continue;
    const value = collapseSpace(
      el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '',
    );
    if (value && value.length <= 80) return value;
  }
  return null;
}

/** meta name/property/itemprop (lower-cased) → non-empty values in document order. */
export function metaMap(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const meta of doc.getElementsByTagName('meta')) {
    // (some templates write the value into `value` instead of `content`)
    const content = meta.getAttribute('content') ?? meta.getAttribute('value');
    if (!content || !content.trim()) continue;
    // each key the tag gives, in each attribute: one tag may be both `og:site_name` (property) and
    // `application-name` (name), and a property may list several (`og:title twitter:title`)
    const keys = new Set([
      (meta.getAttribute('name') ?? '').trim().toLowerCase(),
      ...(meta.getAttribute('property') ?? '').toLowerCase().split(/\s+/),
      (meta.getAttribute('itemprop') ?? '').trim().toLowerCase(),
    ]);
    for (const key of keys) {
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(content);
      else map.set(key, [content]);
    }
  }
  return map;
}

const AUTHOR_KEYS = [
  'article:author',
  'author',
  'article_author',
  'dc.creator',
  'citation_author',
  'byl',
  'byline',
];
/** Dublin Core's and Highwire's (Google Scholar's) tags: one per person, written `Surname, Given`. */
const CITATION_AUTHOR_KEYS = new Set(['dc.creator', 'citation_author']);

/** `Kooman, F.` → `F. Kooman`, `Jong, Michiel de` → `Michiel de Jong`; anything else as it is. */
function surnameLast(name: string): string {
  const m = /^([^,\d]+),\s*([^,\d]+)$/u.exec(name.trim());
  if (!m || m[1]!.trim().split(/\s+/).length > 3 || m[2]!.trim().split(/\s+/).length > 3) return name;
  return `${m[2]!.trim()} ${m[1]!.trim()}`;
}

/** Between a site's name and its tag line: `Raw Story - Celebrating …`, `電子書籍 | BOOK☆WALKER`. */
const TAG_LINE_SEPARATOR = /\s+[-–—|]\s+|\s*｜\s*/;

/**
 * A declared site name without its tag line: the part the site's address names (`BOOK☆WALKER` on
 * bookwalker.jp), else the first (`中国吉林网 - 吉林省重点新闻网站`).
 */
function withoutTagLine(declared: string, pageUrl: string): string {
  const parts = declared
    .split(TAG_LINE_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return declared;
  const letters = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  // the site's own word in its address: bookwalker of bookwalker.jp, yahoo of news.yahoo.com
  const brand = URL.canParse(pageUrl) ? letters(siteOf(new URL(pageUrl).hostname).split('.')[0]!) : '';
  const named =
    brand.length >= 3 &&
    parts.find((part) => {
      const key = letters(part);
      return key.length >= 3 && (brand.includes(key) || key.includes(brand));
    });
  return named || parts[0]!;
}

function resolveUrl(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const splitList = (value: string) =>
  value
    .split(/\s*(?:[>»›,，;；|｜/]|&gt;)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Publish-time keys pages set in their own scripts (JSON or JS assignments), most specific first, in
 * any case (`publishTime`, `pubDate`, `publishedAt`).
 * `ct` is WeChat's Unix-seconds variable and `ctime` a feed's creation time: only a Unix time (10
 * digits, or 13 in milliseconds) counts for them.
 */
const SCRIPT_DATE =
  /["']?\b(publish_?time|pubtime|pub_?date|publish_?date|datePublished|first_publish_time|published_?at|release_?time|ptime|ctime|ct)\b["']?\s*[:=]\s*["']?([0-9][0-9\-/:.T +Z年月日]{5,30})/gi;
const UNIX_TIME = /^\d{10}(?:\d{3})?$/;
const SCRIPT_BUDGET = 400_000;

/** The publish time the page's own scripts carry (`pubtime: "…"`, `"publish_time": 1600000000`, `ct = "…"`). */
export function scriptPublished(doc: Document): string | null {
  let budget = SCRIPT_BUDGET;
  let best: { rank: number; value: string } | null = null;
  for (const script of doc.getElementsByTagName('script')) {
    if (script.hasAttribute('src')) continue;
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (type && !/javascript|json|ecmascript|module/.test(type)) continue;
    const text = script.textContent ?? '';
    if (!text || text.length > budget) continue;
    budget -= text.length;
    SCRIPT_DATE.lastIndex = 0;
    for (let m = SCRIPT_DATE.exec(text); m; m = SCRIPT_DATE.exec(text)) {
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      const creation = key === 'ct' || key === 'ctime';
      if (creation && !UNIX_TIME.test(value)) continue;
      const rank = creation ? 2 : key === 'ptime' ? 1 : 0;
      if (!best || rank < best.rank) best = { rank, value };
      if (rank === 0) return value;
    }
  }
  return best?.value ?? null;
}

export function readMetadata(doc: Document, url: string): EmbeddedMetadata {
  const metas = metaMap(doc);
  /** The first value of these keys, in their order, that `accept` takes. */
  const firstAccepted = (accept: (text: string) => boolean, ...keys: string[]): string | null => {
    for (const key of keys) {
      for (const value of metas.get(key) ?? []) {
        const text = declaredText(value, doc);
        if (text && accept(text)) return text;
      }
    }
    return null;
  };
  const first = (...keys: string[]): string | null => firstAccepted(() => true, ...keys);
  const ld = jsonLdArticles(doc);
  const ldText = (key: string): string | null => {
    for (const item of ld) {
      const text = asText(own(item, key), doc);
      if (text) return text;
    }
    return null;
  };
  const ldNames = (key: string): string[] => unique(ld.flatMap((item) => names(own(item, key), doc)));

  const title =
    ldText('headline') ?? first('articletitle', 'og:title', 'twitter:title', 'title', 'headline') ?? null;
  const published =
    ldText('datePublished') ??
    first(
      'article:published_time',
      'og:article:published_time',
      'apub:time',
      'pubdate',
      'pubtime',
      'publishtime',
      'publish_time',
      'published_time',
      'release_date',
      'publishdate',
      'publish_date',
      'publication_date',
      'datepublished',
      'og:release_date',
      'weibo: article:create_at',
      'firstpublishedtime',
      'date',
      'dc.date',
      'dc.date.issued',
      'sailthru.date',
      'parsely-pub-date',
    ) ??
    itemValue(doc, 'datePublished');
  const modified =
    ldText('dateModified') ??
    first('article:modified_time', 'og:updated_time', 'lastmodifiedtime') ??
    itemValue(doc, 'dateModified');
  // the first key that declares a name, skipping profile addresses (`/@timoreilly`, `https://…/author/x`)
  const isName = (value: string) => !!value && !/^(https?:|\/|@)/i.test(value);
  const authorValues = AUTHOR_KEYS.map((key) => ({
    key,
    names: (metas.get(key) ?? []).map((value) => declaredText(value, doc)).filter(isName),
  })).find(({ names }) => names.length > 0);
  // its first value; citation metadata gives one tag per person, each surname first
  const declaredAuthors = !authorValues
    ? []
    : CITATION_AUTHOR_KEYS.has(authorValues.key)
      ? authorValues.names.map(surnameLast)
      : authorValues.names.slice(0, 1);
  const authors = unique([...ldNames('author'), ...declaredAuthors])
    .filter((a) => !/^(https?:|\/|@)/i.test(a))
    .slice(0, 20);
  const source = first('contentsource', 'source', 'og:source', 'mediaid', 'media') ?? null;
  // (a Twitter handle, `@nytimes`, names an account, not the site; an address names no name)
  const declaredSite =
    firstAccepted(
      (text) => !text.startsWith('@') && !/^https?:\/\//i.test(text),
      'og:site_name',
      'sitename',
      'application-name',
      'twitter:site',
    ) ??
    ld.map((item) => names(own(item, 'publisher'), doc)[0]).find(Boolean) ??
    null;
  const siteName = declaredSite && withoutTagLine(declaredSite, url);
  const sectionRaw = first('catalogs', 'columnname', 'article:section') ?? ldText('articleSection');
  const articleId = first('contentid', 'articleid', 'article_id', 'newsid', 'docid') ?? null;
  const canonical = unique(
    [
      doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null,
      first('og:url'),
      first('url'),
    ]
      .map((u) => resolveUrl(u, url))
      .filter((u): u is string => !!u),
  );
  const images = unique(
    [first('og:image'), first('twitter:image')]
      .map((u) => resolveUrl(u, url))
      .filter((u): u is string => !!u),
  );
  return {
    title,
    published,
    modified,
    authors,
    source,
    siteName,
    section: sectionRaw ? splitList(sectionRaw) : [],
    articleId: articleId && /^[\w-]{1,64}$/.test(articleId) ? articleId : null,
    description: first('description', 'og:description', 'twitter:description') ?? ldText('description'),
    canonical,
    lang:
      doc.documentElement.getAttribute('lang')?.trim() || first('content-language', 'language', 'og:locale'),
    images,
    articleBody:
      ld.map((item) => own(item, 'articleBody')).find((v): v is string => typeof v === 'string') ?? null,
  };
}

/**
 * Keys under which an app's state carries the article's HTML, whatever the app calls them as long as
 * the name says content, body, html or detail (`window.__INITIAL_STATE__ = {"article": {"content":
 * "<p>…</p>"}}`, `widgetContent`, `articleBodyHtml`, a Next.js page's __NEXT_DATA__), with the
 * string's escapes;
 * or a script's object literal (`articleInfo: { content: '&lt;p&gt;…' }`: key unquoted, the string in
 * single quotes, its markup maybe entity-escaped, as older portal templates print it). Long values
 * only: a summary or a title is no body.
 */
const BODY_KEYS = '[\\w$]*?(?:content|Content|CONTENT|body|Body|html|Html|HTML|detail|Detail)[\\w$]*';
const SCRIPT_BODY = new RegExp(
  `(?:"(${BODY_KEYS})"|(?<![\\w$.])(${BODY_KEYS}))\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.){200,})"|'((?:[^'\\\\]|\\\\.){200,})')`,
  'g',
);
const SCRIPT_BODY_BUDGET = 2_000_000;
/** Markup that sets text in paragraphs: an embedded body that is HTML, not plain text. */
export const HOLDS_PARAGRAPHS = /<(p|br|div|section)\b/i;
/** The same markup entity-escaped (`&lt;p&gt;`): a template that printed it into a script's string. */
const ESCAPED_PARAGRAPHS = /&lt;(p|br|div|section)\b/i;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** A script's string literal's value: `"…"` read as JSON, `'…'` as JSON once its quotes are swapped. */
function stringValue(doubleQuoted: string | undefined, singleQuoted: string | undefined): string | null {
  const json =
    doubleQuoted ??
    singleQuoted!
      .replace(/\\x([0-9a-f]{2})/gi, '\\u00$1')
      .replace(/\\'|"/g, (quote) => (quote === '"' ? '\\"' : "'"));
  try {
    return JSON.parse(`"${json}"`) as string;
  } catch {
    return null;
  }
}

/**
 * The longest article HTML the page's own scripts carry (an app rendered in the browser, saved or
 * fetched before its script ran), or null.
 */
export function scriptArticleBody(doc: Document): string | null {
  let budget = SCRIPT_BODY_BUDGET;
  let best: string | null = null;
  for (const script of doc.getElementsByTagName('script')) {
    if (script.hasAttribute('src')) continue;
    const text = script.textContent ?? '';
    if (!text || text.length > budget) continue;
    budget -= text.length;
    SCRIPT_BODY.lastIndex = 0;
    for (let m = SCRIPT_BODY.exec(text); m; m = SCRIPT_BODY.exec(text)) {
      let value = stringValue(m[3], m[4]);
      if (value && !HOLDS_PARAGRAPHS.test(value) && ESCAPED_PARAGRAPHS.test(value))
        value = value.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ENTITIES[name]!);
      // HTML with paragraphs, not a template or a code sample
      if (value && HOLDS_PARAGRAPHS.test(value) && (!best || value.length > best.length)) best = value;
    }
  }
  return best;
}
