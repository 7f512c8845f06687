/**
 * 栏目 breadcrumb: "您当前的位置：首页 > 第一新闻 > 吉林公安 > 专题宣传" → [第一新闻, 吉林公安, 专题宣传].
 */
import type { Line } from './lines';
import { collapseSpace, looseKey } from './text';

const LABEL = /^(您?(当前|现在|所在)?的?(位置|所在位置)|当前位置|所在位置|位置)\s*[:：]?\s*/;
const SEPARATORS = /\s*(?:>>|>|＞|»|›|→|\/|\||｜|丨|＞＞|->|—>|::)\s*/;
const HOME =
  /^(首页|主页|网站首页|返回首页|home|homepage|index|正文|内容|详情|正文内容|详细内容|当前页|文章内容)$|首页$/i;
const CRUMB_CLASS =
  /bread|crumb|(^|[-_\s])(position|location|weizhi|dqwz|curpos|currentpos|nav-?path|path|guide|wz|site-?nav|channel-?nav)([-_\s]|$)/i;

/** Splits a breadcrumb text into its entries, without the label, 首页 or the article title. */
export function parseBreadcrumb(text: string, title: string | null): string[] {
  const cleaned = collapseSpace(text).replace(LABEL, '');
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

/** Finds the breadcrumb among the page's lines: a 位置 label, or a line in a breadcrumb-ish element. */
export function findBreadcrumb(lines: Line[], title: string | null): string[] {
  const head = lines.slice(0, 400);
  for (const line of head) {
    if (LABEL.test(line.text) && /位置/.test(line.text) && line.text.length < 200) {
      const text = crumbText(line.el);
      const items = parseBreadcrumb(text.length < 200 ? text : line.text, title);
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
      const isCrumb =
        CRUMB_CLASS.test(name) ||
        (el.tagName === 'NAV' && /breadcrumb/i.test(el.getAttribute('aria-label') ?? ''));
      if (!isCrumb) continue;
      const text = crumbText(el);
      if (!el.querySelector('a') || text.length > 200 || !SEPARATORS.test(text)) continue;
      const items = parseBreadcrumb(text, title);
      if (items.length) return items;
    }
  }
  return [];
}
