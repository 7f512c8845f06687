/**
 * Page furniture: the widgets a news page puts right beside a value — 【字号 大 中 小】, 【打印】【关闭】,
 * 分享到, 举报, 浏览次数：123, `|`, the next label (发布时间：, 责任编辑：), a closing bracket. A source,
 * author, editor or breadcrumb entry ends where they begin; a value that is only furniture is no value.
 */
import { cleanName, collapseSpace } from './text';

/** Widget words, Simplified and Traditional. Matched as whole tokens (after a space, bracket or start). */
const WIDGET_WORDS = [
  '字号',
  '字級',
  '字级',
  '字型',
  '字體',
  '字体',
  // also in their longer words: 打印本页, 列印本頁, 关闭窗口, 關閉視窗
  '打印(?:本[页頁]|此[页頁]|本文)?',
  '列印(?:本[页頁]|此[页頁]|本文)?',
  '关闭(?:窗口|本[页頁])?',
  '關閉(?:視窗|窗口|本頁)?',
  '举报',
  '檢舉',
  '分享到',
  '分享',
  '转发',
  '轉寄',
  '收藏本文',
  '收藏本帖',
  '分享本帖',
  '收藏',
  '我有话说',
  '我要评论',
  '发表评论',
  '参与互动',
  '参与讨论',
  '参与评论',
  '我要纠错',
  '纠错',
  '浏览次数',
  '瀏覽次數',
  '浏览量',
  '浏览',
  '瀏覽',
  '点击数',
  '點擊數',
  '点击量',
  '点击',
  '點擊',
  '阅读数',
  '阅读量',
  '阅读',
  '閱讀',
  '评论',
  '評論',
  // an older portal's: its readers' comments, the way into its forum (网友评论 12 条 进入论坛)
  '网友评论',
  '網友評論',
  '进入论坛',
  '進入論壇',
  // a portal's comment thread: 跟贴 123 条
  '跟[贴帖貼]',
  '留言',
  '访问量',
  '访问统计',
  '访问',
  '訪問',
  '人气',
  '人氣',
  '默认',
  '返回顶部',
  '返回',
  '扫一扫',
  // a portal's links to its app and mobile site: 手机看新闻, 手机版
  '手[机機]看(?:新[闻聞])?',
  '手[机機]版',
  '打开APP',
  '下载客户端',
  '关注',
  '關注',
  'Follow',
  '訂閱',
  '订阅',
  '点赞',
  '发表于',
  '發表於',
  '发布于',
  // a forum post's own toolbar (Discuz!, phpwind): 只看该作者 | 倒序浏览 | 阅读模式
  '只看该作者',
  '只看該作者',
  '只看楼主',
  '只看樓主',
  '倒序浏览',
  '倒序瀏覽',
  '阅读模式',
  '閱讀模式',
  '电梯直达',
  '電梯直達',
  '复制链接',
  '複製連結',
  '使用道具',
  '回复',
  '回覆',
  '大 中 小',
  'A\\+',
  'A-',
];

/** Labels that start the next field on the same line. Longest first. */
const NEXT_LABELS = [
  '发布时间',
  '發布時間',
  '發佈時間',
  '发表时间',
  '發表時間',
  '更新时间',
  '更新時間',
  '发稿时间',
  '發稿時間',
  '发布日期',
  '發布日期',
  '添加时间',
  '发表日期',
  '提交日期',
  // who entered the page in the CMS (录入：admin, 发布人：…)
  '录入',
  '发布人',
  '发布者',
  '时间',
  '時間',
  '日期',
  '信息来源',
  '文章来源',
  '来源',
  '來源',
  '稿源',
  '责任编辑',
  '責任編輯',
  '编辑',
  '編輯',
  '责编',
  '作者',
  '记者',
  '記者',
  '通讯员',
  '摄影',
  '攝影',
  // the production credits Chinese pages print after the source: 选稿：许文杰, 审核：…
  '选稿',
  '選稿',
  '审核',
  '審核',
  '审校',
  '校对',
  '校對',
  '终审',
  '終審',
  '监制',
  '監製',
  '策划',
  '策劃',
  '统筹',
  '統籌',
  '值班编辑',
  '主编',
  '主編',
  '实习生',
  '實習生',
];

const BOUNDARY = '(?:^|(?<=[\\s\\p{P}\\p{S}]))';
/**
 * Any other short label after a space or punctuation starts the next field too (出品：, 供图：). Han
 * labels of 2–4 characters only, so that a Latin value with a colon in it is not cut.
 */
