/**
 * extractArticle(document, url) → Article: the same pure function in the injected script, the
 * unit tests and the CLI. It never modifies `document`: the body is found and cleaned in a clone.
 *
 * Stages (each its own module): site rule (rules/) → embedded metadata (metadata.ts) → body
 * (body.ts, clean.ts) → title, kicker, subtitle (title.ts) → byline around the title and after the
 * body (byline.ts, dates.ts) → breadcrumb (section.ts), article id, pages, images.
 */
import type { Article, ArticleImage } from '../model/article';
import { canonicalUrlFor } from '../model/canonical-url';
import { sanitizeHtml } from '../model/sanitize';
import { articleIdFromUrl } from './article-id';
import {
  bodyFromLines,
  bodyFromReadability,
  bodyFromRule,
  bodyFromSelection,
  READABILITY_LIMITS,
  type BodyResult,
} from './body';
import { isBylineLine, parseByline, splitNames, unlabelledOutlet } from './byline';
import { cleanBody } from './clean';
import { parseDate, parseMachineDate, type DateContext, type PublishDate } from './dates';
import { collectLines, type Line } from './lines';
import { readMetadata } from './metadata';
import { findPages } from './pages';
import { ruleFor, type SiteRule } from './rules';
import { findBreadcrumb, parseBreadcrumb } from './section';
import { cjkRatio, cleanName, collapseSpace, looseKey, truncate, unique } from './text';
import { findKickerAndSubtitle, findTitle, stripTitleSuffix } from './title';

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
  /** above these, the body comes from the page's text lines instead of Readability */
  limits?: { maxElements: number; maxDepth: number };
}

type SanitizeWindow = Parameters<typeof sanitizeHtml>[1];

function firstElement(doc: Document, selectors: readonly string[] | undefined): Element | null {
  for (const selector of selectors ?? []) {
    try {
      const found = [...doc.querySelectorAll(selector)].find((el) => collapseSpace(el.textContent ?? ''));
      if (found) return found;
    } catch {
      // an invalid selector in a rule is skipped, not fatal
    }
  }
  return null;
}

const textOf = (el: Element | null) => (el ? collapseSpace(el.textContent ?? '') : '');

/** The page's language family, for the site zone and the Chinese-only cleaning conventions. */
function pageLanguage(doc: Document, url: string, sample: string): 'zh' | 'ja' | 'ko' | 'other' {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (/^zh/.test(lang)) return 'zh';
  if (/^ja/.test(lang)) return 'ja';
  if (/^ko/.test(lang)) return 'ko';
  // kana or hangul in the text: Japanese or Korean, whatever share of Han characters it has
  if (/[\u3040-\u30ff]{3}/.test(sample)) return 'ja';
  if (/[\uac00-\ud7af]{3}/.test(sample)) return 'ko';
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // keep empty
  }
  // code-heavy Chinese pages have little Han text overall; their title still says which language
  return /\.cn$/i.test(host) || cjkRatio(sample) > 0.3 || cjkRatio(doc.title ?? '') > 0.5 ? 'zh' : 'other';
}

const SITE_OFFSET = { zh: '+08:00', ja: '+09:00', ko: '+09:00', other: '+00:00' } as const;

/** Lines of the page between the title and the body (or just above the body without a title). */
function headZone(lines: Line[], titleLine: number, bodyStart: number): Line[] {
  if (titleLine >= 0) {
    const stop = bodyStart > titleLine ? Math.min(bodyStart, titleLine + 16) : titleLine + 10;
    return lines.slice(titleLine + 1, stop);
  }
  return bodyStart > 0 ? lines.slice(Math.max(0, bodyStart - 12), bodyStart) : [];
}

/** Index of the first page line equal to `text` at or after `from` (-1 when absent). */
function lineIndexOf(lines: Line[], text: string | undefined, from: number): number {
  if (!text) return -1;
  const key = text.replace(/\s+/g, '').slice(0, 40);
  if (!key) return -1;
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const line = lines[i]!.text;
    // page lines carry extra spaces at inline boundaries: compare without spaces
    if (line.charCodeAt(0) === key.charCodeAt(0) && line.replace(/\s+/g, '').startsWith(key)) return i;
  }
  return -1;
}

const DATE_LINE_MAX = 160;

function images(root: Element): ArticleImage[] {
  const out: ArticleImage[] = [];
  for (const img of root.querySelectorAll('img[src]')) {
    if (out.length >= 500) break;
    const src = img.getAttribute('src')!;
    if (src.length > 100_000) continue;
    const figure = img.closest('figure');
    const caption = figure ? textOf(figure.querySelector('figcaption')) : '';
    out.push({ src, alt: collapseSpace(img.getAttribute('alt') ?? '') || null, caption: caption || null });
  }
  return out;
}

