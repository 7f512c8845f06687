/**
 * extractArticle(document, url) → Article: the same pure function in the injected script, the
 * unit tests and the CLI. It never modifies `document`: the body is found and cleaned in a clone.
 *
 * One step per field over one shared context (context.ts), each in fields/: a field's whole path —
 * site rule, CMS-family rule, embedded metadata, page heuristics, and the resolver that picks — is in
 * its file. The parsers they share: byline.ts (labelled Chinese bylines), dates.ts, furniture.ts
 * (where a value ends), lines.ts (the page as lines of text), metadata.ts, body.ts and clean.ts.
 */
import type { Article, ArticleImage } from '../model/article';
import { canonicalUrlFor } from '../model/canonical-url';
import { sanitizeHtml } from '../model/sanitize';
import { articleIdFromUrl } from './article-id';
import {
  bodyFromEmbeddedData,
  bodyFromHiddenArticle,
  bodyFromLines,
  bodyFromReadability,
  bodyFromRule,
  bodyFromSelection,
  isLinkedCard,
  itemListIn,
  READABILITY_LIMITS,
  readableCopy,
  rejoinSplitStory,
  storyAboveList,
  withoutLinkedCards,
  type BodyResult,
} from './body';
import { isBylineLine } from './byline';
import { cleanBody, summaryWords, teaserSummaries } from './clean';
import { runHook, type ExtractContext, type Origin, type PageLanguage } from './context';
import { parseDate } from './dates';
import { resolveAuthors, resolveEditors } from './fields/people';
import { resolvePublished } from './fields/published';
import { resolveSection } from './fields/section';
import { resolveSource } from './fields/source';
import { resolveTitle } from './fields/title';
import { storyTail, zoneBylines } from './fields/zone';
import { articleLanguage, detectScript } from './lang';
import { bodyStartIndex, collectLines, lineIndexOf, type Line, type LineStats } from './lines';
import { readMetadata } from './metadata';
import { titleOnlySiteName, titleSuffix } from './title';
import { timestampLine } from './western';
import { findPages } from './pages';
import { cmsRuleFor, ruleFor, type CmsRule, type SiteRule } from './rules';
import { cjkRatio, cleanName, collapseSpace, looseKey, truncate, unique } from './text';

export class NoArticleError extends Error {
  readonly code = 'no-article';
}

export interface ExtractOptions {
  /** clip only this part of the page (the user's selection) as the body; metadata still comes from the whole page */
  selection?: DocumentFragment;
  /** the clip time, for 今天/昨天 dates (default: now) */
  now?: Date;
  /** the site rules to choose from (default: all registered rules) */
  rules?: readonly SiteRule[];
  /** the CMS-family rules to choose from (default: all registered rules) */
  cmsRules?: readonly CmsRule[];
  /** above these, the body comes from the page's text lines instead of Readability */
  limits?: { maxElements: number; maxDepth: number };
}

type SanitizeWindow = Parameters<typeof sanitizeHtml>[1];

