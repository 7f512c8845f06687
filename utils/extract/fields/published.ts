/**
 * The publish date. Candidates, most trusted first: the site rule, the CMS rule, the date in the
 * byline zone under the title (a labelled 发布时间：… before a bare date) and embedded metadata
 * (JSON-LD, meta tags, the page's own script data) — visible first on Chinese pages, metadata first
 * elsewhere — then a forum post's date line opening the body, the lines above the title, a forum
 * post's floor under its text and the lines right after the body, then the page's URL. Never a date
 * from a link list, a footer or copyright line; never a time the page did not state (a date-only
 * page keeps precision 'day').
 */
import type { Candidate, ExtractContext } from '../context';
import { ruleCandidates } from '../context';
import {
  hasTime,
  MONTH_NAME,
  MONTHS,
  parseDate,
  parseMachineDate,
  parseYearlessDate,
  SHORT_YEAR_AND_TIME,
  statesZone,
  type PublishDate,
} from '../dates';
import { DATE_AT, POST_TAIL, postHeaderLength } from '../byline';
import { HEADLINE_LINK_CHARS, holdsHeadlineLink, type Line } from '../lines';
import { scriptPublished } from '../metadata';
import { headBylines, infoTableBylines, zoneBylines, type ParsedLine } from './zone';

/** Lines that can hold a date but never the article's: footers, copyright, ICP numbers. */
const FOOTER_LINE = /©|copyright|版权|版權|ICP|备案|公网安备|all rights reserved/i;

/**
 * Labels of dates that are not the article's: a forum poster's 注册时间 and 最后登录 beside the post,
 * an event's 报名/截止 dates. Matched right before the date, on its line or as the line above it.
 */
const OTHER_DATE_LABEL =
  /(注册|註冊|登录|登錄|登入|加入|出生|生日|在线|在線|到期|截止|报名|報名|开始|開始|结束|結束|有效)(时间|時間|日期|期)?\s*[:：]?\s*$/;

/**
 * Labels of a document's other dates: a government notice's 成文日期 (written), 实施日期 (in force)
 * beside its 发布日期. Used only when no other date is stated.
 */
const DOCUMENT_DATE_LABEL =
  /(成文|印发|印發|生成|实施|實施|施行|废止|廢止|签发|簽發|有效)(时间|時間|日期)\s*[:：]?\s*$/;

/**
 * Labels of when the page was last changed (更新时间, 最後更新, Updated): its date only when no line
 * of the zone gives another, as a 发布时间 on the next line may.
 */
const UPDATE_DATE_LABEL =
  /(更新|修改|最后更新|最後更新|最后修改|最後修改|updated|last modified)\s*(时间|時間|日期|于|於|on|at)?\s*[:：]?\s*$/i;

/**
 * The reader's today, printed in a site's header (今天是：2024年5月20日 星期一, `<span id="today">`):
 * when the page was served, not when the story went out.
 */
const TODAY_LABEL =
  /(今天是|今天|今日是|今日|现在是|現在是|当前时间|當前時間|当前日期|當前日期|今天日期|today is)\s*[:：]?\s*$/i;
const TODAY_WIDGET =
  '[id*="today" i], [class*="today" i], [id*="jintian" i], [class*="jintian" i], [id*="curdate" i], [class*="curdate" i], [id*="nowdate" i], [class*="nowdate" i]';

/** A calendar's line prints the lunar date beside today's (2019年9月26日 星期四 农历八月廿八). */
const LUNAR_DATE = /(农历|農曆|阴历|陰曆)\s*[正一二三四五六七八九十冬腊臘]/;

function inTodayWidget(line: Line, raw: string): boolean {
  if (LUNAR_DATE.test(line.text)) return true;
  const widget = line.el.closest(TODAY_WIDGET) ?? line.el.querySelector(TODAY_WIDGET);
  // the widget itself, not a page or a section whose class mentions today (today.com's <body>)
  const text = widget?.textContent ?? '';
  return text.length <= 60 && text.includes(raw);
}

/** A line that is mostly a link of a headline's length. */
const headlineLink = (line: Line | undefined) =>
  !!line && line.linkChars > line.text.length / 2 && line.linkChars >= HEADLINE_LINK_CHARS;

/**
 * A line of a list of other stories (related news, a ranking): its item links a headline, or the
 * line right above it is one (a card's `<h3><a>…</a></h3>` over its `<ul><li><time>`). A post's own
 * details set as a list (`<ul><li>2012-03-05 10:21</li><li>浏览 321</li>`) link at most a tag or a
 * comment count, and stand under the title or the post.
 */
