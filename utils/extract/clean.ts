/**
 * Cleaning of the body element: boilerplate lines (byline, editor, hotline, share, 字号, 打印,
 * 关闭, 上一篇/下一篇, 相关新闻), U+3000/&nbsp; indentation, lazy images, absolute URLs, empty
 * wrappers. It works on a detached copy (the Readability clone or an inert document), never on the
 * page itself.
 */
import { isBylineLine, POST_TAIL, postHeaderLength } from './byline';
import { BLOCK_TAGS, collectLines, HEADLINE_LINK_CHARS, type Line } from './lines';
import { isWidgetCount } from './furniture';
import { collapseSpace, looseKey } from './text';
import {
  closingLinkLines,
  openingLinkLines,
  isWesternChrome,
  isWesternFurniture,
  markedFurniture,
  pagerLines,
  repeatedLines,
  westernScript,
  type LinePlace,
} from './western';

export interface CleanContext {
  /** base for relative URLs */
  baseUrl: string;
  /** rule selectors to remove */
  remove?: string[];
  /** loose keys of lines already read as title/kicker/subtitle/byline: not body text */
  knownKeys?: Set<string>;
  /**
   * Drop trailing blocks made only of short lines (teaser lists, widgets) that Readability appends
   * as siblings of a Chinese article. Not for rule or selection bodies.
   */
  trimTeasers?: boolean;
  /**
   * Chinese-page conventions (widget classes like share/xgxw, link-list blocks, 相关新闻 lists).
   * Off for other pages, where Readability's own cleaning already fits.
   */
  chinese?: boolean;
  /** loose key of the article's title: a headline stack repeating it at the body's top goes */
  titleKey?: string;
  /** loose keys of other stories' summaries on the page (teaserSummaries): never the story's text */
  teasers?: ReadonlySet<string>;
}

const SENTENCE_MARK = /[。！？]/;

/** A line of its own (not one of several a <br> splits an element into) set in a heading or in bold. */
function isEmphasized(line: Line): boolean {
  if (collapseSpace(line.el.textContent ?? '') !== line.text) return false;
  if (/^H[1-6]$/.test(line.el.tagName)) return true;
  let bold = 0;
  for (const b of line.el.querySelectorAll('b, strong')) bold += collapseSpace(b.textContent ?? '').length;
  return bold >= line.text.length * 0.9;
}

/**
 * A wire story's headline stack set in bold at the top of its body (新华社's 引题, 主题 and 副题:
 * `习近平…座谈会强调 / 推动…取得新的重大突破 / 李强蔡奇出席`) repeats the title block in other
 * words: up to five short emphasized lines opening the body, one of which holds the title.
 */
function headlineStack(lines: readonly Line[], titleKey: string): Line[] {
  if (titleKey.length < 6) return [];
  const stack: Line[] = [];
  for (const line of lines) {
    if (line.text.length > 40 || SENTENCE_MARK.test(line.text) || !isEmphasized(line)) break;
    if (stack.push(line) > 5) return [];
  }
  const holdsTitle = stack.some((line) => {
    const key = looseKey(line.text);
    return key.length >= 6 && (key.includes(titleKey) || titleKey.includes(key));
  });
  return holdsTitle ? stack : [];
}

/** The element whose children are the article's top-level blocks (Readability nests it in wrappers). */
function blockContainer(root: Element): Element {
  let el = root;
  while (
    el.children.length === 1 &&
    el.firstElementChild &&
    !/^(P|IMG|TABLE|FIGURE)$/.test(el.firstElementChild.tagName)
  )
    el = el.firstElementChild;
  return el;
}

function trimTrailingTeasers(root: Element, teasers: ReadonlySet<string> | undefined): void {
  const container = blockContainer(root);
  const blocks = [...container.children];
  // (another story's summary is no prose of this one)
  const isProse = (block: Element) =>
    collectLines(block).some(
      (line) => line.text.length >= 50 && SENTENCE_MARK.test(line.text) && !teasers?.has(looseKey(line.text)),
    );
  // from the end: the blocks before the last prose block are never read
  let lastProse = blocks.length - 1;
  while (lastProse >= 0 && !isProse(blocks[lastProse]!)) lastProse--;
  if (lastProse < 0) return;
  for (const block of blocks.slice(lastProse + 1)) {
    const lines = collectLines(block);
    const listLike = lines.length >= 2 && block.getElementsByTagName('a').length >= 1;
    if (listLike && block.tagName !== 'FIGURE') block.remove();
  }
}

const DROP_TAGS =
  'script, style, noscript, template, iframe, frame, form, input, button, select, textarea, object, embed, link, meta, canvas, map, nav, [hidden], [aria-hidden="true"]';

/** A page's tools, as a bar of them prints each (【我要打印】【关闭窗口】, [收藏] [纠错]). */
const PAGE_TOOL =
  '我要打印|打印|关闭|收藏|打印本页|关闭窗口|返回顶部|返回首页|我要纠错|纠错|推荐给朋友|加入收藏';