const ANY_LABEL = `${BOUNDARY}\\p{Script=Han}{2,4}\\s*[:：]`;
const FURNITURE = new RegExp(
  [
    '[|｜丨]',
    '[【\\[]',
    '[】\\]]',
    // a closing parenthesis the value never opened: （編輯：李大明）1021129
    '(?<=^[^(（]*)[)）]',
    `${BOUNDARY}(?:${WIDGET_WORDS.join('|')})(?=$|[\\s\\p{P}\\p{S}\\d])`,
    // where the poster was, by IP: 张三 IP属地北京
    `${BOUNDARY}IP\\s*(?:属地|屬地)`,
    // a follow button glued to a name: Margaret Talev+Follow
    '[+＋]\\s*(?:Follow|关注|關注|订阅|訂閱)',
    `(?:${NEXT_LABELS.join('|')})\\s*[:：]`,
    ANY_LABEL,
    // a date or time after the value: 中国吉林网 2019-03-20 11:58
    '(?<!\\d)(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}',
    '(?<!\\d)\\d{1,2}[:：]\\d{2}(?!\\d)',
  ].join('|'),
  'u',
);

/** A widget's label with its count (浏览量：1234, 阅读：56, 點擊: 7): no field's label. */
const WIDGET_COUNT = new RegExp(
  `^(?:${WIDGET_WORDS.join('|')})[\\u4e00-\\u9fff]{0,2}\\s*[:：]\\s*\\d*$`,
  'u',
);

export function isWidgetCount(token: string): boolean {
  return WIDGET_COUNT.test(token);
}

/**
 * A label closing a value with its own value gone (`老树 入库时间：`, the date after it cut off):
 * cleanName would take its colon, and with it the sign that it is a label.
 */
const CLOSING_LABEL = /\s+\p{Script=Han}{2,4}\s*[:：]\s*$/u;

/** The value before any furniture, cleaned; '' when nothing but furniture is left. */
export function cutAtFurniture(value: string): string {
  const text = cleanName(collapseSpace(value).replace(CLOSING_LABEL, ''));
  const m = FURNITURE.exec(text);
  return m ? cleanName(text.slice(0, m.index)) : text;
}

/** A value that is nothing but a widget (打印, 字号：默认 大 超大, 分享到). */
export function isFurniture(value: string): boolean {
  const text = cleanName(collapseSpace(value));
  return !!text && !cutAtFurniture(text);
}

/**
 * Widget elements nested inside a value's element (a `.zihao` inside `.zxdata`): removed from a copy
 * before its text is read. Class and id names as Chinese CMS templates spell them.
 */
export const WIDGET_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'iframe',
  'svg',
  '[hidden]',
  '[aria-hidden="true"]',
  '[class*="zihao" i]',
  '[class*="fontsize" i]',
  '[class*="font-size" i]',
  '[class*="share" i]',
  '[class*="fenxiang" i]',
  '[class*="print" i]',
  '[class*="dayin" i]',
  '[class*="jubao" i]',
  '[class*="report" i]',
  '[class*="comment" i]',
  '[class*="pinglun" i]',
  '[class*="collect" i]',
  '[class*="toolbar" i]',
  '[id*="zihao" i]',
  '[id*="fontsize" i]',
  '[id*="share" i]',
  '[id*="print" i]',
].join(', ');

/** The text of `el` without its nested widgets (and without `drop`), read from a detached copy. */
export function textWithoutWidgets(el: Element, drop: readonly string[] = []): string {
  // Most value elements hold no widget: skip the copy when none matches.
  const selector = drop.length ? `${WIDGET_SELECTOR}, ${drop.join(', ')}` : WIDGET_SELECTOR;
  let hasWidget = false;
  try {
    hasWidget = !!el.querySelector(selector);
  } catch {
    return collapseSpace(el.textContent ?? '');
  }
  if (!hasWidget) return collapseSpace(spacedText(el));
  const copy = el.cloneNode(true) as Element;
  for (const widget of copy.querySelectorAll(selector)) widget.remove();
  return collapseSpace(spacedText(copy));
}

/** Text with a space at element boundaries, as the page shows it (`<span>来源：A</span><span>2019</span>`). */
function spacedText(el: Element): string {
  let out = '';
  const walk = (node: Node, depth: number) => {
    if (depth > 50) return;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        out += ' ';
        walk(child, depth + 1);
        out += ' ';
      }
    }
  };
  walk(el, 0);
  return out;
}