function inStoryList(ctx: ExtractContext, line: Line): boolean {
  if (!line.inList) return false;
  // a card's headline right above (not a menu's last link: the two share a small box)
  const previous = ctx.lines[line.index - 1];
  if (line.index - 1 !== ctx.titleLine && headlineLink(previous) && sameCard(ctx, previous!, line))
    return true;
  // its item, or the item its list of details stands in (a card's `<li><ul><li><time>…</ul><a><h4>…`)
  let item = line.el.closest('li');
  if (!item) return holdsHeadlineLink(line.el);
  for (let depth = 0; item && depth < 3; depth++, item = item.parentElement?.closest('li') ?? null)
    if (holdsHeadlineLink(item)) return true;
  return false;
}

/**
 * Whether two lines stand in one card: the first one's parent holds both, in little text, and not
 * the page's headline.
 */
function sameCard(ctx: ExtractContext, first: Line, second: Line): boolean {
  const box = first.el.parentElement;
  const headline = ctx.lines[ctx.titleLine]?.el;
  return (
    !!box &&
    box.contains(second.el) &&
    !(headline && box.contains(headline)) &&
    (box.textContent ?? '').length < 600
  );
}

/**
 * Lines whose dates are never the story's: a story list's, a footer's, and a photo caption's (when
 * the photo was taken: `… oil field March 24, 2014 near Lost Hills`, `图为2018年12月1日拍摄的…`).
 */
function notTheStory(ctx: ExtractContext, line: Line): boolean {
  return (
    inStoryList(ctx, line) ||
    FOOTER_LINE.test(line.text) ||
    PHOTO_CAPTION.test(line.text) ||
    !!line.el.closest('figcaption, figure')
  );
}