/** Whole lines that are never article text. */
const BOILERPLATE_LINE = [
  /^[【[（(]?\s*(本期编辑|本期編輯|栏目主编|栏目编辑|图片编辑|视频编辑|美术编辑|版面编辑|执行编辑|新媒体编辑|欄目主編|圖片編輯|視頻編輯|责任编辑|值班编辑|网络编辑|实习编辑|见习编辑|本文编辑|特约编辑|文字编辑|编辑|责编|编审|审核|校对|监制|主编|终审|审校|签发|責任編輯|值班編輯|網路編輯|網絡編輯|實習編輯|本文編輯|特約編輯|文字編輯|編輯|責編|編審|審核|校對|監製|主編|終審|審校|簽發)\s*[:：]/,
  // the production credits of an app's story (海报制作：张三, 策划：李四 统筹：王五): short, no sentence
  /^[【[（(]?\s*(海报制作|海报设计|海报|制图|美编|视觉|统筹|策划|出品|海報製作|海報|統籌|策劃)\s*[:：][^。！？，；]{0,30}$/,
  /^[【[（(]?\s*(?:(来源|稿源|信息来源|文章来源|本文来源|新闻来源|稿件来源|消息来源|本文转自|转载自|转自)\s*[:：]|(?:本文|文章)?(?:来源于|來源於))[^。！？]{0,40}$/,
  /^(分享到|分享至|分享|转发到|一键分享)\s*[:：]?/,
  new RegExp(`字号\\s*[:：]?\\s*[【[]?\\s*大|^(?:\\s*[【[]?\\s*(?:${PAGE_TOOL})\\s*[】\\]]?)+$`),
  /^(上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]?/,
  // the story's keyword tags (关键字： LPR 降息, 標籤：央行)
  /^(关键字|关键词|關鍵字|關鍵詞|标签|標籤|标 签)\s*[:：]?\s*\S.{0,60}$/,
  // a BBS post's signature line and its station stamps (※ 来源:·水木社区 newsmth.net·[FROM: …])
  /^--$|^※\s*(来源|來源|修改|转载|轉載)\s*[:：]/,
  /(新闻|报料|爆料|举报|投诉|服务|读者)?热线\s*[:：]?\s*[\d\s()（）-]{7,}/,
  /^(扫一扫|扫描二维码|扫码|长按(识别)?二维码|关注(我们|微信|官方)|点击下载|下载客户端)/,
  // a gallery's hint under its picture, a comment box's prompt (登录后发表评论, 我来说两句)
  /^[▲△▼↑↓\s]*(点击|点此|單擊|点按)(图片|圖片)?(查看|看|进入|進入)(大图|原图|高清大图|下一页|下一张|上一页|大圖|原圖)/,
  /^(请|請)?(登录|登入|登錄)后?(才能)?(发表|參與|参与)?(评论|留言|評論)|^我来说两句/,
  // an embedded video player's chrome: speeds, qualities, timers, its error and loading messages
  /^(\d{1,2}:\d{2}(\s*\/\s*\d{1,2}:\d{2})?|[\d.]+\s*[xX×]|\d{1,3}%|倍速|高清|超清|标清|流畅|蓝光|原画|直播|循环播放|跳过片头|设置成功|自动播放|播放速度\s*[:：].{0,10}|错误代码\s*[:：].{0,20}|很抱歉，当前视频播放失败.{0,20}|正在为您切换到.{0,30}|时长\s*[:：]\s*[\d:]+.{0,12}|视频加载中.{0,8})$/,
  /(版权所有|copyright|©|ICP备|ICP证|违法和不良信息举报)|^[【[（(]?\s*(版权声明|版權聲明)\s*[:：】\]]/i,
  /^(文章)?关键词\s*[:：]/,
  /(扫描|长按|识别).{0,12}二维码|微信(中)?搜索?[:：]|转载请(注明|附上|保留|标明|联系|务必)|未经(授权|许可).{0,8}(不得)?转载|未经.{0,10}(授权|许可|同意).{0,8}(不得|请勿|禁止|严禁|谢绝)(转载|复制|使用|摘编)/,
  /^[-—_=\s]*(THE\s*END|END|完|全文完)[-—_=\s]*$/i,
  /^(#[^#\s]{1,20}#?\s*){2,}$/,
  /^(相关|更多)(资讯|新闻|内容|精彩)请?(关注|点击|访问)/,
  // a forum post's chrome: its floor (楼主, 沙发, 3楼), the poster's links, the edit note
  /^(楼主|樓主|沙发|沙發|板凳|地板|地下室|[1-9]\d{0,4}\s*(楼|樓|#)|#[1-9]\d{0,4})$/,
  /只看该作者|只看該作者|只看楼主|只看樓主|倒序浏览|倒序看帖|阅读模式|電梯直達|电梯直达|使用道具|^(回复|回覆)\s*(引用|举报)|^本帖最[后後]由.{1,40}[编編][辑輯]$/,
  // a player's label before the clip's title (自动播放 苹果发布新iPhone 11), a portal's own advert
  /^自动播放\s+\S.{0,60}$|^新酷产品第一时间免费试玩/,
  // a link to the story's topic page (点击进入专题：城市交通改善行动); 点击查看更多 ends the article
  /^[【[]?\s*(点击|点此|戳此|戳)?(进入|查看|了解)(专题|详情)[^。！？]{0,30}$/,
  // a promotion with a bracketed call to action: …评选火热进行中！【点击投票】
  /[【[]\s*(点击|立即|马上|戳此)(投票|进入|查看|参与|报名|下载|购买|订阅|阅读|观看|收听|了解)[^】\]]{0,8}[】\]]/,
  /^[【[（(]?\s*(本文)?(作者|记者|通讯员|撰文|采写|摄影|文\/图|文|图)\s*[:：/／][^。！？，；,;]{0,30}[】\]）)]?$/,
  // portal and self-media page chrome (头条号, 百家号, 网易号, 搜狐号, 企鹅号): player, app and follow
  // buttons, dismissable tips, 举报 links, each a line of its own
  /^[+＋]?\s*(自动播放|知道了|我知道了|举报|投诉|关注|已关注|关注我|加关注|订阅|打开\s*APP|打开客户端|下载\s*APP|下载客户端|APP内打开|客户端内打开|展开全文|查看全文|阅读全文|点击展开|收起|还没安装.{0,12}(客户端|APP)|打开.{0,8}(APP|客户端).{0,12}|(立即|马上)?(下载|打开).{0,8}(APP|客户端)(,|，)?.{0,12}|(点击|立即)?(播放|重播)|广告|赞|点赞|分享|收藏|评论|[\d.]+\s*万?\s*(条评论|评论|赞|阅读|次播放)|(阅读|浏览|评论|点赞|收藏|分享|转发|赞)\s*[（(]\s*[\d.]+\s*万?\s*[)）]|返回.{1,6}[，,]\s*查看更多|举报\s*[/／]\s*反馈)[？?！!。]?$/i,
  // a newsroom's tip line under the story (澎湃新闻报料：021-962866)
  /^.{0,10}(报料|爆料|新闻热线|報料)(热线|電話|电话)?\s*[:：]?\s*[\d-]{7,}$/,
  // an account's follow prompts and a repost's rights notice (公众号 articles and their copies)
  /^(点击|点)(上方|下方)?\s*[“"「]?(蓝字|蓝色字|名片)[”"」]?\s*[，,]?\s*(关注|订阅)(我们)?[!！。]?$|^点个\s*[“"「]?在看[”"」]?.{0,16}$/,
  /^[【[（(]?\s*(版权)?(声明|聲明)\s*[:：】\]）)]?.{0,30}(版权归原作者所有|如有侵权.{0,6}(联系|删除))/,
  // a portal's own app promotion closing the story (海量资讯、精准解读，尽在新浪财经APP)
  /尽在.{1,10}(APP|App|客户端)[!！。]?$/,
  // an app's prompt under a picture (打开网易新闻 查看精彩图片), a post's own tools (+1, 我要举报,
  // 查看原图, 写评论...)
  /^打开.{1,6}(新闻|客户端|APP)\s*[，,]?\s*查看.{0,6}(图片|视频|内容)$|^.{1,6}APP内打开$|^[+＋]\s*1$|^我要(举报|纠错|评论)$|^(点击)?查看(原图|大图)$|^(写|发表)评论[.。…]*$/i,
  // an app's plug in a short line (更多精彩内容，请下载新华社客户端), a fold left as text (展开剩余85%),
  // a picture's zoom prompt, a 公众号's 阅读原文 link (点击加载更多 ends the article: ARTICLE_END)
  /^.{0,12}(请|欢迎|請|歡迎)?(下载|安装|打开|下載|安裝|打開).{1,10}(客户端|客戶端|APP|App|app)[。！!]?$|^(展开|展開)剩余\s*\d{1,2}\s*%$|^(点击|点)(图片)?(查看|看)(大图|原图|高清大图|高清图)$|^阅读原文$/,
  // a site's own disclaimer (本网站所刊载信息，不代表本站观点; 如有侵权请联系删除, but a picture's
  // credit stays: 图片来自网络，如有侵权，请联系删除) and its comment widget's words (网友评论, 已有0人参与,
  // 我来说两句, 查看全部评论)
  /^.{0,20}(刊载|转载|刊登|发布).{0,20}不代表.{1,10}(立场|观点)[。.]?$|^(?!.*[图圖]).{0,10}如有侵权.{0,12}(联系|删除).{0,10}$|^(网友评论|查看全部评论|查看更多评论|我来说两句|已有\s*[\d,]+\s*人参与|[\d,]+\s*人参与)$/,
  // a 公众号's tail: its 阅读原文 link and follow plug (点击“阅读原文”了解更多, 欢迎关注示例财经公众号,
  // 更多精彩资讯请关注示例日报微信公众号),
  // and the arrow pointing at them
  /^(点击|点)?\s*[“"「]?阅读原文[”"」]?.{0,20}$|^(更多.{0,8})?(欢迎|敬请|请|歡迎|敬請|請)(关注|關注).{0,30}(公众号|公眾號|微信|微博|客户端|客戶端|视频号|視頻號|抖音号?|头条号)[!！。]?$|^[▼▲↓↑▶◀►◄⬇⬆\s]+$/,
  // a page's reading tools written out as lines: its audio player (语音播报, 听新闻), font-size buttons
  // in either order (A+ A-, 字体：小 中 大), its loading text and reading-time note
  /^(语音播报|語音播報|听新闻|聽新聞|收听本文|收聽本文|朗读本文|朗讀本文)$|^A[+＋]\s*A[-－]$|^A[-－]\s*A[+＋]$|^[【[]?\s*(字体|字體|字号|字號)\s*[:：]?\s*[【[]?\s*[大中小](\s*[大中小]){1,2}|^(正在加载|加载中|正在載入|載入中)[.。…]*$|^本文共\s*[\d,]+\s*字.{0,20}$/,
  // the post's buttons written out in a row (点赞 收藏 分享)
  /^((点赞|點讚|收藏|分享|评论|評論|转发|轉發|举报|舉報|在看)\s*){2,}$/,
  // a call to like and share (原创不易，欢迎点赞、转发、关注！)
  /^.{0,10}(欢迎|记得|别忘了|请|求|喜欢就|觉得.{0,6}就?)(大家)?(点赞|在看|转发|关注|收藏|评论|分享)([、，,和与及/]*(点赞|在看|转发|关注|收藏|评论|分享|三连))+.{0,8}$/,
  // a call to click in a short line (點我訂閱自由財經Youtube頻道, 現在用APP看新聞…點我下載APP)
  /^(点我|點我|按我)(订阅|訂閱|下载|下載|看|加入|追踪|追蹤|收看)|(点我|點我|按我|点击|點擊)(下载|下載)\s*APP/i,
  // a newsroom asking for tips (【如果您有新闻线索，欢迎向我们报料……】)
  /^[【[（(]?\s*(如果您有|如您有|欢迎提供|欢迎提供更多)?.{0,6}新闻线索.{0,80}(报料|爆料|联系我们|联系)/,
];

/** An editor's summary over a story (核心提示：…, 导读：…, 摘要：…): its label, before its words. */
const SUMMARY_LABEL =
  /^[【[]?\s*(?:核心提示|导读|導讀|导语|導語|摘要|内容摘要|內容摘要|内容提要|內容提要|提要)\s*[:：】\]]\s*/;

/** The summary's words: what follows its label, without the ellipsis of one cut short. */
export function summaryWords(text: string): string | null {
  const words = text.replace(SUMMARY_LABEL, '');
  return words === text || words.length < 20 ? null : words.replace(/(\.{3}|…+)$/, '');
}

/** A summary that only repeats the paragraph after it (a CMS's excerpt of the story's opening). */
function repeatsNext(line: Line, next: Line | undefined): boolean {
  const words = next && summaryWords(line.text);
  return !!words && looseKey(next.text).includes(looseKey(words));
}

const RELATED_HEADING =
  /^(相关(新闻|阅读|文章|链接|报道|推荐|专题|稿件)|相關(新聞|閱讀|文章|連結|報導|報道|推薦|專題)|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热点推荐|熱點推薦|更多(精彩|阅读|閱讀|新闻|新聞)|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐|精彩推薦|往期回顾|往期回顧|热点新闻|熱門新聞|今日推荐|往期推荐|往期精选|往期精彩|精彩回顾|历史文章|近期热文)\s*[:：]?$/;

/** The same on Western pages: the heading of the story links after (or inside) an article. */
const WESTERN_RELATED_HEADING =
  /^(related( (stories|articles|coverage|content|links|reading|posts))?|more (stories|news|coverage|to read|on this (story|topic))|more from [\w\s'’&.-]{1,40}|most (popular|read|viewed|shared)|trending( now| stories)?|recommended( (stories|reading|for you|articles))?|(you|we think you) (may|might|will) (also )?like|read next|up next|what to read next|editors'? picks)\s*:?$/i;

/** 相关新闻 spaced out or dotted (相 关 新 闻, 相关·新闻) is the same heading. */
const isChineseRelatedHeading = (text: string) => RELATED_HEADING.test(text.replace(/[\s·•・]+/g, ''));

/** A heading over other stories (相关新闻, Related stories): never the story's own heading or deck. */
export function isRelatedHeading(text: string): boolean {
  return isChineseRelatedHeading(text) || WESTERN_RELATED_HEADING.test(text);
}

const BOILERPLATE_CLASS =
  /(^|[-_\s])(share|sharing|bdshare|jiathis|social|print|fontsize|font-size|zihao|related|xgxw|xgyd|recommend|tuijian|comments?|pinglun|copyright|banquan|qrcode|erweima|ewm|advert|advertisement|guanggao|hotline|rexian|toolbar|page-?tools|article-?tools)([-_\s]|$)/i;

function linkDensity(el: Element): number {
  const text = collapseSpace(el.textContent ?? '').length;
  if (!text) return 0;
  let links = 0;
  for (const a of el.getElementsByTagName('a')) links += collapseSpace(a.textContent ?? '').length;
  return links / text;
}

/**
 * The box of a widget line with its own heading and nothing else (`<div><h3>Get the morning
 * briefing</h3><p>Sign up for our newsletter…</p></div>`): the heading goes with the line.
 */
function widgetWithHeading(line: Element, root: Element): Element | null {
  const box = line.parentElement;
  if (!box || box === root || box.children.length !== 2 || box.lastElementChild !== line) return null;
  const heading = box.firstElementChild!;
  return /^H[2-6]$/.test(heading.tagName) && collapseSpace(heading.textContent ?? '').length <= 60
    ? box
    : null;
}

/** Quotation marks and ellipses, which a pull quote adds to the words it repeats. */
const QUOTE_MARKS = /[\s"'“”‘’「」『』«»…]|\.{3}/g;

/**
 * Pull quotes: a quotation set apart (blockquote, aside) that repeats words of the story's own
 * paragraphs, maybe cut short. A quotation the story does not repeat is its text and stays.
 */
function dropPullQuotes(root: Element): void {
  const quotes = [...root.querySelectorAll('blockquote, aside')];
  if (!quotes.length) return;
  // the story's own paragraphs, no quotation in or around them (a tweet embedded twice is quoted twice)
  const paragraphs = [...root.querySelectorAll('p, li')]
    .filter((p) => !p.closest('blockquote, aside') && !p.querySelector('blockquote, aside'))
    .map((p) => (p.textContent ?? '').replace(QUOTE_MARKS, ''));
  for (const quote of quotes) {
    if (!root.contains(quote) || hasMedia(quote)) continue;
    const key = (quote.textContent ?? '').replace(QUOTE_MARKS, '');
    if (key.length < 30 || key.length > 400) continue;
    if (paragraphs.some((text) => text.includes(key))) quote.remove();
  }
}

const isHeadlineLine = (line: Line | undefined): boolean =>
  !!line && line.text.length >= HEADLINE_LINK_CHARS && line.linkChars >= line.text.length * 0.8;

/**
 * The summaries of other stories' cards on the page (热门新闻, 娱乐热点), as loose keys: a line cut
 * short with an ellipsis right under a headline that is all link, or under a short line (its date)
 * under one. Readability keeps such cards beside a short story when no class name marks them a
 * sidebar, and may drop their headlines and keep the summaries.
 */
export function teaserSummaries(lines: readonly Line[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (!(text.endsWith('…') || text.endsWith('...')) || text.length < 20 || line.linkChars > text.length / 2)
      continue;
    const above = lines[i - 1]!;
    if (isHeadlineLine(above) || (above.text.length < 30 && isHeadlineLine(lines[i - 2])))
      keys.add(looseKey(text));
  }
  return keys;
}

/**
 * Other stories' teasers left in the body (`teaserSummaries`), each with the boxes around it that hold
 * little more (its date, its source); never a line that is most of what the body holds.
 */
function removeTeasers(root: Element, teasers: ReadonlySet<string>): void {
  const lines = collectLines(root);
  const most = lines.reduce((n, line) => n + line.text.length, 0) / 2;
  for (const line of lines) {
    const length = line.text.length;
    if (length >= most || !teasers.has(looseKey(line.text)) || !root.contains(line.el)) continue;
    let card = line.el;
    for (let box = card.parentElement; box && box !== root; box = box.parentElement) {
      if (collapseSpace(box.textContent ?? '').length > length + 30 || hasMedia(box)) break;
      card = box;
    }
    if (card !== root) card.remove();
  }
}

/**
 * A platform's disclaimer under a self-media post (网易号, 搜狐号, 百家号…), in Chinese or English:
 * it can be a long line, so it is matched by its opening words.
 */
const PLATFORM_DISCLAIMER =
  /^[【[（(「『]?\s*[\u4e00-\u9fff]{0,4}(声明|聲明)\s*[:：】\]）)].{0,80}(仅提供信息存储|僅提供資訊儲存|信息发布平台|仅代表作者(本人|个人)?的?观点|转载.{0,6}(仅仅|只)?是出于传播信息|不代表.{1,10}(立场|观点)|并不意味着赞同其观点|不构成投资建议)|(用户上传|上传并发布|仅代表(该)?作者|作者本人).{0,60}(仅提供信息存储|信息发布平台|信息发布传播服务|不代表.{1,10}(立场|观点))|^Notice:\s*The content above .{0,80}(uploaded|posted) by/i;

/**
 * A paywall's or login wall's notice where a story's free part ends, in Chinese or Japanese, whatever
 * the page's language (本文为付费内容，订阅后可阅读全文; 登录后查看全文; ［有料会員限定］この記事は会員限定です):
 * near the start of a short line. Western walls are western.ts's.
 */
const CJK_WALL =
  /^.{0,12}(?:(?:本文|此文|该文|該文|此内容|本内容|以下内容|剩余内容|剩余\s*\d+%\s*的?内容)(?:为|是|為|属于)?(?:付费|付費|会员|會員|VIP|订阅|訂閱)(?:专享|專享|专属|專屬|内容|內容|阅读|閱讀|文章)|(?:登录|登入|订阅|訂閱|开通会员|開通會員|开通VIP|购买|購買|付费|付費)(?:后|後)(?:即可|可以?)?(?:继续|繼續)?(?:阅读|閱讀|查看|观看|觀看)(?:全文|完整|剩余|剩餘|更多|全部)|(?:有料)?会員限定|続きを(?:お)?読み)/u;

function isPaywallNotice(text: string): boolean {
  return text.length <= 150 && CJK_WALL.test(text);
}

export function isBoilerplateLine(text: string): boolean {
  if (text.length <= 400 && PLATFORM_DISCLAIMER.test(text)) return true;
  if (text.length > 150) return false;
  // a widget's count on a line of its own (阅读量：1234, 浏览次数：56); a forum post's tail
  return BOILERPLATE_LINE.some((re) => re.test(text)) || isWidgetCount(text) || POST_TAIL.test(text);
}

const LAZY_ATTRS = [
  'data-src',
  'data-original',
  'data-actualsrc',
  'data-lazy-src',
  'data-lazyload',
  'data-url',
  'original',
  'file',
];
const PLACEHOLDER = /^data:|blank|placeholder|loading|lazy|spacer|grey\.gif|pixel|1x1/i;

function largestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of srcset.split(/,\s+/)) {
    const [candidate, descriptor] = part.trim().split(/\s+/);
    if (!candidate) continue;
    const size = descriptor ? parseFloat(descriptor) : 1;
    if (size > bestSize) {
      best = candidate;
      bestSize = size;
    }
  }
  return best;
}

function absolute(value: string, base: string): string | null {
  try {
    return new URL(value.trim(), base).toString();
  } catch {
    return null;
  }
}

/** img src from lazy-loading attributes when src is missing or a placeholder. */
export function promoteLazyImage(img: Element, base: string): void {
  const src = img.getAttribute('src') ?? '';
  if (!src || PLACEHOLDER.test(src)) {
    const lazy = LAZY_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && !PLACEHOLDER.test(v));
    const fromSet = img.getAttribute('data-srcset') ?? img.getAttribute('srcset');
    const chosen = lazy ?? (fromSet ? largestFromSrcset(fromSet) : null);
    if (chosen) img.setAttribute('src', chosen);
  }
  const final = img.getAttribute('src');
  if (final && !final.startsWith('data:')) {
    const abs = absolute(final, base);
    if (abs) img.setAttribute('src', abs);
    else img.removeAttribute('src');
  }
  img.removeAttribute('srcset');
}

function isIcon(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (w > 0 && w <= 40) || (h > 0 && h <= 40);
}

/** Whether `el` holds content worth keeping without text: a real image (not an icon), a table, a video. */
function hasMedia(el: Element): boolean {
  if (el.tagName === 'IMG') return !isIcon(el);
  if (el.querySelector('table, video, picture')) return true;
  return [...el.getElementsByTagName('img')].some((img) => !isIcon(img));
}

/** Removes the run of inline children of `el` whose text is `text` (a line inside a larger block). */
function removeInlineRun(el: Element, text: string): void {
  let run: ChildNode[] = [];
  const flush = (): boolean => {
    const runText = collapseSpace(run.map((n) => n.textContent ?? '').join(''));
    if (runText === text && !run.some((n) => n.nodeType === 1 && hasMedia(n as Element))) {
      const previous = run[0]?.previousSibling;
      const next = run.at(-1)?.nextSibling;
      for (const n of run) n.remove();
      // the line break that set the line apart goes with it
      if (next && (next as Element).tagName === 'BR') next.remove();
      else if (!next && previous && (previous as Element).tagName === 'BR') previous.remove();
      return true;
    }
    run = [];
    return false;
  };
  for (const child of [...el.childNodes]) {
    // a block or a line break ends a run, as it ends a line
    if (
      child.nodeType === 1 &&
      (BLOCK_TAGS.has((child as Element).tagName) || (child as Element).tagName === 'BR')
    ) {
      if (flush()) return;
    } else run.push(child);
  }
  flush();
}

/**
 * Private-use code points: icon-font glyphs (play, share, close and like icons) that portals render as
 * text. They mean nothing outside the page's font.
 */
const PRIVATE_USE = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/gu;

/** Removes private-use characters from every text node under `root`. */
export function stripPrivateUse(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const stripped = value.replace(PRIVATE_USE, '');
    if (stripped !== value) node.nodeValue = stripped;
  }
}

const PROSE_LINE = /[.!?。！？]/;

/**
 * Where each line stands in the body: its head (before the first paragraph of prose, a line of 100
 * characters or more with a sentence mark, or among its first three lines: a dek may come before
 * the date), its tail (after the last paragraph of prose, or among its last three lines: two bios
 * may follow each other), or between. The story's edges hold its dateline, byline and bio.
 */
function linePlaces(lines: readonly Line[]): (line: Line) => LinePlace {
  const isProse = (line: Line) => line.text.length >= 100 && PROSE_LINE.test(line.text);
  const first = lines.findIndex(isProse);
  const last = lines.findLastIndex(isProse);
  const position = new Map(lines.map((line, i) => [line, i]));
  return (line) => {
    const i = position.get(line) ?? 0;
    if (first < 0 || i < first || i < 3) return 'head';
    return i > last || i >= lines.length - 3 ? 'tail' : 'middle';
  };
}

/** A link that only folds or unfolds a block: the page's control, glued to a heading's text. */
const TOGGLE_LINK = /^(收起|展开|展開|收起全文|展开全文|折叠|摺疊)$/;
/** An embedded player's container (mplayer, video-player, xgplayer …), not a sports story's table. */
const PLAYER = 'div[class*="player" i], div[id*="player" i]';

/**
 * An embedded video's chrome in a Chinese story: the heading its fold and unfold link closes (the
 * folded clip's title, `《…》播出收起`; the link or its bare text), other such links, and the text
 * of its player (the clip's title overlay, controls, timers). The story's own text is in
 * sentences, which a player's text has none of.
 */
function removePlayerChrome(root: Element): void {
  for (const heading of [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
    // (Readability turns a javascript: link into its bare text)
    const last = heading.lastChild;
    const toggle = last?.nodeType === 1 ? last.nodeName === 'A' : last?.nodeType === 3;
    if (!toggle || !last!.previousSibling || !TOGGLE_LINK.test(collapseSpace(last!.textContent ?? '')))
      continue;
    const title = collapseSpace(heading.textContent ?? '');
    if (title.length < 100 && !/[。！？]/.test(title)) heading.remove();
  }
  for (const link of [...root.getElementsByTagName('a')])
    if (TOGGLE_LINK.test(collapseSpace(link.textContent ?? ''))) link.remove();
  for (const el of root.querySelectorAll(PLAYER)) {
    if (el === root || !root.contains(el) || el.querySelector('table')) continue;
    const text = collapseSpace(el.textContent ?? '');
    if (text.length < 300 && !/[。！？]/.test(text)) el.remove();
  }
}

/** Cleans `root` in place. */
export function cleanBody(root: Element, context: CleanContext): void {
  const base = context.baseUrl;
  for (const el of root.querySelectorAll(DROP_TAGS)) el.remove();
  stripPrivateUse(root);
  if (context.chinese !== false) removePlayerChrome(root);
  for (const selector of context.remove ?? []) {
    try {
      for (const el of root.querySelectorAll(selector)) el.remove();
    } catch {
      // a bad selector in a rule must not break extraction
    }
  }
  // Small widgets by class/id (share bars, font-size switches, related lists); never big text blocks
  for (const el of context.chinese === false ? [] : root.querySelectorAll('[class], [id]')) {
    if (el === root || !root.contains(el)) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    // a highlighter's `hljs-comment` inside a code block is the code's own text
    if (!BOILERPLATE_CLASS.test(name) || el.closest('pre, code')) continue;
    const text = collapseSpace(el.textContent ?? '');
    const linkText = [...el.querySelectorAll('a')].reduce(
      (n, a) => n + collapseSpace(a.textContent ?? '').length,
      0,
    );
    if (text.length < 200 || linkText > text.length * 0.5) el.remove();
  }

  // Western stories: furniture the page marks by class (credits, bylines, screen-reader labels)
  const bodyText = context.chinese === false ? (root.textContent ?? '') : '';
  const westernStory = context.chinese === false && westernScript(bodyText);
  if (westernStory) for (const el of markedFurniture(root, bodyText.length)) if (!hasMedia(el)) el.remove();
  dropPullQuotes(root);

  const known = context.knownKeys ?? new Set<string>();
  let lines = collectLines(root);
  // (before the lines go one by one: a comment thread's heading goes as chrome, and with it the mark;
  // the lines are read again only where the story was cut)
  if (context.chinese !== false && cutAtArticleEnd(root, lines)) lines = collectLines(root);
  const stack = new Set(context.chinese && context.titleKey ? headlineStack(lines, context.titleKey) : []);
  const pager = context.chinese === false ? pagerLines(lines) : null;
  const closing = context.chinese === false ? closingLinkLines(lines) : null;
  const opening = context.chinese === false ? openingLinkLines(lines) : null;
  const repeated = westernStory ? repeatedLines(lines) : null;
  const placeOf = westernStory ? linePlaces(lines) : null;
  const relatedHeadings: Element[] = [];
  // a forum post's card and date line, where the post's box came whole
  const postHeader = context.chinese !== false ? postHeaderLength(lines) : 0;
  for (const line of lines) {
    const el = line.el;
    if (el === root || !root.contains(el)) continue;
    // the element's whole text only for lines that may go (a container's text is the whole subtree)
    const whole = () => collapseSpace(el.textContent ?? '');
    if (
      line.index < postHeader ||
      (line.index < 8 && known.has(looseKey(line.text))) ||
      (line.index < 8 && repeatsNext(line, lines[line.index + 1])) ||
      stack.has(line) ||
      (context.chinese !== false && isBoilerplateLine(line.text)) ||
      isPaywallNotice(line.text) ||
      (context.chinese === false && isWesternChrome(line.text, line.linkChars)) ||
      pager?.has(line) ||
      closing?.has(line) ||
      opening?.has(line) ||
      repeated?.has(line) ||
      (placeOf && !line.el.closest('td, th') && isWesternFurniture(line.text, placeOf(line))) ||
      (line.index < 4 && isBylineLine(line.text) && line.text.length < 60)
    ) {
      // a line of its own goes with its element; a line inside a larger block goes alone
      // (a line beside a picture leaves the picture: 打开网易新闻 查看精彩图片 under it)
      if (whole() !== line.text || hasMedia(el)) removeInlineRun(el, line.text);
      else (widgetWithHeading(el, root) ?? el).remove();
      continue;
    }
    const relatedHeading =
      context.chinese === false
        ? WESTERN_RELATED_HEADING.test(line.text)
        : isChineseRelatedHeading(line.text);
    if (relatedHeading && whole() === line.text) relatedHeadings.push(el);
  }
  for (const related of relatedHeadings) {
    if (!root.contains(related)) continue;
    // The 相关新闻 heading and the link lists after it; stop at the first block of real text.
    let target: Element = related;
    while (target.parentElement && target.parentElement !== root && !target.nextElementSibling)
      target = target.parentElement;
    let next = target.nextElementSibling;
    while (next && (linkDensity(next) > 0.5 || collapseSpace(next.textContent ?? '').length < 30)) {
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
    related.remove();
  }
  // Link lists that Readability kept (sidebars, 推荐 blocks): containers that are mostly links
  const containers =
    context.chinese === false ? [] : [...root.querySelectorAll('div, ul, ol, section, aside, dl, table')];
  for (const el of containers.reverse()) {
    if (el === root || !root.contains(el) || el.getElementsByTagName('a').length < 2) continue;
    if (linkDensity(el) > 0.5) el.remove();
  }

  for (const img of root.querySelectorAll('img')) {
    promoteLazyImage(img, base);
    const w = Number(img.getAttribute('width'));
    const h = Number(img.getAttribute('height'));
    if (!img.getAttribute('src') || (w > 0 && w <= 2) || (h > 0 && h <= 2)) img.remove();
  }
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    if (/^\s*javascript:/i.test(href) || href.trim().startsWith('#')) {
      a.removeAttribute('href');
      continue;
    }
    const abs = absolute(href, base);
    if (abs) a.setAttribute('href', abs);
    else a.removeAttribute('href');
  }
  if (context.trimTeasers) trimTrailingTeasers(root, context.teasers);
  if (context.teasers?.size) removeTeasers(root, context.teasers);
  normaliseIndentation(root);
  removeEmpty(root, context.chinese === false);
  dropClosingHeadings(root);
}

/**
 * Headings that close the body with nothing under them: their sections (references, related links,
 * a comment form) were furniture and went, the heading stayed behind.
 */
function dropClosingHeadings(root: Element): void {
  for (;;) {
    // the body's last element, skipping blank text and comments after it
    let last: Element = root;
    for (;;) {
      let child = last.lastChild;
      while (child && child.nodeType !== 1 && !(child.nodeType === 3 && child.nodeValue?.trim()))
        child = child.previousSibling;
      if (!child || child.nodeType !== 1) break;
      last = child as Element;
    }
    const heading = last === root ? null : last.closest('h1, h2, h3, h4, h5, h6');
    if (!heading || heading === root || !root.contains(heading) || hasMedia(heading)) return;
    // never the body's only text
    if (collapseSpace(root.textContent ?? '').length <= collapseSpace(heading.textContent ?? '').length)
      return;
    heading.remove();
  }
}

/**
 * Where a Chinese article ends and the page's feed begins: its pagination bar (首页 | 上一页 1 下一页 |
 * 尾页) or a "load more" button. Everything after it in the body is the next stories' teasers.
 */
const ARTICLE_END =
  /^(首页\s*[|｜]?\s*)?上一页(\s*[|｜]?\s*\d+)*\s*[|｜]?\s*下一页(\s*[|｜]?\s*(尾页|末页))?$|^(点击)?(加载|查看)更多(新闻|内容|资讯)?$/;

/** A heading over a comment thread (网友评论, 最新評論, Comments), maybe with its count (热门评论 10条). */
const COMMENTS_HEADING =
  /^(网友评论|網友評論|最新评论|最新評論|热门评论|熱門評論|精彩评论|精彩評論|全部评论|全部評論|读者评论|讀者評論|用户评论|用戶評論|评论区|評論區|网友留言|網友留言|留言板|comments?|\d+\s*comments?|leave a (comment|reply)|join the (conversation|discussion))\s*[:：]?(\s*[（(]?\s*\d+\s*条?\s*[)）]?)?$/i;

/** Whether a line heads a comment thread: what follows it is the readers', not the story's. */
export function isCommentsHeading(text: string): boolean {
  return COMMENTS_HEADING.test(text.trim()) || COMMENTS_HEADING.test(text.replace(/\s+/g, ''));
}

/**
 * A comment thread's heading inside the body ends the story too, where it is set as a heading or
 * with the thread's count (`<h3>热门评论 10条</h3>`, `全部评论(12)`): a paragraph's 网友评论 label stays.
 */
function endsStory(line: Line): boolean {
  const text = line.text.replace(/\s+/g, ' ').trim();
  if (ARTICLE_END.test(text)) return true;
  return isCommentsHeading(text) && (/^H[1-6]$/.test(line.el.tagName) || /\d/.test(text));
}

/** Cuts the story at its end mark (`lines` are root's); whether there was one to cut at. */
function cutAtArticleEnd(root: Element, lines: readonly Line[]): boolean {
  const end = lines.findIndex((line, i) => i >= 2 && endsStory(line));
  if (end < 0) return false;
  // remove the mark and everything after it in document order, up to the body's root
  let el: Element | null = lines[end]!.el;
  if (el === root) return false;
  while (el && el !== root) {
    while (el.nextSibling) el.nextSibling.remove();
    const parent: Element | null = el.parentElement;
    if (el === lines[end]!.el) el.remove();
    el = parent;
  }
  return true;
}

const INLINE_BREAKERS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'SECTION',
  'BR',
]);

/** Strips U+3000/&nbsp; indentation at the start of each block and collapses their runs elsewhere. */
function normaliseIndentation(root: Element): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let atBlockStart = true;
  let lastBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let block: Node | null = node.parentNode;
    while (block && block !== root && !INLINE_BREAKERS.has((block as Element).tagName))
      block = block.parentNode;
    const prev = node.previousSibling;
    if (block !== lastBlock || (prev && (prev as Element).tagName === 'BR')) atBlockStart = true;
    lastBlock = block;
    let value = node.nodeValue ?? '';
    if (atBlockStart) value = value.replace(/^[\s\u3000\u00a0]+/, '');
    value = value.replace(/[\u3000\u00a0]{2,}/g, ' ');
    if (value !== node.nodeValue) node.nodeValue = value;
    if (value.trim()) atBlockStart = false;
  }
}

const REMOVABLE_EMPTY = new Set([
  'P',
  'DIV',
  'SPAN',
  'SECTION',
  'FONT',
  'STRONG',
  'B',
  'CENTER',
  'LI',
  'UL',
  'OL',
  'A',
  'EM',
  'I',
  'U',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGURE',
  'BLOCKQUOTE',
  'ARTICLE',
]);

const MEDIA_TAGS = new Set(['TABLE', 'VIDEO', 'PICTURE']);

/**
 * Removes elements with neither text nor media. Bottom-up in one pass (reverse document order puts
 * children before their parent), so each element looks at its own children only: asking every
 * element for its textContent and media made this quadratic in the nesting depth.
 */
function removeEmpty(root: Element, keepSpaces = false): void {
  const full = new Set<Element>();
  for (const el of [...root.querySelectorAll('*')].reverse()) {
    if (holdsContent(el, full)) full.add(el);
    else if (!REMOVABLE_EMPTY.has(el.tagName)) continue;
    // the only space between two words may sit in an inline element (`misguided<em> </em>policy`):
    // Western text keeps it, or the words run together
    else if (keepSpaces && INLINE_EMPTY.has(el.tagName) && /\s/.test(el.textContent ?? ''))
      el.replaceWith(' ');
    else el.remove();
  }
}

/** Inline elements whose whitespace-only text may be the space between two words. */
const INLINE_EMPTY = new Set(['SPAN', 'FONT', 'STRONG', 'B', 'A', 'EM', 'I', 'U']);

/** A real image or other media, or a child that is text or an element already found to hold content. */
function holdsContent(el: Element, full: ReadonlySet<Element>): boolean {
  if (el.tagName === 'IMG') return !isIcon(el);
  if (MEDIA_TAGS.has(el.tagName)) return true;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 ? collapseSpace(child.nodeValue ?? '') !== '' : full.has(child as Element))
      return true;
  }
  return false;
}
