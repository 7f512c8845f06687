/**
 * The byline zones of a page: the lines between the title and the body (head), the body's first and
 * last lines, and the lines right after the body (tail). Each line is parsed once and shared by the
 * source, people and date steps.
 */
import {
  DATE_AT,
  isBylineLine,
  NEWSPAPER_LEAD,
  OUTLET_ENDING,
  parseByline,
  UNBRACKETED_LEAD,
  type Byline,
} from '../byline';
import type { ExtractContext } from '../context';
import { isCommentsHeading } from '../clean';
import { HEADLINE_LINK_CHARS, type Line } from '../lines';
import { LATIN_NAME } from '../western';

/** Longer lines are prose, not bylines. */
export const BYLINE_LINE_MAX = 160;

export interface ParsedLine {
  line: Line;
  byline: Byline;
}

const cache = new WeakMap<Line, Byline>();

function parsed(line: Line): Byline {
  let byline = cache.get(line);
  if (!byline) {
    byline = parseByline(line.text);
    cache.set(line, byline);
  }
  return byline;
}

/** A line that is only a label (`发文机关：`), its value in the next cell of a table. */
const LABEL_ONLY = /^[\p{Script=Han}\s]{2,8}[:：]$/u;

/**
 * Whether a value's cell is the label's neighbour: in the same table row, or a sibling (dt and dd).
 * A label left empty (`责任编辑：` with no name) takes nothing from the next block of the page.
 */
function sameRow(label: Element, value: Element): boolean {
  const row = label.closest('tr');
  return row ? row === value.closest('tr') : label.parentElement === value.parentElement;
}

/**
 * `lines` as bylines, a label-only line read together with the line after it: information tables
 * put the label and the value in cells of their own (<td>发文机关：</td><td>国务院办公厅</td>).
 */
function parsedLines(lines: readonly Line[], keep: (line: Line) => boolean): ParsedLine[] {
  const out: ParsedLine[] = [];
  lines.forEach((line, i) => {
    if (!keep(line)) return;
    const next = lines[i + 1];
    const byline =
      next && LABEL_ONLY.test(line.text) && next.text.length <= BYLINE_LINE_MAX && sameRow(line.el, next.el)
        ? parseByline(`${line.text}${next.text}`)
        : parsed(line);
    out.push({ line, byline });
  });
  return out;
}

/** The head zone's lines as bylines: short, and not a link list. */
export function headBylines(head: readonly Line[]): ParsedLine[] {
  return parsedLines(
    head,
    (line) => line.text.length <= BYLINE_LINE_MAX && !(line.inList && line.linkChars > line.text.length / 2),
  );
}

/** Byline-shaped lines among the body's last lines and what follows the body (编辑：…, 本文来源：…). */
export function tailBylines(lines: readonly Line[]): ParsedLine[] {
  return parsedLines(lines, (line) => line.text.length <= BYLINE_LINE_MAX && isBylineLine(line.text));
}

/** The head zone's bylines (ctx.head), parsed once for every step that reads them. */
export const zoneBylines = oncePerExtraction((ctx) => headBylines(ctx.head));

/** `find`, run once per extraction: the steps that read the same lines share what it found. */
function oncePerExtraction<T>(find: (ctx: ExtractContext) => T): (ctx: ExtractContext) => T {
  const found = new WeakMap<ExtractContext, T>();
  return (ctx) => {
    if (!found.has(ctx)) found.set(ctx, find(ctx));
    return found.get(ctx)!;
  };
}

/**
 * The lines after the body that can still be the story's own (编辑：…, 本文来源：…): up to a comment
 * thread's heading, and none that opens with another story's headline (`<a>长春今年首场降雪</a>
 * 作者：王五 来源：长春日报` credits that story). Not up to a 相关阅读 heading: a portal may set its
 * list of other stories between the body and its own credit line.
 */
