/**
 * Title, kicker (引题) and subtitle (副题). The title is the page heading that matches what the
 * <title> or metadata announce; failing that, the metadata title or <title> minus its
 * site/channel suffix — never the raw <title> when a better one exists.
 */
import { siteOf } from '../model/canonical-url';
import { isBylineLine } from './byline';
import { isRelatedHeading } from './clean';
import { isFurniture } from './furniture';
import { BROWSER_UI, type Line } from './lines';
import { collapseSpace, looseKey } from './text';

export interface TitleResult {
  title: string;
  /** the element showing the title, when it is on the page */
  el: Element | null;
}

/**
 * Between a <title>'s headline and its site or channel. A bare hyphen only as the last one
 * (`标题-中国吉林网`, `…GPU-EDN 电子技术设计`) and never between digits (a range: `1-10月…`), and in a
 * title without Chinese not inside a word (`Self-driving`, `aria-hidden`, `COVID-19`): there a
 * site's name stands after a spaced dash.
 */
const suffixSeparator = (bareHyphen: string) =>
  new RegExp(String.raw`\s*(?:_|\||｜|│|–|—|－|--+|\s-\s|\s[─━]\s|${bareHyphen}(?=[^-]*$)|::)\s*`);
const SUFFIX_SEPARATOR = suffixSeparator(String.raw`(?:(?<!\d)-|-(?!\d))`);
const LATIN_SUFFIX_SEPARATOR = suffixSeparator(String.raw`(?:(?<![A-Za-z\d])-|-(?![A-Za-z\d]))`);
/** Keywords some CMSs append to the headline in <title>: `标题-中国,嫦娥五号,月球,航天` */
const KEYWORD_TAIL = /\s*[-_]\s*[^-_,，、\s]{1,12}(?:\s*[,，、]\s*[^-_,，、\s]{1,12}){2,}\s*$/;

/** The parts of a <title> between its separators (`标题_新闻中心_新浪网` → 标题, 新闻中心, 新浪网). */
export function titleParts(raw: string): string[] {
  const separator = /[\u3400-\u9fff\u3040-\u30ff]/u.test(raw) ? SUFFIX_SEPARATOR : LATIN_SUFFIX_SEPARATOR;
  return collapseSpace(raw).split(separator).filter(Boolean);
}

/** `<title>` minus site/channel suffixes (`标题_新浪新闻`, `标题 - 中国吉林网`, `标题 | 观察者网`). */
export function stripTitleSuffix(raw: string): string {
  const parts = titleParts(raw);
  if (parts.length < 2) return collapseSpace(raw);
  const first = parts[0]!.replace(KEYWORD_TAIL, '') || parts[0]!;
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return first.length >= Math.min(8, longest.length) ? first : longest;
}

/**
 * Blog platforms that print the blog's name beside their own in a post's <title>
 * (`post - 驴友小王 - 博客园`, `post_51CTO博客_驴友小王`, `post - 驴友小王 - 凤凰博报`).
 */
export const BLOG_PLATFORM =
  /^(博客园|博客大巴|ITeye|简书|掘金|思否|SegmentFault|QQ空间|百度空间|MSN\s?Spaces|Windows Live Spaces|\S{0,12}(?:博客|部落格|博报|博報|blog))$/i;

/** A Chinese platform's <title> that names the blog's owner last: `post_51CTO博客_驴友小王`. */
export function ownerAfterPlatform(parts: readonly string[]): string | null {
  const [, platform, owner] = parts;
  return parts.length === 3 &&
    /[\u4e00-\u9fff]/.test(platform!) &&
    BLOG_PLATFORM.test(platform!) &&
    !BLOG_PLATFORM.test(owner!)
    ? owner!
    : null;
}

/** A web address as a word of its own (`SETN.COM`, `udn.com`, `www.example.com.tw`). */
const WEB_ADDRESS_WORD =
  /(?<=^|\s)[a-z\d-]+(?:\.[a-z\d-]+)*\.(?:com|net|org|cn|tw|hk|mo|sg|tv|cc|info)(?:\.[a-z]{2})?(?=\s|$)/gi;

const NAME_CONNECTOR = /^(of|the|and|for|de|la|le|du|des|der|di|del|y|e)$/;