/** A Chinese photo caption outside a <figure>: `图为2018年12月1日拍摄的长白山。`, `（摄于2018年12月1日）`. */
const PHOTO_CAPTION =
  /^[（(【[]?\s*(图为|圖為|图片为|圖片為|资料图|資料圖|图\s*[:：]|圖\s*[:：])|[日號号]\s*(拍摄|拍攝)|(摄于|攝於)\s*(19|20)\d{2}/;

/** A year and month (DATE_AT), or a month's name beside a day: a line that may date the story. */
const DATED = new RegExp(
  String.raw`${DATE_AT.source}|\b(?:${MONTH_NAME})\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:${MONTH_NAME})\b`,
  'i',
);

/** A date shown relative to when the page is read: 前天 10:21, 3小时前. */
const RELATIVE = /今天|昨天|前天|今日|昨日|前$/;

/** The dates the line's elements keep in their `attributes` (`<time datetime>`, a `title`), in order. */
function* datesBehind(
  ctx: ExtractContext,
  line: Line,
  attributes: readonly string[],
): Generator<PublishDate> {
  const selector = attributes.map((name) => `[${name}]`).join(', ');
  for (const el of [line.el, ...line.el.querySelectorAll(selector)]) {
    for (const name of attributes) {
      const value = el.getAttribute(name);
      if (!value || value.length > 40) continue;
      const date = parseDate(value, ctx.dates) ?? parseMachineDate(value, ctx.dates);
      if (date) yield date;
    }
  }
}

/**
 * The exact date a relative one stands for, where the page keeps it in an attribute of the line's
 * elements (Discuz!'s `<span title="2015-6-12 10:21:33">前天 10:21</span>`, `<time datetime>`):
 * a saved page is read long after the day it called 前天.
 */
function exactDateBehind(ctx: ExtractContext, line: Line): PublishDate | null {
  for (const date of datesBehind(ctx, line, ['datetime', 'title'])) return date;
  return null;
}

/**
 * The time behind what the line shows (`<time datetime="2024-03-12T09:30:00Z">March 12, 2024</time>`):
 * the machine-readable value that agrees with it and says more — the time of the day shown, or the
 * seconds of the minute shown — or null.
 */
function timeBehind(ctx: ExtractContext, line: Line, shown: PublishDate): PublishDate | null {
  if (shown.precision === 'second') return null;
  const agrees = hasTime(shown) ? 16 : 10; // the same minute, or the same day
  for (const date of datesBehind(ctx, line, ['datetime']))
    if (
      (hasTime(shown) ? date.precision === 'second' : hasTime(date)) &&
      date.iso.slice(0, agrees) === shown.iso.slice(0, agrees)
    )
      return { ...date, raw: shown.raw };
  return null;
}

/**
 * The first date stated on one of `lines`: a labelled one on a line beats a bare one; a last update's
 * date, then a document's 成文日期, only where no line states another.
 */
function visibleDate(ctx: ExtractContext, lines: readonly ParsedLine[]): PublishDate | null {
  let documentDate: PublishDate | null = null;
  let updatedDate: PublishDate | null = null;
  for (const { line, byline } of lines) {
    if (notTheStory(ctx, line)) continue;
    const date = byline.dateText
      ? parseDate(byline.dateText, ctx.dates, true)
      : parseDate(line.text, ctx.dates, ctx.language === 'zh' && SHORT_YEAR_AND_TIME.test(line.text));
    if (!date) {
      // a date in words the reader does not know (`Publié le 13 mars 2017`), kept machine-readable in
      // the line's <time datetime>
      const behind = line.text.length <= 80 ? datesBehind(ctx, line, ['datetime']).next().value : null;
      if (behind) return behind;
      continue;
    }
    const at = line.text.indexOf(date.raw);
    const before = at > 0 ? line.text.slice(0, at) : (ctx.lines[line.index - 1]?.text ?? '');
    if (OTHER_DATE_LABEL.test(before) || TODAY_LABEL.test(before) || inTodayWidget(line, date.raw)) continue;
    if (RELATIVE.test(date.raw)) return exactDateBehind(ctx, line) ?? date;
    if (UPDATE_DATE_LABEL.test(before)) updatedDate ??= timeBehind(ctx, line, date) ?? date;
    else if (!DOCUMENT_DATE_LABEL.test(before)) return timeBehind(ctx, line, date) ?? date;
    else documentDate ??= date;
  }
  return updatedDate ?? documentDate;
}

/**
 * /2019/09/26/, /20190926/, /2019-09/26/, TRS's /t20190926_123.html, Hanweb's /art/2019/9/26/: a full
 * date in the page's path, as a last resort.
 */
function urlDate(ctx: ExtractContext): PublishDate | null {
  let path: string;
  try {
    path = new URL(ctx.url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/t?((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|\d{3,})/.exec(path) ??
    /\/((?:19|20)\d{2})\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\//.exec(path);
  // the month by its name: /2013/jun/29/ (the Guardian), /2013/new/jun/29/ (自由時報)
  const named = m ? null : URL_NAMED_MONTH.exec(path);
  const found = m ?? named;
  if (!found) return null;
  const month = m ? m[2]! : String(MONTHS.indexOf(found[2]!.toLowerCase()) + 1);
  const date = parseDate(`${found[1]}-${month}-${found[3]}`, ctx.dates);
  if (!date || new Date(date.iso).getTime() > ctx.dates.now.getTime() + 86_400_000) return null;
  return { ...date, raw: found[0].replace(/^\/t?|\/$/g, '') };
}

const URL_NAMED_MONTH = new RegExp(
  String.raw`\/((?:19|20)\d{2})\/(?:[a-z]{2,12}\/)?(${MONTHS.join('|')})\/(0?[1-9]|[12]\d|3[01])(?=\/)`,
  'i',
);

/**
 * The four nearest lines above the title that are not menu items: a channel menu can sit between
 * the breadcrumb bar holding the date (社會 ＞ 2013年11月29日 21:19) and the headline.
 */
function linesAbove(lines: readonly Line[], titleLine: number): Line[] {
  const out: Line[] = [];
  // (a menu's items are no such lines; the post's own details set as a list, its date among them, are)
  for (let i = titleLine - 1; i >= 0 && i >= titleLine - 60 && out.length < 4; i--)
    if (!lines[i]!.inList || DATED.test(lines[i]!.text)) out.unshift(lines[i]!);
  return out;
}

/** A portal's `09-26 15:10` under the title: the year from the URL's date, or this year's. */
function yearlessDate(ctx: ExtractContext, fromUrl: PublishDate | null): PublishDate | null {
  const year = fromUrl ? Number(fromUrl.iso.slice(0, 4)) : undefined;
  for (const { line } of zoneBylines(ctx)) {
    if (notTheStory(ctx, line)) continue;
    const date = parseYearlessDate(line.text, ctx.dates, year);
    if (date) return date;
  }
  return null;
}

/**
 * A date on a short line of its own among the body's last lines: a notice's signature
 * (二〇二一年三月一日 under the issuing office), a post's `2009年5月12日于长春`. It says when the
 * text was written, which is the best left when the page states nothing else.
 */
function closingDate(ctx: ExtractContext): PublishDate | null {
  for (const line of ctx.textLines.slice(-3).reverse()) {
    if (line.text.length > 24 || /[，。！？；,]/.test(line.text)) continue;
    const date = parseDate(line.text, ctx.dates);
    // the date is most of the line: a place or an office may stand beside it, not a sentence
    if (date && date.raw.length * 2 >= line.text.replace(/\s+/g, '').length) return date;
  }
  return null;
}

const sameDay = (a: PublishDate, b: PublishDate) => a.iso.slice(0, 10) === b.iso.slice(0, 10);

/** An explicit offset closing a machine timestamp (`+05:30`, `-0500`), not UTC's `Z`. */
const STATED_OFFSET = /\d[+-]\d{2}:?\d{2}$/;

/**
 * A time a page without a zone of its own states (`07 Apr 2020 15:49:34`, `4:19 PM`) in the zone its
 * declared timestamps give that same minute (`dateModified` 2020-04-07T15:49:34+05:30): the site
 * writes both in its own zone, and UTC, the default where nothing says, would be hours off. Only
 * where no country or language gives the zone (toSiteZone off) and the shown value names none.
 */
function inDeclaredZone(ctx: ExtractContext, shown: PublishDate): PublishDate {
  if (ctx.dates.toSiteZone !== false || !hasTime(shown) || statesZone(shown.raw)) return shown;
  for (const value of [ctx.meta.published, ctx.meta.modified]) {
    const trimmed = value?.trim() ?? '';
    if (!STATED_OFFSET.test(trimmed)) continue;
    const declared = parseMachineDate(trimmed, ctx.dates);
    // (shown in the default UTC, its wall-clock minute is what the page printed)
    if (declared && declared.iso.slice(0, 16) === shown.iso.slice(0, 16))
      return { ...shown, iso: `${shown.iso.slice(0, 19)}${declared.iso.slice(19)}` };
  }
  return shown;
}

export function resolvePublished(ctx: ExtractContext): PublishDate | null {
  const fromRules: Candidate<PublishDate | null>[] = ruleCandidates(ctx, 'published').map((c) => ({
    origin: c.origin,
    // an attribute holds ISO or Unix time; an element's text a labelled line
    value: parseDate(c.value, ctx.dates, true) ?? parseMachineDate(c.value, ctx.dates),
  }));
  const ruled = fromRules.find((c) => c.value);
  if (ruled) {
    ctx.origins.published = ruled.origin;
    return ruled.value;
  }

  const visible = visibleDate(ctx, zoneBylines(ctx));
  // the script scan is the costly part: only when a visible date alone does not settle it
  const needsEmbedded = !visible || ctx.language !== 'zh' || !hasTime(visible);
  const embedded = !needsEmbedded
    ? null
    : ((ctx.meta.published ? parseMachineDate(ctx.meta.published, ctx.dates) : null) ??
      parseMachineDate(scriptPublished(ctx.doc) ?? '', ctx.dates));
  // Western CMSs state the publish time reliably in metadata; Chinese templates often carry a stale
  // or generated one there, and the line under the title is what the newsroom typed.
  let chosen: PublishDate | null = null;
  if (embedded && (!visible || ctx.language !== 'zh')) {
    // …unless it names the day alone and the page shows the time of that same day
    const timeShown = !!visible && !hasTime(embedded) && hasTime(visible) && sameDay(embedded, visible);
    ctx.origins.published = timeShown ? 'page' : 'metadata';
    chosen = timeShown ? visible : embedded;
  } else if (visible) {
    ctx.origins.published = 'page';
    // the page shows the day; its metadata has the time of that same day: keep both
    if (embedded && !hasTime(visible) && hasTime(embedded) && sameDay(embedded, visible))
      return { ...embedded, raw: visible.raw };
    chosen = visible;
  }
  if (chosen) return inDeclaredZone(ctx, chosen);
  // Further from the title: the lines just above it, then right after the body, then the URL, then
  // the date the body closes with
  const above = linesAbove(ctx.lines, ctx.titleLine);
  const fromUrl = urlDate(ctx);
  const postHeader = postHeaderLength(ctx.bodyLines);
  const fallback =
    // a forum post's 发表于 line, where the post's box came whole into the body
    (postHeader ? visibleDate(ctx, headBylines(ctx.bodyLines.slice(postHeader - 1, postHeader))) : null) ??
    // (a government document's information table above it labels its 发布日期 beside its 成文日期)
    visibleDate(ctx, infoTableBylines(ctx)) ??
    visibleDate(ctx, headBylines(above)) ??
    // a forum post's floor and date under its text, before a reply's after it
    visibleDate(ctx, headBylines(ctx.bodyLines.slice(-3).filter((line) => POST_TAIL.test(line.text)))) ??
    visibleDate(ctx, headBylines(ctx.tail)) ??
    yearlessDate(ctx, fromUrl) ??
    fromUrl ??
    closingDate(ctx);
  if (fallback) ctx.origins.published = 'page';
  return fallback;
}
