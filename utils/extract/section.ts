/**
 * 栏目 breadcrumb: "您当前的位置：首页 > 第一新闻 > 吉林公安 > 专题宣传" → [第一新闻, 吉林公安, 专题宣传].
 */
import type { Line } from './lines';
import { collapseSpace, looseKey } from './text';

const LABEL = /^(您?(当前|现在|所在)?的?(位置|所在位置)|当前位置|所在位置|位置)\s*[:：]?\s*/;
const SEPARATORS = /\s*(?:>>|>|＞|»|›|→|\/|\||｜|丨|＞＞|->|—>|::)\s*/;
const HOME =
  /^(首页|首頁|主页|主頁|网站首页|網站首頁|返回首页|home|homepage|index|[\p{L}\p{N}.]{1,20} home|(?:[\p{L}\p{N}.]{1,20}\s?)?ホームページ|ホーム|トップ|accueil|inicio|startseite|홈|正文|内容|內容|详情|詳情|正文内容|详细内容|当前页|文章内容|浏览文章|浏览内容|查看内容|文章详情|新闻详情|信息详情|详细信息|详情页|詳情頁|内容页|內容頁|正文页|正文頁|文章页|文章頁)$|首[页頁]$/iu;

/** An entry that names no column: the front page, or the article's own page (正文, 详情). */
export function isHomeOrArticle(entry: string): boolean {
  return HOME.test(entry);
}
const CRUMB_CLASS =
  /bread|crumb|(^|[-_\s])(position|location|weizhi|dqwz|curpos|currentpos|nav-?path|path|guide|wz|site-?nav|channel-?nav)([-_\s]|$)/i;

/** An action in brackets beside the entries (`旅游休闲 [我要发帖]`, `【返回列表】`): no entry. */
const BRACKETED = /[[【]\s*([^\]】]{1,12}?)\s*[\]】]/g;

/** Splits a breadcrumb text into its entries, without the label, 首页, actions or the article title. */
export function parseBreadcrumb(text: string, title: string | null): string[] {
  const cleaned = collapseSpace(text).replace(BRACKETED, ' ').replace(LABEL, '');
  const titleKey = title ? looseKey(title) : '';
  return cleaned
    .split(SEPARATORS)
    .map((item) => item.replace(LABEL, '').trim())
    .filter((item) => item && item.length <= 30 && !HOME.test(item))
    .filter((item) => !titleKey || looseKey(item) !== titleKey)
    .slice(0, 10);
}

function crumbText(el: Element): string {
  return collapseSpace(el.textContent ?? '');
}

/** A name that ends like a site's own (示例网, 示例日报, 示例电视台, example.com), not a channel's. */
const SITE_NAME_ENDING = /(?:网|網|站|报|報|台|社|在线|在線|\.com|\.cn|\.net)$/i;

/**
 * A link to the site's front page under the site's name (`示例日报网`, `ETtoday` at `/`, named in the
 * <title> or ending like a site's name). The root of a channel's own host keeps its entry: 新闻中心
 * at news.sina.com.cn/.
 */
function isFrontPage(a: Element): boolean {
  const name = looseKey(a.textContent ?? '');
  if (!name) return false;
  const named = looseKey(a.ownerDocument.title ?? '').includes(name);
  if (!named && !SITE_NAME_ENDING.test(collapseSpace(a.textContent ?? ''))) return false;
  try {
    const url = new URL(a.getAttribute('href') ?? '', a.ownerDocument.baseURI);
    return /^\/(?:index\.\w{2,5}|default\.aspx?)?$/i.test(url.pathname) && !url.search;
  } catch {
    return false;
  }
}

/**
 * A breadcrumb element's entries, by its separators, never the site's front page under the site's
 * name (`示例日报网 » 新闻`). Where the separators are none a text parse knows
 * (`首页-新闻-本地`), by its links, when nothing but such marks stands between them: a menu's
 * links, with only spaces between, are no breadcrumb.
 */
function crumbEntries(el: Element, text: string, title: string | null): string[] {
  const actions = new Set([...text.matchAll(BRACKETED)].map((m) => m[1]));
  const links = [...el.getElementsByTagName('a')].filter(
    (a) => !actions.has(collapseSpace(a.textContent ?? '')),
  );
  const byText = withoutFrontPage(parseBreadcrumb(text, title), links[0]);
  if (links.length < 2 || byText.length > 1) return byText;
  const named = links.map((a) => collapseSpace(a.textContent ?? ''));
  // the entry after the last link, the current page's own (正文), may stand at the end
  const marks = textBetween(text.replace(BRACKETED, ' ').replace(LABEL, ''), named)
    .replace(/\s+/g, '')
    .replace(/[\p{L}\p{N}]+$/u, '');
  if (/[\p{L}\p{N}]/u.test(marks) || marks.length < links.length - 1) return byText;
  return parseBreadcrumb(named.slice(isFrontPage(links[0]!) ? 1 : 0).join(' > '), title);
}

/** What stands in `text` between its links' `names`. */
function textBetween(text: string, names: readonly string[]): string {
  let between = text;
  for (const name of names) between = between.replace(name, ' ');
  return between;
}

/** The site's own name as a link's text (`People.com`), no section of it. */
const DOMAIN_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|cn|tw|hk|jp|uk|de|fr|co)$/i;

/**
 * The entries of a breadcrumb whose separators are not text: its links, without the front page. Links
 * with commas between them are a list of tags (`Filed Under: Arts, Business`), no path.
 */