/** A channel's name (社會新聞, 即時新聞頻道, 港聞): after the site's in `标题｜香港01｜社會新聞`. */
const CHANNEL_NAME =
  /^(?:即時|即时|社會|社会|國際|国际|財經|财经|娛樂|娱乐|體育|体育|科技|生活|地方|政治|兩岸|两岸|港澳|港聞|港闻|國內|国内|軍事|军事|健康|教育|文化|旅遊|旅游|汽車|汽车|房產|房产|要聞|要闻|時事|时事|本地)(?:新聞|新闻|資訊|资讯)?(?:頻道|频道)?$|(?:頻道|频道|栏目|欄目|专区|專區)$/u;

/**
 * The site's name as the <title> ends with it (`标题 | 蘋果日報`), or begins with it when the headline
 * comes last (`人民网--标题`), when it is short enough to be one. With the page's `headline`, the end
 * that is the headline is never the name (`示例日报数字报-4月份CPI同比上涨0.1%`).
 */
export function titleSuffix(raw: string, headline = ''): string | null {
  // the software's credit after the site's name (`… - 长春论坛 - Powered by Discuz!`) is not it
  const parts = titleParts(raw).filter((part, i) => i === 0 || !/^powered by\b/i.test(part));
  if (parts.length < 2) return null;
  const first = parts[0]!;
  const last = parts.at(-1)!;
  const key = looseKey(headline);
  const isHeadline = (part: string) => !!key && looseKey(part) === key;
  // the end that is not the headline; knowing neither, the end short enough to be a name
  let name = last;
  if (isHeadline(last)) name = first;
  // a blog's owner after the platform (`post_51CTO博客_驴友小王`): the platform is the site
  else if (ownerAfterPlatform(parts)) name = parts[1]!;
  else if (!isHeadline(first) && last.length > 20 && first.length <= 12) name = first;
  else if (parts.length >= 3 && CHANNEL_NAME.test(last)) name = parts.at(-2)!;
  if (isHeadline(name)) return null;
  // the site's web address beside its Chinese name (三立新聞網 SETN.COM, udn.com 聯合新聞網) is no part of it
  if (/[\u3400-\u9fff]/.test(name)) name = collapseSpace(name.replace(WEB_ADDRESS_WORD, ' ')) || name;
  // (Latin names run longer: South China Morning Post, People's Daily Online)
  if (name.length < 2 || name.length > (/[\u3400-\u9fff]/.test(name) ? 20 : 32)) return null;
  // `吉林公安 梁欢欢 2840720` (channel, editor, id) is template furniture, not a name; a brand's
  // Latin words are part of it (鏡週刊 Mirror Media)
  const words = name.split(/\s+/);
  const cjkWords = words.filter((word) => /[\u3400-\u9fff]/.test(word));
  if (/\d{3,}/.test(name) || cjkWords.length > 2) return null;
  // a Latin name starts capitalised, and a long one is capitalised word by word (The New York Times,
  // Times of India, E! Online); a phrase is not (`What's Up at SpaceX?`, `Powered by Discuz!`)
  const latinWords = words.filter((word) => !cjkWords.includes(word));
  const capitalised = (word: string) => /^[A-Z0-9&]/.test(word) || NAME_CONNECTOR.test(word);
  if (/[?:：]/.test(name) || (latinWords.length > 1 && !/^[A-Z0-9]/.test(latinWords[0]!))) return null;
  if ((latinWords.length > 2 || name.length > 20) && !latinWords.every(capitalised)) return null;
  return name;
}

/** A site's front page: its root, or the root's index file. */
const FRONT_PAGE_PATH = /^\/(?:(?:index|default)\.\w{2,5})?$/i;

/** Whether `href` leads to the front page of the site `pageUrl` is on (www.x.cn from news.x.cn too). */
function isSiteFrontPage(href: string, pageUrl: string): boolean {
  if (!URL.canParse(href, pageUrl) || !URL.canParse(pageUrl)) return false;
  const target = new URL(href, pageUrl);
  return (
    FRONT_PAGE_PATH.test(target.pathname) && siteOf(target.hostname) === siteOf(new URL(pageUrl).hostname)
  );
}