export function extractArticle(document: Document, url: string, options: ExtractOptions = {}): Article {
  const win = document.defaultView;
  if (!win) throw new Error('extractArticle needs a document with a window (defaultView)');
  const root = document.body ?? document.documentElement;
  if (!root) throw new NoArticleError('the page is empty');
  const rule = ruleFor(url, options.rules);
  const meta = readMetadata(document, url);
  const stats = { elements: 0, maxDepth: 0 };
  const lines = collectLines(root, { spaceInline: true, stats });
  const limits = options.limits ?? READABILITY_LIMITS;

  const pageSample = lines
    .slice(0, 400)
    .map((l) => l.text)
    .join('');
  const language = pageLanguage(document, url, pageSample);
  const chinese = language === 'zh';

  // Body, in a clone (or an inert copy of the selection)
  let body: BodyResult | null = null;
  if (options.selection) body = bodyFromSelection(document, options.selection);
  else if (stats.elements > limits.maxElements || stats.maxDepth > limits.maxDepth) {
    body = bodyFromLines(document, lines);
  } else {
    try {
      const clone = document.cloneNode(true) as Document;
      if (rule?.body) body = bodyFromRule(clone, rule.body);
      if (!body) body = bodyFromReadability(clone, chinese);
    } catch (error) {
      // Too deep to clone or for Readability's recursion (RangeError), or over its element cap
      if (!(error instanceof RangeError) && !/Aborting parsing/.test(String((error as Error)?.message)))
        throw error;
      body = bodyFromLines(document, lines);
    }
  }
  if (!body) throw new NoArticleError('no readable article on this page');

  // Title, kicker, subtitle
  const ruleTitleEl = firstElement(document, rule?.title);
  const found = ruleTitleEl
    ? { title: textOf(ruleTitleEl), el: ruleTitleEl }
    : findTitle(document, lines, { meta: meta.title, readability: body.readabilityTitle });
  const title = truncate(found.title || stripTitleSuffix(document.title ?? '') || '', 2_000);
  const titleEl = found.el?.closest('h1, h2, h3') ?? found.el;
  const around = findKickerAndSubtitle(lines, titleEl, rule?.titleBlock ?? false);
  const ruleKicker = textOf(firstElement(document, rule?.kicker));
  const ruleSubtitle = textOf(firstElement(document, rule?.subtitle));
  const kicker = ruleKicker || around.kicker || null;
  const subtitle = ruleSubtitle || around.subtitle || null;

  // Where the body sits among the page's lines
  const bodyLines = collectLines(body.el);
  const bodyStart = lineIndexOf(lines, bodyLines[0]?.text, Math.max(0, around.titleLine));
  const head = headZone(lines, around.titleLine, bodyStart);

  const dateContext: DateContext = {
    defaultOffset: SITE_OFFSET[language],
    now: options.now ?? new Date(),
    toSiteZone: language !== 'other',
  };

  // Byline fields: the rule first, then the lines under the title, then the body's first and last lines and what follows the body
  let source: string | null = null;
  const authors: string[] = [];
  const editors: string[] = [];
  let date: PublishDate | null = null;
  const knownKeys = new Set<string>([title, kicker ?? '', subtitle ?? ''].map(looseKey).filter(Boolean));

  const ruleDateEl = firstElement(document, rule?.published);
  if (ruleDateEl) date = parseDate(textOf(ruleDateEl), dateContext);
  const ruleSourceEl = firstElement(document, rule?.source);
  if (ruleSourceEl) {
    const text = textOf(ruleSourceEl);
    source = parseByline(text).source ?? (/[:：]|\d/.test(text) ? null : cleanName(text) || null);
  }
  const ruleAuthorsEl = firstElement(document, rule?.authors);
  if (ruleAuthorsEl) {
    const text = textOf(ruleAuthorsEl);
    const parsed = parseByline(text);
    authors.push(...(parsed.authors.length ? parsed.authors : splitNames(text)));
  }
  const ruleEditorsEl = firstElement(document, rule?.editors);
  if (ruleEditorsEl) {
    const text = textOf(ruleEditorsEl);
    const parsed = parseByline(text);
    editors.push(...(parsed.editors.length ? parsed.editors : splitNames(text)));
  }

  let visibleDate: PublishDate | null = null;
  for (const line of head) {
    if (line.text.length > DATE_LINE_MAX || (line.inList && line.linkChars > line.text.length / 2)) continue;
    const parsed = parseByline(line.text);
    const before = source || authors.length || editors.length;
    if (!source && parsed.source) source = parsed.source;
    if (!authors.length && parsed.authors.length) authors.push(...parsed.authors);
    if (!editors.length && parsed.editors.length) editors.push(...parsed.editors);
    let lineDate: PublishDate | null = null;
    if (!visibleDate && !line.inList) {
      lineDate = parsed.dateText
        ? parseDate(parsed.dateText, dateContext, true)
        : parseDate(line.text, dateContext);
      if (lineDate) visibleDate = lineDate;
    }
    if (lineDate || (!before && (source || authors.length || editors.length)))
      knownKeys.add(looseKey(line.text));
  }
  // The first body lines can carry （记者 张三 李四）; the last ones 编辑：… or 本文来源：…
  const bodyHeadLines = bodyLines.slice(0, 2);
  const bodyTailLines = bodyLines.slice(-6);
  for (const line of bodyHeadLines) {
    // only a byline-shaped start: （记者 张三 李四）, 本报讯（记者 王五）, 文/赵六
    const start = /^[^，。]{0,12}[（(【[]\s*(本报)?(记者|通讯员|文|作者)[^）)】\]]{1,40}[）)】\]]/.exec(
      line.text,
    )?.[0];
    const text = start ?? (isBylineLine(line.text) ? line.text : null);
    if (!text) continue;
    const parsed = parseByline(text);
    if (!authors.length && parsed.authors.length) authors.push(...parsed.authors);
  }

  // Clean the body and serialise it
  let baseUrl = url;
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) {
    try {
      baseUrl = new URL(baseHref, url).toString();
    } catch {
      // keep the page URL
    }
  }
  cleanBody(body.el, {
    baseUrl,
    remove: rule?.remove,
    knownKeys: chinese || body.via !== 'readability' ? knownKeys : new Set(),
    trimTeasers: body.via === 'readability' && chinese,
    chinese,
  });
  const cleanLines = collectLines(body.el);
  const text = cleanLines.map((l) => l.text).join('\n');
  if (!text.trim()) throw new NoArticleError('no readable article on this page');
  // What follows the cleaned body on the page: 编辑：…, 本文来源：…, 责任编辑 in a list
  const bodyEnd = lineIndexOf(lines, cleanLines.at(-1)?.text, Math.max(0, bodyStart));
  const tail = bodyEnd >= 0 ? lines.slice(bodyEnd + 1, bodyEnd + 12) : [];
  for (const line of [...bodyTailLines, ...tail]) {
    if (line.text.length > DATE_LINE_MAX || !isBylineLine(line.text)) continue;
    const parsed = parseByline(line.text);
    if (!editors.length && parsed.editors.length) editors.push(...parsed.editors);
    if (!source && parsed.source) source = parsed.source;
    if (!authors.length && parsed.authors.length && !line.inList) authors.push(...parsed.authors);
  }

  if (!date) {
    const metaDate = meta.published ? parseMachineDate(meta.published, dateContext) : null;
    if (
      visibleDate &&
      metaDate &&
      !visibleDate.hasTime &&
      metaDate.hasTime &&
      metaDate.iso.slice(0, 10) === visibleDate.iso.slice(0, 10)
    )
      date = { ...metaDate, raw: visibleDate.raw };
    else date = visibleDate ?? metaDate;
  }
  if (!source && meta.source) source = cleanName(meta.source) || null;
  if (!source && chinese) {
    const dated = (t: string) =>
      /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}[:：]\d{2}|^(今天|昨天|前天)$|\s(今天|昨天|前天)$/.test(t);
    source = unlabelledOutlet(
      head.filter((l) => !l.inList),
      dated,
      looseKey(title),
    );
  }
  if (!authors.length) {
    const outlets = new Set([source, meta.siteName].filter(Boolean).map((s) => looseKey(s!)));
    const candidates = meta.authors.length
      ? meta.authors
      : body.readabilityByline
        ? [body.readabilityByline]
        : [];
    for (const name of candidates) {
      const cleaned = cleanName(name.replace(/^(by|作者|文)\s*[:：]?\s*/i, ''));
      if (cleaned && cleaned.length <= 100 && !outlets.has(looseKey(cleaned))) authors.push(cleaned);
    }
  }

  // Section and id
  const sectionEl = firstElement(document, rule?.section);
  const section = sectionEl ? parseBreadcrumb(textOf(sectionEl), title) : findBreadcrumb(lines, title);
  if (!section.length) section.push(...meta.section.filter((s) => !/首页/.test(s)));
  const articleId = articleIdFromUrl(url, rule?.articleId) ?? meta.articleId;

  const contentHtml = sanitizeHtml((body.el as Element).innerHTML, win as unknown as SanitizeWindow);

  const declaredCanonical = [
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    ...meta.canonical,
  ];
  const name = (values: string[]) =>
    unique(values.map((v) => truncate(cleanName(v), 200)))
      .filter(Boolean)
      .slice(0, 100);
  const editorList = name(editors);
  return {
    title,
    kicker: kicker ? truncate(kicker, 2_000) : null,
    subtitle: subtitle ? truncate(subtitle, 2_000) : null,
    authors: name(authors).filter((a) => !editorList.includes(a)),
    editors: editorList,
    source: source ? truncate(source, 500) : null,
    siteName: meta.siteName ? truncate(meta.siteName, 500) : null,
    publishedAt: date?.iso ?? null,
    publishedRaw: date ? truncate(date.raw, 500) : null,
    section: name(section),
    articleId: articleId ? truncate(articleId, 200) : null,
    url,
    canonicalUrl: canonicalUrlFor(url, declaredCanonical),
    lang: meta.lang ? truncate(meta.lang, 50) : null,
    excerpt: truncate(meta.description ?? bodyLines.find((l) => l.text.length > 20)?.text ?? '', 300) || null,
    contentHtml,
    textContent: text,
    images: images(body.el),
    pages: findPages(document, url),
    extractor: rule ? `rule:${rule.name}` : 'generic',
  };
}