function crumbLinks(el: Element, text: string, title: string | null): string[] {
  const links = [...el.getElementsByTagName('a')];
  const names = links.map((a) => collapseSpace(a.textContent ?? ''));
  if (/[,，、]/.test(textBetween(text, names))) return [];
  const from = links[0] && (isFrontPage(links[0]) || DOMAIN_NAME.test(names[0]!)) ? 1 : 0;
  return parseBreadcrumb(names.slice(from).join(' > '), title);
}

/** `items` without the first when it is the first link's, the site's front page under its name. */
function withoutFrontPage(items: string[], first: Element | undefined): string[] {
  return first &&
    items.length &&
    isFrontPage(first) &&
    looseKey(items[0]!) === looseKey(first.textContent ?? '')
    ? items.slice(1)
    : items;
}

/**
 * A line that opens with the front page and a breadcrumb's separator (`首页 » 要闻 » 正文`, `首页 - 要闻`,
 * a breadcrumb without links): no class or label needed above the title. Not a bar (`首页 | 关于我们`),
 * which is a menu.
 */
const FRONT_PAGE = '(?:首页|首頁|网站首页|網站首頁|主页|主頁)';
const FROM_FRONT_PAGE = new RegExp(
  String.raw`^${FRONT_PAGE}\s*(?:>>|>|＞|»|›|→|->|-|—|–)\s*[\p{L}\p{N}]`,
  'u',
);

/**
 * The same with spaced slashes (`首页 / 新闻 / 本地 / 标题`), only where the line closes with the
 * headline: a menu may be set with slashes too.
 */
const FROM_FRONT_PAGE_SLASHED = new RegExp(String.raw`^${FRONT_PAGE}\s+[/／]\s+[\p{L}\p{N}]`, 'u');

/** A line that closes with a breadcrumb's separator and the article's own entry (`新闻频道 > 正文`). */
const TO_ARTICLE = /\S\s*(?:>>|>|＞|»|›|→|->)\s*正文(?:内容)?$/u;

/** A breadcrumb's arrow between two entries, and any arrow in a line (a cheap test before the links). */
const ARROW = /^(?:>>|>|＞＞|＞|»|›|→)$/;
const ANY_ARROW = /[>＞»›→]/;

/**
 * Links joined by arrows and by nothing else (`人民网>>社会>>社会万象`): a breadcrumb that neither a
 * class, a label nor the front page's name announces. A bar (`|`) or slashes join a menu too.
 */
function arrowLinked(el: Element): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length < 2) return false;
  let rest = crumbText(el);
  if (rest.length > 200) return false;
  const gaps: string[] = [];
  for (const a of links) {
    const name = collapseSpace(a.textContent ?? '');
    const at = name ? rest.indexOf(name) : -1;
    if (at < 0) return false;
    gaps.push(rest.slice(0, at).trim());
    rest = rest.slice(at + name.length);
  }
  return !gaps[0] && !rest.trim() && gaps.slice(1).every((gap) => ARROW.test(gap));
}

/** A dash between entries: spaced, or between Han characters (not COVID-19's, nor the arrow ->). */
const DASH = /\s+[-—–](?!>)\s+|(?<=[\u4e00-\u9fff])[-—–](?=[\u4e00-\u9fff])/gu;

/**
 * Finds the breadcrumb among the page's lines: a 位置 label, a line in a breadcrumb-ish element, or a
 * line above the title (line `titleLine`, -1 when unknown) that opens with the front page, closes
 * with the article's own entry or joins its links by arrows alone.
 */
export function findBreadcrumb(lines: Line[], title: string | null, titleLine = -1): string[] {
  const head = lines.slice(0, 400);
  for (const line of head) {
    if (LABEL.test(line.text) && /位置/.test(line.text) && line.text.length < 200) {
      const text = crumbText(line.el);
      const items =
        text.length < 200 ? crumbEntries(line.el, text, title) : parseBreadcrumb(line.text, title);
      if (items.length) return items;
    }
  }
  const checked = new Set<Element>();
  for (const line of head) {
    let el: Element | null = line.el;
    for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
      if (checked.has(el)) break;
      checked.add(el);
      const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      // named a breadcrumb outright: its separators may be drawn by CSS, none in the text
      const named =
        /bread|crumb/i.test(name) ||
        (el.tagName === 'NAV' && /breadcrumb/i.test(el.getAttribute('aria-label') ?? ''));
      if (!named && !CRUMB_CLASS.test(name)) continue;
      const text = crumbText(el);
      if (!el.querySelector('a') || text.length > 200) continue;
      const items = SEPARATORS.test(text)
        ? crumbEntries(el, text, title)
        : named
          ? crumbLinks(el, text, title)
          : [];
      if (items.length) return items;
    }
  }
  const above = titleLine >= 0 ? lines.slice(Math.max(0, titleLine - 40), titleLine) : lines.slice(0, 40);
  const titleKey = title ? looseKey(title) : '';
  const endsWithTitle = (text: string) => !!titleKey && looseKey(text).endsWith(titleKey);
  for (const line of above)
    if (
      line.text.length < 200 &&
      (FROM_FRONT_PAGE.test(line.text) ||
        TO_ARTICLE.test(line.text) ||
        (FROM_FRONT_PAGE_SLASHED.test(line.text) && endsWithTitle(line.text)) ||
        (ANY_ARROW.test(line.text) && arrowLinked(line.el)))
    ) {
      const items = withoutFrontPage(
        parseBreadcrumb(line.text.replace(DASH, ' > '), title),
        line.el.getElementsByTagName('a')[0],
      );
      if (items.length) return items;
    }
  return [];
}