export function storyTail(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (isCommentsHeading(text)) break;
    const link = line.linkChars >= HEADLINE_LINK_CHARS ? line.el.querySelector('a[href]') : null;
    const linked = link ? (link.textContent ?? '').replace(/\s+/g, '') : '';
    if (linked.length >= HEADLINE_LINK_CHARS && text.replace(/\s+/g, '').startsWith(linked)) continue;
    out.push(line);
  }
  return out;
}

/**
 * The byline-shaped lines among the body's last six (before cleaning) and the lines after it, in page
 * order, for the source, author and editor steps: the story's own (storyTail), in the body Readability
 * took or after it.
 */
export const bodyEndBylines = oncePerExtraction((ctx) =>
  tailBylines(storyTail([...ctx.bodyLines.slice(-6), ...ctx.tail])),
);

/** （记者 张三 李四）, 本报讯（记者 王五）, 文/赵六, （长春，记者 王三） at the start of the body's first lines. */
export function bodyLeadBylines(bodyLines: readonly Line[]): ParsedLine[] {
  const out: ParsedLine[] = [];
  for (const line of bodyLines.slice(0, 2)) {
    const start =
      // (maybe after the place it was filed from: 财联社（长春，记者 王三）讯)
      /^[^，。]{0,12}[（(【[〔]\s*(?:[\u4e00-\u9fff]{2,6}[，,]\s*)?(本报|本報)?(记者|記者|通讯员|通訊員|文|作者)[^）)】\]〕]{1,40}[）)】\]〕]/.exec(
        line.text,
      )?.[0] ??
      // 【王家俊／台北報導】, （中央社記者黃雅詩台北29日電）: a bracketed lead ending in 報導 or 電,
      // maybe after the outlet's name (中國時報【王家俊／台北報導】)
      /^[^，。\s（(【[〔]{0,10}[（(【[〔][^）)】\]〕]{2,40}(報導|报道|報道|電|电)[）)】\]〕]/.exec(
        line.text,
      )?.[0] ??
      // 【明報專訊】: the newspaper's own lead names the outlet
      NEWSPAPER_LEAD.exec(line.text)?.[0];
    // a credit run into the paragraph's text without brackets counts when it names a writer
    const unbracketed = start ? null : UNBRACKETED_LEAD.exec(line.text)?.[0];
    const credited = unbracketed ? parseByline(unbracketed) : null;
    if (credited?.authors.length) {
      out.push({ line, byline: credited });
      continue;
    }
    const text = start ?? (isBylineLine(line.text) ? line.text : null);
    if (text) out.push({ line, byline: parseByline(text) });
  }
  return out;
}

/** The labels of a government information-disclosure table (政府信息公开: 索引号, 发文机关, 成文日期…). */
const INFO_TABLE_LABEL =
  /^(索引号|发文机关|發文機關|发布机构|發布機構|成文日期|发布日期|發布日期|发文字号|發文字號|主题分类|主題分類)[:：]/;

/**
 * A government document's information table above its title (索引号, 发文机关, 成文日期, 发文字号,
 * 发布日期, each label and value in cells of their own), as bylines: from the 30 lines right above the
 * title, when at least two of them are such labels (for the author and source steps).
 */
export const infoTableBylines = oncePerExtraction((ctx) => {
  if (ctx.titleLine <= 0) return [];
  const above = ctx.lines.slice(Math.max(0, ctx.titleLine - 30), ctx.titleLine);
  const labels = above.filter((line) => INFO_TABLE_LABEL.test(line.text.replace(/\s/g, ''))).length;
  return labels >= 2 ? headBylines(above) : [];
});

/**
 * Links to a writer's own page: a newsroom's (`/author/jane-doe`, `/staff/janedoe/`,
 * `/about/editors/jon-fingas/`, `/by/jane-doe`, `/@janedoe`) or a community's profile (`/people/xiaowang`, `/u/abc123`,
 * `space-uid-123.html`, `u.php?uid=123`, a platform's host of them: `//space.bilibili.com/123`).
 */