/** The page's top-level domain (`cn` for news.example.com.cn), '' when it has no host. */
function topLevelDomain(url: string): string {
  try {
    return new URL(url).hostname.split('.').pop()?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

/** The page's language family, for the site zone and the Chinese-only cleaning conventions. */
function pageLanguage(doc: Document, tld: string, sample: string): PageLanguage {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  // Japanese mixes kana into its kanji, Korean is hangul: a Chinese page quoting a Japanese name or
  // a kaomoji (｡･ω･｡) in a comment stays Chinese
  const script = detectScript(sample);
  if (script === 'ja' || script === 'ko') return script;
  if (/^zh/.test(lang)) return 'zh';
  if (/^ja/.test(lang)) return 'ja';
  if (/^ko/.test(lang)) return 'ko';
  // code-heavy Chinese pages have little Han text overall; their title still says which language
  if (cjkRatio(sample) > 0.3 || cjkRatio(doc.title ?? '') > 0.5) return 'zh';
  // a page on a Chinese domain is Chinese unless its text is not (an English edition on a .cn host,
  // Han characters only in its footer's licence number)
  return /^(cn|tw|hk)$/.test(tld) && cjkRatio(sample) > 0.05 ? 'zh' : 'other';
}

/** The text of `lines` outside <pre> blocks: a Chinese tech blog is mostly code, its prose Chinese. */
function proseOf(lines: readonly Line[]): string {
  let text = '';
  for (const line of lines) if (!line.inPre) text += `${line.text}\n`;
  return text;
}

const SITE_OFFSET = { zh: '+08:00', ja: '+09:00', ko: '+09:00', other: '+00:00' } as const;

/**
 * Country domains of one-zone countries: their pages in other languages (China Daily's English on
 * chinadaily.com.cn, a .sg or .jp site's) state times in that zone too.
 */
const COUNTRY_OFFSET: Readonly<Record<string, string>> = {
  cn: '+08:00',
  hk: '+08:00',
  tw: '+08:00',
  mo: '+08:00',
  sg: '+08:00',
  jp: '+09:00',
  kr: '+09:00',
};

/** A mainland site's ICP licence or public-security filing, in its footer (京ICP备05002536号). */
const MAINLAND_FILING = /ICP\s*[备備证證]|公网安备|公網安備/;

/**
 * The zone a page's times without one are read in: its language's, else its country domain's, else
 * China's when the footer shows a mainland filing (Xinhua's English on xinhuanet.com), else UTC.
 */
function siteZone(
  language: keyof typeof SITE_OFFSET,
  tld: string,
  lines: readonly Line[],
): { defaultOffset: string; toSiteZone: boolean } {
  if (language !== 'other') return { defaultOffset: SITE_OFFSET[language], toSiteZone: true };
  const country =
    COUNTRY_OFFSET[tld] ??
    (lines.slice(-30).some((l) => MAINLAND_FILING.test(l.text)) ? SITE_OFFSET.zh : null);
  return country
    ? { defaultOffset: country, toSiteZone: true }
    : { defaultOffset: SITE_OFFSET.other, toSiteZone: false };
}

/** A date in a line (2005年05月12日, 2005-5-12). */
const FULL_DATE = /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;

/** A short line of labels or a date, no sentence in it: the byline a body can open with. */
function bylineShaped(text: string): boolean {
  return (
    text.length <= 80 &&
    !/[，。！？；]/.test(text) &&
    (isBylineLine(text) || FULL_DATE.test(text) || timestampLine(text) !== null)
  );
}

/**
 * Lines of the page between the title and the body (or just above the body without a title), and the
 * body's first lines when they are the byline (Readability can take the table row holding it:
 * `http://www.sina.com.cn 2005年05月12日14:28 新华网`), opened by `titleStamp`, the timestamp the title's
 * own element printed (resolveTitle).
 */
function headZone(lines: Line[], titleLine: number, bodyStart: number, titleStamp: string): Line[] {
  // a timestamp inside the title's own element (`标题 [原创 2011-03-05 10:21:33]`) opens the zone
  const stamp = titleStamp && lines[titleLine] ? [{ ...lines[titleLine], text: titleStamp }] : [];
  let from: number;
  let stop: number;
  if (titleLine >= 0) {
    from = titleLine + 1;
    stop = bodyStart > titleLine ? Math.min(bodyStart, titleLine + 16) : titleLine + 10;
  } else if (bodyStart > 0) {
    from = Math.max(0, bodyStart - 12);
    stop = bodyStart;
  } else return [];
  if (stop === bodyStart)
    // (up to three: a BBS post opens with 发信人, 标题 and 发信站)
    while (stop < bodyStart + 3 && lines[stop] && bylineShaped(lines[stop]!.text)) stop++;
  return [...stamp, ...lines.slice(from, stop)];
}

/**
 * The body's first line of prose, for the excerpt: not a caption or a table cell (an encyclopedia's
 * infobox, a photo's credit above the lead), unless the body has nothing else.
 */
function leadLine(root: Element, lines: readonly Line[]): Line | undefined {
  const long = lines.filter((l) => l.text.length > 20);
  return (
    long.find((l) => {
      const aside = l.el.closest('table, figure, figcaption');
      return !aside || !root.contains(aside) || aside === root;
    }) ?? long[0]
  );
}

/**
 * The summary line right above the body (up to three lines above it, below the title), when the body
 * neither holds it nor opens with its words (a CMS's excerpt of the first paragraph, maybe cut
 * short): a channel menu between the byline and the summary puts it past the head zone.
 */
function summaryAbove(ctx: ExtractContext): Line | null {
  if (ctx.bodyStart < 1) return null;
  const from = Math.max(ctx.titleLine + 1, ctx.bodyStart - 3);
  for (const line of ctx.lines.slice(from, ctx.bodyStart)) {
    const words = summaryWords(line.text);
    // (a line of links after such a label is a portal's list of other stories: 导读：…)
    if (!words || line.text.length > 1_000 || line.linkChars * 2 > line.text.length) continue;
    const key = looseKey(words);
    return ctx.bodyLines.slice(0, 5).some((l) => looseKey(l.text).includes(key)) ? null : line;
  }
  return null;
}

function images(root: Element): ArticleImage[] {
  const out: ArticleImage[] = [];
  for (const img of root.querySelectorAll('img[src]')) {
    if (out.length >= 500) break;
    const src = img.getAttribute('src')!;
    if (src.length > 100_000) continue;
    const figure = img.closest('figure');
    const caption = figure ? collapseSpace(figure.querySelector('figcaption')?.textContent ?? '') : '';
    out.push({ src, alt: collapseSpace(img.getAttribute('alt') ?? '') || null, caption: caption || null });
  }
  return out;
}

/** The body: the user's selection, the rule's container, Readability, or the page's prose lines. */
function findBody(
  document: Document,
  lines: Line[],
  stats: LineStats,
  rules: Array<SiteRule | CmsRule | null>,
  chinese: boolean,
  options: ExtractOptions,
  articleBody: string | null,
): BodyResult {
  const limits = options.limits ?? READABILITY_LIMITS;
  let body: BodyResult | null = null;
  if (options.selection) body = bodyFromSelection(document, options.selection);
  else if (stats.elements > limits.maxElements || stats.maxDepth > limits.maxDepth) {
    body = bodyFromLines(document, lines);
  } else {
    try {
      const clone = readableCopy(document);
      for (const rule of rules) if (!body && rule?.body) body = bodyFromRule(clone, rule.body);
      if (!body) {
        body = bodyFromReadability(clone, chinese);
        // a feed's card taken for a short story: read the page again without the feed's cards
        const uncarded = body && isLinkedCard(body.el, lines) && withoutLinkedCards(document);
        if (uncarded) body = bodyFromReadability(uncarded, chinese) ?? body;
        if (body) rejoinSplitStory(document, body.el);
        // a short story's comment thread or feed, taken for it: the story is right above
        const list = body && chinese ? itemListIn(body.el) : null;
        const story = list && storyAboveList(document, lines, list);
        if (body && story) body = { ...story, readabilityTitle: body.readabilityTitle };
      }
      if (body?.via !== 'rule' && stats.styleHidden) body = bodyFromHiddenArticle(document, chinese, body);
      if (body?.via !== 'rule') body = bodyFromEmbeddedData(document, chinese, body, articleBody);
    } catch (error) {
      // Too deep to clone or for Readability's recursion (RangeError), or over its element cap
      if (!(error instanceof RangeError) && !/Aborting parsing/.test(String((error as Error)?.message)))
        throw error;
      body = bodyFromLines(document, lines);
    }
  }
  if (!body) throw new NoArticleError('no readable article on this page');
  return body;
}

/** Where the body came from: the site's or the CMS's rule, the page's embedded data, or the page. */
function bodyOrigin(body: BodyResult, site: SiteRule | null): Origin {
  if (body.via === 'rule') return site ? 'site-rule' : 'cms-rule';
  return body.via === 'embedded' ? 'metadata' : 'page';
}

/** The <base href> the page's relative URLs resolve against. */
function baseUrlOf(document: Document, url: string): string {
  // getElementsByTagName: no selector engine for a lookup on every clip
  const baseHref = [...document.getElementsByTagName('base')]
    .find((b) => b.hasAttribute('href'))
    ?.getAttribute('href');
  if (!baseHref) return url;
  try {
    return new URL(baseHref, url).toString();
  } catch {
    return url;
  }
}

export interface ExplainedArticle {
  article: Article;
  /** where each field's value came from (site rule, CMS rule, metadata, page) */
  origins: ExtractContext['origins'];
}

export function extractArticle(document: Document, url: string, options: ExtractOptions = {}): Article {
  return explainArticle(document, url, options).article;
}

/**
 * extractArticle with the origin of each field. The steps run in order over one context: body →
 * title block → byline zone → cleaned body and the lines after it → publish date, editors, source,
 * authors → section, id, lang.
 */
export function explainArticle(
  document: Document,
  url: string,
  options: ExtractOptions = {},
): ExplainedArticle {
  const win = document.defaultView;
  if (!win) throw new Error('extractArticle needs a document with a window (defaultView)');
  const root = document.body ?? document.documentElement;
  if (!root) throw new NoArticleError('the page is empty');
  const site = ruleFor(url, options.rules);
  const cms = site ? null : cmsRuleFor(document, url, options.cmsRules);
  const meta = readMetadata(document, url);
  const stats: LineStats = { elements: 0, maxDepth: 0 };
  const lines = collectLines(root, { spaceInline: true, stats });
  const pageSample = proseOf(lines.slice(0, 400));
  const tld = topLevelDomain(url);
  const language = pageLanguage(document, tld, pageSample);
  const chinese = language === 'zh';
  const body = findBody(document, lines, stats, [site, cms], chinese, options, meta.articleBody);

  const ctx: ExtractContext = {
    doc: document,
    url,
    site,
    cms,
    hooks: { site: runHook(site, document, url), cms: runHook(cms, document, url) },
    meta,
    lines,
    language,
    dates: {
      ...siteZone(language, tld, lines),
      now: options.now ?? new Date(),
    },
    body,
    bodyLines: collectLines(body.el),
    titleLine: -1,
    bodyStart: -1,
    head: [],
    tail: [],
    textLines: [],
    titleKeys: new Set(),
    knownKeys: new Set(),
    origins: { body: bodyOrigin(body, site) },
  };

  // a first guess, for a title the <title> does not announce (the heading right above the body)
  ctx.bodyStart = lineIndexOf(lines, ctx.bodyLines[0]?.text, 0);
  const { title, kicker, subtitle, titleLine, stamp } = resolveTitle(ctx);
  ctx.titleLine = titleLine;
  ctx.bodyStart = bodyStartIndex(lines, ctx.bodyLines, titleLine);
  ctx.head = headZone(lines, titleLine, ctx.bodyStart, stamp);
  // the title block, kept in its own fields, is not body text on any page
  // (and the title row with its stamp: `标题 [原创 2009-03-05 10:23:45]`)
  const titleKeys = [title, kicker, subtitle, stamp && `${title}${stamp}`].flatMap((text) =>
    text ? [looseKey(text)] : [],
  );
  for (const key of titleKeys) {
    ctx.titleKeys.add(key);
    ctx.knownKeys.add(key);
  }
  // byline and date lines under the title are not body text when Readability repeats them
  for (const { line, byline } of zoneBylines(ctx))
    if (
      // a sentence that opens with a dateline (新华网北京5月12日电 …。) is body text all the same
      !/[。！？]/.test(line.text) &&
      (byline.source ||
        byline.authors.length ||
        byline.editors.length ||
        byline.dateText ||
        parseDate(line.text, ctx.dates))
    )
      ctx.knownKeys.add(looseKey(line.text));

  // an editor's summary boxed between the byline and the body is the article's opening
  const summary = body.via === 'readability' || body.via === 'lines' ? summaryAbove(ctx) : null;
  if (summary) {
    const p = body.el.ownerDocument.createElement('p');
    p.textContent = summary.text;
    body.el.prepend(p);
  }

  // Clean the body, then read what follows it on the page (编辑：…, 本文来源：…)
  const cleanRule = site ?? cms;
  cleanBody(body.el, {
    baseUrl: baseUrlOf(document, url),
    remove: cleanRule?.remove ? [...cleanRule.remove] : undefined,
    // on other pages only the title block: their bylines are read by the Western rules
    knownKeys: chinese || body.via !== 'readability' ? ctx.knownKeys : ctx.titleKeys,
    trimTeasers: body.via === 'readability' && chinese,
    teasers: chinese ? teaserSummaries(lines) : undefined,
    chinese,
    titleKey: looseKey(title),
  });
  const cleanLines = collectLines(body.el);
  ctx.textLines = cleanLines;
  const text = cleanLines.map((l) => l.text).join('\n');
  if (!text.trim()) throw new NoArticleError('no readable article on this page');
  const bodyEnd = lineIndexOf(lines, cleanLines.at(-1)?.text, Math.max(0, ctx.bodyStart));
  ctx.tail = bodyEnd >= 0 ? storyTail(lines.slice(bodyEnd + 1, bodyEnd + 12)) : [];

  // after the tail is known: a blog's date can stand in the line right after the post
  const date = resolvePublished(ctx);

  const editors = resolveEditors(ctx);
  // (a template that declares the headline as the site's name, `application-name`, declares none)
  const declaredSite = meta.siteName && looseKey(meta.siteName) !== looseKey(title) ? meta.siteName : null;
  const siteName =
    declaredSite ?? titleSuffix(document.title ?? '', title) ?? titleOnlySiteName(document, url, title);
  const source = resolveSource(ctx, title, siteName);
  const authors = resolveAuthors(ctx, source, editors, siteName);
  const section = resolveSection(ctx, title);
  const articleId = articleIdFromUrl(url, site?.articleId ?? cms?.articleId) ?? meta.articleId;
  const contentHtml = sanitizeHtml((body.el as Element).innerHTML, win as unknown as SanitizeWindow);
  const names = (values: readonly string[]) =>
    unique(values.map((v) => truncate(cleanName(v), 200)))
      .filter(Boolean)
      .slice(0, 100);
  const article: Article = {
    title,
    kicker,
    subtitle,
    authors: names(authors),
    editors: names(editors),
    source,
    siteName: siteName ? truncate(siteName, 500) : null,
    publishedAt: date?.iso ?? null,
    publishedRaw: date ? truncate(date.raw, 500) : null,
    publishedPrecision: date?.precision ?? null,
    section: names(section),
    articleId: articleId ? truncate(articleId, 200) : null,
    url,
    // the <link rel=canonical>, og:url and url, resolved (readMetadata read them; not read again here)
    canonicalUrl: canonicalUrlFor(url, meta.canonical),
    lang: articleLanguage(
      meta.lang ? truncate(meta.lang, 50) : null,
      `${title}\n${proseOf(cleanLines).slice(0, 5_000)}`,
    ),
    excerpt: truncate(meta.description ?? leadLine(body.el, cleanLines)?.text ?? '', 300) || null,
    contentHtml,
    textContent: text,
    images: images(body.el),
    pages: findPages(document, url),
    extractor: site ? `rule:${site.name}` : cms ? `cms:${cms.name}` : 'generic',
  };
  return { article, origins: ctx.origins };
}