/** How much two texts share, by their pairs of adjacent characters (Dice's coefficient, 0 to 1). */
function sharedPairs(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const pair = a.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const pair = b.slice(i, i + 2);
    const left = pairs.get(pair) ?? 0;
    if (left > 0) {
      shared++;
      pairs.set(pair, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** A heading whose words are a link to the site's front page (a logo's `<h1><a href="/">…`). */
function isFrontPageLink(el: Element, pageUrl: string): boolean {
  const link = el.closest('a[href]') ?? el.querySelector('a[href]');
  return (
    !!link &&
    looseKey(link.textContent ?? '') === looseKey(el.textContent ?? '') &&
    isSiteFrontPage(link.getAttribute('href')!, pageUrl)
  );
}

/**
 * A `<title>` that is only the site's name, on a template that never prints the headline there
 * (`自由時報電子報` on every page): it is the name when a link to the site's front page says so, in
 * its words, its title or its logo's alt text. A channel's name (`新闻中心`) has no such link.
 */
export function titleOnlySiteName(doc: Document, pageUrl: string, headline: string): string | null {
  const raw = collapseSpace(doc.title ?? '');
  const key = looseKey(raw);
  if (!key || raw.length > 32 || titleParts(raw).length !== 1 || looseKey(headline).includes(key))
    return null;
  for (const link of doc.querySelectorAll('a[href]')) {
    const names = [link.textContent, link.getAttribute('title')];
    for (const img of link.querySelectorAll('img[alt]')) names.push(img.getAttribute('alt'));
    // (the cheap test first: most links name something else)
    if (
      names.some((name) => name && looseKey(name) === key) &&
      isSiteFrontPage(link.getAttribute('href')!, pageUrl)
    )
      return raw;
  }
  return null;
}

const DATEISH = /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}:\d{2}/;
/** A line that is mostly a date (发布时间：2019-05-18 10:00 浏览：12): not a heading */
const DATELINE = /^.{0,12}(19|20)\d{2}\s*[-/.年]\s*\d{1,2}/;
// `bt` is 标题's pinyin initials, as templates spell it (news_bt, article-bt)
const TITLE_HINT = /title|headline|biaoti|(^|[-_\s])(tit|bt)([-_\s]|$)/i;
const NAV_HINT = /(^|[-_\s])(nav|menu|footer)/i;
/** A heading named for the section the page is in (`pagecategory`, `column-title`, `lanmu`): no headline. */
const SECTION_HEADING = /categor|column|channel|lanmu|(^|[-_\s])section/i;
const isSectionHeading = (el: Element) => SECTION_HEADING.test(`${el.getAttribute('class') ?? ''} ${el.id}`);

/** The page's own headings matching `selector`: none of a browser's translation UI (BROWSER_UI). */
function pageHeadings(doc: Document, selector: string): Element[] {
  const headings = [...doc.querySelectorAll(selector)];
  // (one lookup for the UI, usually absent, rather than an ancestor walk per heading)
  const ui = [...doc.querySelectorAll(BROWSER_UI)];
  return ui.length ? headings.filter((heading) => !ui.some((box) => box.contains(heading))) : headings;
}

/** Heading elements and elements named like titles, from the page's lines (cheap: no selector scan). */
function headingCandidates(doc: Document, lines: Line[]): Element[] {
  const out = new Set<Element>(pageHeadings(doc, 'h1, h2, h3'));
  for (const line of lines.slice(0, 1_500)) {
    if (line.text.length < 4 || line.text.length > 200 || line.linkChars > line.text.length / 2) continue;
    let el: Element | null = line.el;
    for (let depth = 0; el && depth < 2; depth++, el = el.parentElement) {
      if (TITLE_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
        out.add(el);
        break;
      }
    }
  }
  return [...out];
}

function insideNavigation(el: Element): boolean {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 6; depth++, cur = cur.parentElement) {
    if (/^(A|NAV|FOOTER)$/.test(cur.tagName)) return true;
    // a list item is navigation unless it is a layout cell holding the article
    if (cur.tagName === 'LI' && (cur.textContent ?? '').length < 600) return true;
    if (NAV_HINT.test(cur.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** A heading's text; a line break in it (长白山冰雪季开幕<br>游客同比增长三成) reads as a space. */
function textOf(el: Element): string {
  if (!el.getElementsByTagName('br').length) return collapseSpace(el.textContent ?? '');
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    text += node.nodeType === 3 ? node.nodeValue : (node as Element).tagName === 'BR' ? ' ' : '';
  return collapseSpace(text);
}

/** Type set as a heading without one's tag: bold or enlarged (`<p><strong><font size="4">`). */
const HEADING_TYPE = 'strong, b, big, font[size]';

/** A line whose whole text is set as a heading (HEADING_TYPE), as table-layout pages print headlines. */
function setAsHeading(el: Element, text: string): boolean {
  const type = el.matches(HEADING_TYPE) ? el : el.querySelector(HEADING_TYPE);
  return !!type && looseKey(type.textContent ?? '') === looseKey(text);
}

/**
 * The heading right above the body, for pages whose <title> names only the channel and site
 * (`新闻动态--中国地理学会官网`): the nearest heading, title-named element or line set in heading type
 * among the few lines before the body, skipping the date and byline lines between them.
 */
function headingAboveBody(lines: Line[], bodyStart: number): Element | null {
  const headingOf = (line: Line) => line.el.closest('h1, h2, h3, h4, h5, h6') ?? line.el;
  // (type set as a heading only above the body: a wire story's body opens with its headline stack
  // in bold, `…座谈会强调`, not the headline itself)
  const headline = (line: Line, typeCounts = false): Element | null => {
    const el = headingOf(line);
    const named =
      /^H[1-6]$/.test(el.tagName) ||
      TITLE_HINT.test(`${el.getAttribute('class') ?? ''} ${el.id}`) ||
      (typeCounts && setAsHeading(el, line.text));
    const fits = line.text.length >= 6 && line.text.length <= 120 && !line.linkChars && !line.inList;
    return named && fits && !isSectionHeading(el) && !insideNavigation(el) ? el : null;
  };
  // Readability's body may begin with the headline itself, maybe under its section's name
  const at = lines[bodyStart] && isSectionHeading(headingOf(lines[bodyStart])) ? bodyStart + 1 : bodyStart;
  const opening = lines[at] ? headline(lines[at]) : null;
  if (opening) return opening;
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - 6; i--) {
    const line = lines[i]!;
    if (DATELINE.test(line.text) || isBylineLine(line.text)) continue;
    return headline(line, true);
  }
  return null;
}

/**
 * A timestamp printed inside the title's own element, after the headline (a blog's
 * `关于物价的一点想法 [原创 2011-03-05 10:21:33]`): a date with its time of day, in brackets with a
 * short note, or after a space and at most a label. A date without a time (`吹风会（2023年5月12日）`)
 * is part of a headline.
 */
const STAMP_DATE_TIME = String.raw`(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?`;
const STAMP_LABEL = '(?:原创|原創|转载|轉載|发表于|發表於|发布于|發佈於|发布时间|發布時間|时间|時間)';
const TRAILING_STAMP = new RegExp(
  String.raw`(?:[[【(（][^[【(（\]】)）]{0,12}?${STAMP_DATE_TIME}\s*[\]】)）]|\s(?:${STAMP_LABEL}[:：]?\s*)?${STAMP_DATE_TIME})\s*$`,
);

/** The headline without a timestamp after it, and that timestamp ('' when there is none). */
export function splitTrailingStamp(text: string): { headline: string; stamp: string } {
  const m = TRAILING_STAMP.exec(text);
  if (!m || m.index < 4) return { headline: text, stamp: '' };
  return { headline: text.slice(0, m.index).trim(), stamp: m[0].trim() };
}

/**
 * The headline without a badge its heading carries in an element of its own (`<span class="tag">原创
 * </span>`, 独家, 置顶; a styled 热 after it) when the <title> or og:title announces the headline
 * without it; null otherwise. Only a whole short child at either end.
 */
/**
 * A heading's text without the page's widgets set in it after the headline (<h1>标题<span>【字号 大 中
 * 小】</span></h1>), unless the <title> or metadata announce the headline with them (`…纷纷收藏`).
 * Only in h1–h3: a box holding the headline and its byline keeps them both; a timestamp stays for
 * splitTrailingStamp.
 */
function headingText(el: Element, announced: readonly string[]): string {
  const text = textOf(el);
  if (!/^H[1-3]$/.test(el.tagName)) return text;
  const last = el.lastElementChild;
  const widget = last ? collapseSpace(last.textContent ?? '') : '';
  if (!widget || widget === text || !text.endsWith(widget) || /\d/.test(widget) || !isFurniture(widget))
    return text;
  const key = looseKey(text);
  return announced.some((one) => one && one.startsWith(key)) ? text : text.slice(0, -widget.length).trim();
}

function withoutBadge(el: Element, text: string, announced: string[]): string | null {
  const first = el.firstElementChild;
  const last = el.lastElementChild;
  for (const badge of new Set([first, last])) {
    if (!badge) continue;
    const badgeText = collapseSpace(badge.textContent ?? '');
    if (!badgeText || badgeText.length > 6 || badgeText === text) continue;
    const rest =
      badge === first && text.startsWith(badgeText)
        ? text.slice(badgeText.length)
        : // at the end only a styled badge (热, 新): a plain span there may end the headline itself
          badge === last && badge.hasAttribute('class') && text.endsWith(badgeText)
          ? text.slice(0, -badgeText.length)
          : null;
    const restKey = rest ? looseKey(rest) : '';
    if (restKey.length >= 6 && announced.some((key) => key && (key === restKey || key.startsWith(restKey))))
      return rest!.trim();
  }
  return null;
}

/**
 * The headline before a line break in its element when the <title> or og:title announces exactly
 * that part: the rest is a subtitle set in the same heading (`标题<br><span>——副题</span>`). A
 * headline broken over two lines that the <title> gives whole stays whole.
 */
function headlineBeforeBreak(el: Element, announced: string[]): string | null {
  const br = el.getElementsByTagName('br')[0];
  if (!br) return null;
  const range = el.ownerDocument.createRange();
  range.setStart(el, 0);
  range.setEndBefore(br);
  const before = collapseSpace(range.toString());
  const key = looseKey(before);
  return key.length >= 6 && announced.includes(key) ? before : null;
}

export function findTitle(
  doc: Document,
  lines: Line[],
  candidates: { meta: string | null; readability: string | null; bodyStart?: number; url?: string },
): TitleResult {
  const url = candidates.url ?? doc.URL;
  const docTitle = collapseSpace(doc.title ?? '');
  const docKey = looseKey(docTitle);
  const metaKey = looseKey(candidates.meta ?? '');
  // the headline part of the <title> (before the channel and site)
  const partKey = looseKey(titleParts(docTitle)[0] ?? '');
  let best: { el: Element; text: string; score: number } | null = null;
  let seen = 0;
  for (const el of headingCandidates(doc, lines)) {
    if (++seen > 300) break;
    const text = headingText(el, [docKey, metaKey]);
    if (text.length < 4 || text.length > 200) continue;
    // (a blog's title row stamped with the post's time: `标题 [原创 2009-03-05 10:23:45]`)
    const key = looseKey(splitTrailingStamp(text).headline);
    if (key.length < 4) continue;
    // the announced headline with a badge or a subtitle beside it in the same heading
    const unbadged = withoutBadge(el, text, [docKey, metaKey]) ?? headlineBeforeBreak(el, [partKey, metaKey]);
    if (unbadged) return { title: unbadged, el: el.closest('h1, h2, h3') ?? el };
    let score = 0;
    if (key === metaKey || key === docKey) score = 3;
    else if (docKey.startsWith(key) || (metaKey && metaKey.startsWith(key))) score = 2;
    // inside the announced title only as a good part of it: a section or site name printed as a
    // heading (`The Two-Way` in `Dylann Roof Convicted … : The Two-Way : NPR`, `India`) is not it
    else if (
      [docKey, metaKey].some((announced) => announced.includes(key) && key.length * 5 >= announced.length * 2)
    )
      score = 1;
    if (!score) continue;
    // after the score: most candidates name nothing of the title, and the ancestor walk costs more
    if (el.tagName !== 'H1' && insideNavigation(el)) continue;
    // the site's logo set as a heading, its name linking to the front page, where the <title> is
    // only that name
    if (isFrontPageLink(el, url)) continue;
    score = score * 1000 + key.length + (el.tagName === 'H1' ? 50 : /^H[23]$/.test(el.tagName) ? 20 : 0);
    // the innermost element that carries the text (h1 > span): prefer the heading itself
    if (!best || score > best.score) best = { el, text, score };
  }
  if (best) {
    const heading = best.el.closest('h1, h2, h3');
    return { title: best.text, el: heading && textOf(heading) === best.text ? heading : best.el };
  }
  // (the site's logo set as an h1 is none of them)
  const h1s = pageHeadings(doc, 'h1').filter((h1) => !isFrontPageLink(h1, url));
  if (h1s.length === 1 && !isSectionHeading(h1s[0]!)) {
    const text = headingText(h1s[0]!, [docKey, metaKey]);
    if (text.length >= 6 && text.length <= 200 && !h1s[0]!.closest('a')) return { title: text, el: h1s[0]! };
  }
  // A heading opening a body that starts the page may be its first section ("Test Case 1"): taken
  // only when the <title> is made of short parts (channel, site) and says nothing of the article.
  const start = candidates.bodyStart ?? -1;
  // (an address names nothing: a blog's <title> may be its name and URL, `老树 [http://laoshu.qzone.qq.com]`)
  const namesNoArticle = titleParts(
    docTitle.replace(/[[(（【]?\s*(?:https?:\/\/|www\.)[^\s\])）】]*\s*[\])）】]?/g, ''),
  ).every((part) => part.length <= 12);
  if (start > 0 || (start === 0 && namesNoArticle)) {
    const above = headingAboveBody(lines, start);
    // where the metadata announces a title, the heading is the headline only when it tells the same
    // story in other words (a shortened or reworded social title: `长白山冰雪季开幕` over the page's
    // `长白山冰雪季今日开幕 游客同比增长三成`)
    if (
      above &&
      (!candidates.meta || [metaKey, partKey].some((key) => sharedPairs(key, looseKey(textOf(above))) >= 0.5))
    )
      return { title: textOf(above), el: above };
  }
  const fallback = candidates.meta ?? candidates.readability ?? stripTitleSuffix(docTitle);
  return { title: stripTitleSuffix(fallback), el: null };
}

const KICKER_HINT =
  /kicker|eyebrow|yinti|(^|[-_\s])yt([-_\s]|$)|pre-?title|overline|super-?title|sup-?title|intro-?title/i;
const SUBTITLE_HINT =
  /sub-?title|sub-?head|futi|fubiaoti|(^|[-_\s])ft([-_\s]|$)|deck|(^|[-_\s])dek([-_\s]|$)|second-?title|standfirst|article-?excerpt/i;

function hint(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

function near(a: Element, b: Element): boolean {
  // siblings, or children of siblings/parents within two levels
  const pa = a.parentElement;
  const pb = b.parentElement;
  return (
    pa === pb ||
    pa === pb?.parentElement ||
    pa?.parentElement === pb ||
    pa?.parentElement === pb?.parentElement
  );
}

function plausible(line: Line | undefined, titleEl: Element, minLen = 4): line is Line {
  if (!line) return false;
  const text = line.text;
  return (
    text.length >= minLen &&
    text.length <= 120 &&
    line.linkChars === 0 &&
    !line.inList &&
    !DATEISH.test(text) &&
    !isBylineLine(text) &&
    !isRelatedHeading(text) &&
    !/位置|首页\s*[>»]/.test(text) &&
    !titleEl.contains(line.el) &&
    !line.el.contains(titleEl) &&
    near(line.el, titleEl)
  );
}

/** 引题 above and 副题 below the title element. */
export function findKickerAndSubtitle(
  lines: Line[],
  titleEl: Element | null,
  trustAdjacent: boolean,
): { kicker: string | null; subtitle: string | null; titleLine: number } {
  if (!titleEl) return { kicker: null, subtitle: null, titleLine: -1 };
  let first = -1;
  let last = -1;
  for (const line of lines) {
    if (line.el === titleEl || titleEl.contains(line.el)) {
      if (first < 0) first = line.index;
      last = line.index;
    } else if (first >= 0) break;
  }
  if (first < 0) return { kicker: null, subtitle: null, titleLine: -1 };
  const before = lines[first - 1];
  const after = lines[last + 1];
  let kicker: string | null = null;
  let subtitle: string | null = null;
  if (plausible(before, titleEl)) {
    const el = before.el;
    if (
      trustAdjacent ||
      /^H[2-6]$/.test(el.tagName) ||
      KICKER_HINT.test(hint(el)) ||
      /[:：]$/.test(before.text)
    )
      kicker = before.text.replace(/\s*[:：]$/, '');
  }
  if (plausible(after, titleEl)) {
    const el = after.el;
    if (
      trustAdjacent ||
      /^H[2-6]$/.test(el.tagName) ||
      SUBTITLE_HINT.test(hint(el)) ||
      /^(——|--|—)/.test(after.text)
    )
      subtitle = after.text;
  }
  return { kicker, subtitle, titleLine: last };
}