const WRITER_PAGE_PATHS = [
  '/author/',
  '/authors/',
  '/author-',
  '/staff/',
  '/writers/',
  '/editors/',
  '/contributors/',
  '/people/',
  '/profile/',
  '/profiles/',
  '/reporters/',
  '/columnists/',
  '/journalists/',
  // The New York Times: `/by/jane-doe`
  '/by/',
  '/u/',
  '/user/',
  '/users/',
  '/member/',
  '/members/',
  // Medium, Substack and the video platforms: `/@janedoe`
  '/@',
  'space-uid-',
  'uid=',
];
/** A platform's host of its users' pages (`space.bilibili.com/123`, `user.qzone.qq.com/123`). */
const PROFILE_HOST = /^(?:https?:)?\/\/(?:space|user)\.[\w.-]+\/\w/i;
const isWriterPageLink = (href: string) =>
  WRITER_PAGE_PATHS.some((path) => href.includes(path)) || PROFILE_HOST.test(href);
/**
 * Or a link its template names as the poster's, whatever its address: a class ending in author,
 * nickname or username (a forum's `a.p_author_name`, a blog's `a.nickname`), not one that only
 * mentions an author (`hw-author-orcid-logo`, an icon beside the name); or one the standards mark
 * as the author's: `rel="author"`, or an hCard's name (`fn`) in the byline's `author vcard` (not a
 * comment's `comment-author vcard`).
 */
const POSTER_CLASS = /(?:^|[-_])(?:(?:author|nick|user)[-_]?name|author|nickname|username)$/i;
const isPosterLink = (link: Element) => {
  const names = link.getAttribute('class');
  if (names && names.split(/\s+/).some((name) => POSTER_CLASS.test(name))) return true;
  if (/(?:^|\s)author(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) return true;
  return !!names && /(?:^|\s)fn(?:\s|$)/.test(names) && !!link.closest('.vcard.author');
};
/** A writer's name as a link shows it: two to four capitalised words, or a CJK name or nickname. */
const LINKED_NAME = new RegExp(String.raw`^(?:${LATIN_NAME}|[\u4e00-\u9fff·]{2,8})$`, 'u');
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The home the page lives under (`/xiaowang` from `/xiaowang/article/123`), where a blog or an account
 * named after its owner keeps its posts, or null.
 */
function ownHome(pageUrl: string): string | null {
  return /^\/[^/]+(?=\/.)/.exec(URL.canParse(pageUrl) ? new URL(pageUrl).pathname : '')?.[0] ?? null;
}

/**
 * A link to the page's own home on its own host (`home`), under the title beside the date or right
 * above it, as a blog prints its owner: a section's link leads to the same kind of address, in the
 * breadcrumb or a kicker.
 */
function homeBesideDate(ctx: ExtractContext, link: Element, home: string): boolean {
  const at = ctx.head.findIndex((line) => line.el.contains(link));
  if (at < 0 || !(DATE_AT.test(ctx.head[at]!.text) || DATE_AT.test(ctx.head[at + 1]?.text ?? '')))
    return false;
  const href = link.getAttribute('href') ?? '';
  if (!URL.canParse(href, ctx.url)) return false;
  const target = new URL(href, ctx.url);
  return target.host === new URL(ctx.url).host && target.pathname.replace(/\/$/, '') === home;
}

/** The first line of prose among lines[from, to), or `to`: a sentence of a story, not a byline. */
function proseFrom(lines: readonly Line[], from: number, to: number): number {
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const text = lines[i]!.text;
    if (text.length > BYLINE_LINE_MAX || (text.length >= 40 && /[。！？]/.test(text))) return i;
  }
  return to;
}

/**
 * The names linked to their own pages (a writer's, a community's or platform's account), between the
 * headline and the body's first line, not in the page's menus: the first, and the co-writers linked
 * after it in its block (`<a>Jane Doe</a> and <a>John Roe</a>`).
 */
const linkedNames = oncePerExtraction((ctx): string[] => {
  if (ctx.titleLine < 0) return [];
  const from = ctx.lines[Math.max(0, ctx.titleLine - 3)]?.el;
  // up to the body's first line: a byline row Readability kept opens the body; where the body opens
  // with the headline itself (an <article> holding its header), as far as the head zone reaches
  const to =
    ctx.bodyStart > ctx.titleLine
      ? ctx.lines[ctx.bodyStart + 1]?.el
      : ctx.lines[proseFrom(ctx.lines, ctx.titleLine + 1, ctx.titleLine + 15)]?.el;
  const home = ownHome(ctx.url);
  const names: string[] = [];
  const pages = new Set<string>();
  /** Takes the name a link shows, once per page it leads to; whether it did. */
  const take = (link: Element, href: string): boolean => {
    // (the comma before a co-writer may stand inside the link: `<a>John Patrick Pullen,</a>`)
    const text = (link.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\s*[,，;；]$/, '');
    // (a label may stand inside the link: `<a href="/author/180/">著者：後藤大地</a>`)
    const name = parseByline(text).authors[0] ?? text;
    // (a second link to the same writer's page is its `View All` or `More by` button)
    if (!LINKED_NAME.test(name) || LINK_ACTION.test(name) || pages.has(href)) return false;
    pages.add(href);
    if (!names.includes(name)) names.push(name);
    return true;
  };
  // every link tested as a string, not a selector of twenty alternatives over the whole page (on a
  // portal's page with 700 links that selector took half the extraction's querySelectorAll time)
  for (const link of ctx.doc.getElementsByTagName('a')) {
    const href = link.getAttribute('href') ?? '';
    const writerPage = isWriterPageLink(href);
    const poster = isPosterLink(link);
    const homeLink = !!home && (href.endsWith(home) || href.endsWith(`${home}/`));
    if (!writerPage && !poster && !homeLink) continue;
    if (from && !from.contains(link) && !(from.compareDocumentPosition(link) & FOLLOWING)) continue;
    if (to && !(link.compareDocumentPosition(to) & FOLLOWING)) break;
    if (link.closest('nav, footer, aside')) continue;
    if (!poster && !writerPage && !(home && homeBesideDate(ctx, link, home))) continue;
    if (!take(link, href)) continue;
    // the co-writers linked after it in the same block (`<a>Jane Doe</a> and <a>John Roe</a>`)
    const block = link.parentElement?.closest(BYLINE_BLOCK) ?? link.parentElement;
    let after = false;
    for (const other of block?.getElementsByTagName('a') ?? []) {
      const otherHref = other.getAttribute('href') ?? '';
      if (after && (isWriterPageLink(otherHref) || isPosterLink(other))) take(other, otherHref);
      after ||= other === link;
    }
    break;
  }
  return names;
});

/** A link's words for what it does, not whom it names (`View All`, `More Stories`, `Follow Author`). */
const LINK_ACTION = /^(?:view|see|read|more|all|follow|load|show)\b/i;

/** The block a byline's links share: its paragraph, list item or box. */
const BYLINE_BLOCK = 'p, div, li, header, section, address, td, dd';

/**
 * The writers' names as links to their pages: templates that print no "By" before them, and the
 * poster of a community page. Never the source, though it stands beside the date as an outlet would.
 */
export const linkedWriter = (ctx: ExtractContext): string[] =>
  linkedNames(ctx).filter((name) => !OUTLET_ENDING.test(name));

/** An outlet's account linked the same way (湖北日报 on a portal's self-media page): the source. */
export const linkedOutlet = (ctx: ExtractContext): string | null => {
  const name = linkedNames(ctx)[0];
  return name && OUTLET_ENDING.test(name) ? name : null;
};
